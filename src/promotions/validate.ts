// What `check` says about promotions/promotions.json beyond its shape: codes used twice, unknown countries, days
// in the wrong order, descriptions missing in a language.
import type { ContentProblem } from '../shared/index.js';
import type { PromotionsFile } from './schema.js';

/** Points at a JSON path of the file (knowledge's problemAt over the parsed document). */
type Locate = (path: (string | number)[], message: string, severity?: 'error' | 'warning') => ContentProblem;

export interface PromotionCheck {
  isCountry(code: string): boolean;
  defaultLanguage: string;
  languages: string[];
}

export function promotionProblems(file: PromotionsFile, at: Locate, check: PromotionCheck): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, number>();
  file.promotions.forEach((promotion, index) => {
    const here = (...rest: (string | number)[]) => ['promotions', index, ...rest];
    const upper = promotion.code.toUpperCase();
    if (seen.has(upper))
      problems.push(at(here('code'), `code "${promotion.code}" is also promotion [${seen.get(upper)}]; codes are matched whatever their case`));
    seen.set(upper, index);
    promotion.countries.forEach((code, position) => {
      if (code !== '*' && !check.isCountry(code)) problems.push(at(here('countries', position), `"${code}" is not a country code; use "DE", "EU" or "*"`));
    });
    if (promotion.startsOn && promotion.endsOn && promotion.endsOn < promotion.startsOn)
      problems.push(at(here('endsOn'), `it ends (${promotion.endsOn}) before it starts (${promotion.startsOn})`));
    if (!promotion.description[check.defaultLanguage])
      problems.push(at(here('description'), `no description in the default language "${check.defaultLanguage}"`));
    for (const language of check.languages) {
      if (!promotion.description[language])
        problems.push(at(here('description'), `no ${language} description: ${language} shoppers read the ${check.defaultLanguage} one`, 'warning'));
    }
    for (const currency of promotion.currencies ?? []) {
      if (promotion.minimumOrder && promotion.minimumOrder[currency] === undefined)
        problems.push(at(here('minimumOrder'), `currency ${currency} is accepted but has no minimum order; add one or remove it from "currencies"`));
    }
  });
  Object.keys(file.currencies?.byCountry ?? {}).forEach((code) => {
    if (!check.isCountry(code)) problems.push(at(['currencies', 'byCountry', code], `"${code}" is not a country code`));
  });
  return problems;
}
