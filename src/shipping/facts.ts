// Shipping and customs facts: which zone a country is in (carriers, days, cost) and which duties note applies,
// from the operator's shipping/ content. Pure lookups over the snapshot.
import { EU_COUNTRIES, formatMoney, listFormat, localeRegion } from '../shared/index.js';
import type { DutyRule, ShippingZone } from './schema.js';

export interface ShippingContent {
  zones: ShippingZone[];
  duties: DutyRule[];
}

/** A destination and where the bot got it from: this message, earlier in the chat, the customer, the locale. */
export interface Destination {
  country: string;
  from: 'message' | 'chat' | 'customer' | 'locale';
}

export const SHIPPING_INTENTS = new Set(['shipping_info', 'customs_duties']);

export interface DestinationInput {
  /** The country this message names. */
  named?: string;
  /** A country the shopper named earlier in the chat (recently enough to count). */
  earlier?: string;
  /** The signed-in customer's country, from the store or their latest order. */
  customer?: string;
  locale?: string;
  /** Whether the message is about shipping or customs: only then do earlier, customer or locale countries count. */
  isAboutShipping: boolean;
}

/** Where a shipping or customs question is about: the country named wins, then the chat's, the customer's, the locale's. */
export function chooseDestination(input: DestinationInput): Destination | null {
  if (input.named) return { country: input.named, from: 'message' };
  if (!input.isAboutShipping) return null;
  if (input.earlier) return { country: input.earlier, from: 'chat' };
  if (input.customer) return { country: input.customer, from: 'customer' };
  const region = localeRegion(input.locale);
  return region ? { country: region, from: 'locale' } : null;
}

export interface ShippingFacts {
  country: string;
  /** False when no zone has the country: the store does not ship there. */
  ships: boolean;
  zone?: string;
  carriers?: string[];
  minDays?: number;
  maxDays?: number;
  cost?: number;
  currency?: string;
  freeOver?: number;
}

export interface DutiesFacts {
  country: string;
  note: string;
  /** Only the catch-all rule ("*") covers the country: what the store knows in general, nothing said for it. */
  general: boolean;
  threshold?: { amount: number; currency: string };
}

/** Every country the zones and duties rules name, with "EU" as its member states ("*" names none). */
export function countriesNamed(content: ShippingContent): string[] {
  const codes = [...content.zones, ...content.duties].flatMap((entry) => entry.countries);
  return [...new Set(codes.flatMap((code) => (code === 'EU' ? EU_COUNTRIES : code === '*' ? [] : [code])))];
}

/** A code that names the country itself or through "EU" (not the catch-all "*"). */
const names = (code: string, country: string) => code === country || (code === 'EU' && EU_COUNTRIES.includes(country));
const matches = (codes: string[], country: string) => codes.some((code) => code === '*' || names(code, country));

/** A zone naming the country itself wins over one that covers it through "EU" or "*". */
function bestMatch<T extends { countries: string[] }>(entries: T[], country: string): T | undefined {
  return (
    entries.find((entry) => entry.countries.includes(country)) ??
    entries.find((entry) => entry.countries.includes('EU') && EU_COUNTRIES.includes(country)) ??
    entries.find((entry) => matches(entry.countries, country))
  );
}

export function shippingFacts(content: ShippingContent | undefined, country: string | undefined): ShippingFacts | null {
  if (!content || !country || content.zones.length === 0) return null;
  const zone = bestMatch(content.zones, country);
  if (!zone) return { country, ships: false };
  const { id, carriers, minDays, maxDays, cost, currency, freeOver } = zone;
  return { country, ships: true, zone: id, carriers, minDays, maxDays, cost, currency, ...(freeOver === undefined ? {} : { freeOver }) };
}

export function dutiesFacts(content: ShippingContent | undefined, country: string | undefined): DutiesFacts | null {
  if (!content || !country) return null;
  // Duties rules are tried in file order: the operator writes the exceptions first.
  const rule = content.duties.find((entry) => matches(entry.countries, country));
  if (!rule) return null;
  const general = !rule.countries.some((code) => names(code, country));
  return { country, note: rule.note, general, ...(rule.threshold ? { threshold: rule.threshold } : {}) };
}

export { localeRegion };

/** Values shipping and customs templates may use, besides the country's (COUNTRY_VALUES in language/). */
export const SHIPPING_VALUES = ['minDays', 'maxDays', 'shippingCost', 'freeShippingOver', 'hasFreeShipping', 'carriers', 'dutiesNote', 'threshold'];

const money = formatMoney;

/** Template values of a shipping zone and a duties rule, written the way the reply's language writes them. */
export function shippingValues(shipping: ShippingFacts | null, duties: DutiesFacts | null, language: string): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  if (shipping?.ships) {
    values.minDays = shipping.minDays!;
    values.maxDays = shipping.maxDays!;
    values.shippingCost = money(shipping.cost!, shipping.currency!, language);
    values.carriers = listFormat(language, { type: 'disjunction' }).format(shipping.carriers!);
    values.hasFreeShipping = shipping.freeOver !== undefined;
    if (shipping.freeOver !== undefined) values.freeShippingOver = money(shipping.freeOver, shipping.currency!, language);
  }
  if (duties?.threshold) values.threshold = money(duties.threshold.amount, duties.threshold.currency, language);
  return values;
}
