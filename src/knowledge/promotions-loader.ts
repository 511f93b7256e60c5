// promotions/promotions.json: the store's discounts, checked against its countries and languages.
import { compilePromotions, promotionProblems, PromotionsFile, type PromotionContent } from '../promotions/index.js';
import { EU_COUNTRIES, problemAt } from '../shared/index.js';
import type { ContentReader } from './content-reader.js';
import { isCountry } from './shipping-loader.js';

/** promotions/promotions.json, optional: without it discount questions get the general template. */
export async function loadPromotions(reader: ContentReader, defaultLanguage: string, languages: string[]): Promise<PromotionContent | undefined> {
  const read = await reader.read('promotions/promotions.json', PromotionsFile, true);
  if (!read) return undefined;
  const at = (path: (string | number)[], message: string, severity?: 'error' | 'warning') => problemAt(read.document, path, message, severity);
  reader.problems.push(...promotionProblems(read.value, at, { isCountry, defaultLanguage, languages }));
  return compilePromotions(read.value, { EU: EU_COUNTRIES });
}
