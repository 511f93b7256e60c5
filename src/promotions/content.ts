// Promotions as the pipeline uses them: codes looked up whatever their case, countries resolved to sets, the
// shopper's currency per country. Built once when content loads.
import type { Promotion, PromotionsFile } from './schema.js';

export interface CompiledPromotion extends Promotion {
  /** "*" was among the countries. */
  everywhere: boolean;
  /** The countries it works in, regions ("EU") resolved to their members. */
  countrySet: ReadonlySet<string>;
}

export interface PromotionContent {
  promotions: readonly CompiledPromotion[];
  /** Upper-cased code → promotion. */
  byCode: ReadonlyMap<string, CompiledPromotion>;
  defaultCurrency?: string;
  /** Country → the currency its shoppers pay in. */
  currencyByCountry: ReadonlyMap<string, string>;
  /** A currency word, lower-cased ("euros") → its currency. */
  currencyWords: ReadonlyMap<string, string>;
}

/** `regions` resolves a region code ("EU") to its countries; any other code stands for itself. */
export function compilePromotions(file: PromotionsFile, regions: Readonly<Record<string, readonly string[]>>): PromotionContent {
  const resolve = (codes: string[]) => codes.flatMap((code) => regions[code] ?? [code]);
  const promotions = file.promotions.map((promotion) => ({
    ...promotion,
    everywhere: promotion.countries.includes('*'),
    countrySet: new Set(resolve(promotion.countries.filter((code) => code !== '*'))),
  }));
  const currencyByCountry = new Map<string, string>();
  // A country named on its own wins over the region it belongs to.
  const entries = Object.entries(file.currencies?.byCountry ?? {}).sort(([a], [b]) => Number(!!regions[b]) - Number(!!regions[a]));
  for (const [code, currency] of entries) for (const country of resolve([code])) currencyByCountry.set(country, currency);
  return {
    promotions,
    byCode: new Map(promotions.map((promotion) => [promotion.code.toUpperCase(), promotion])),
    ...(file.currencies ? { defaultCurrency: file.currencies.default } : {}),
    currencyByCountry,
    currencyWords: new Map(
      Object.entries(file.currencies?.words ?? {}).flatMap(([currency, words]) => words.map((word) => [word.toLowerCase(), currency] as const)),
    ),
  };
}

export const appliesIn = (promotion: CompiledPromotion, country: string) => promotion.everywhere || promotion.countrySet.has(country);

export const isRunning = (promotion: Promotion, today: string) =>
  (!promotion.startsOn || promotion.startsOn <= today) && (!promotion.endsOn || today <= promotion.endsOn);
