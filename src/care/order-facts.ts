// What care and package rules know about an order (facts), what their templates may say about it (values, with
// money and dates written the shopper's way), and which language to write in. Pure: the caller passes `now`.
import type { Snapshot } from '../knowledge/index.js';
import { orderValues as valuesOfOrder, type Order } from '../orders/index.js';
import type { TemplateValue } from '../pipeline/index.js';

/** The customer as rules see it; orderCount counts this order (a store that does not send it: 1). */
export interface CustomerFacts {
  id?: string;
  name?: string;
  locale?: string;
  country?: string;
  orderCount: number;
  isRepeat: boolean;
}

const languageOf = (locale: string | undefined) => locale?.split(/[-_]/)[0]?.toLowerCase();

/**
 * The shopper's language: the order's customer locale, else the language of the customer's latest conversation,
 * else the store's default; only languages the content speaks. The locale formats money and dates ("es-MX").
 */
export function chooseLanguage(snapshot: Snapshot, candidates: (string | undefined)[]): { language: string; locale: string } {
  for (const candidate of candidates) {
    const language = languageOf(candidate);
    if (language && snapshot.languages.includes(language)) {
      return { language, locale: candidate && isLocale(candidate) ? candidate : language };
    }
  }
  const language = snapshot.settings.defaultLanguage;
  return { language, locale: language };
}

function isLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

export function customerFacts(order: Order, override: Partial<Omit<CustomerFacts, 'isRepeat'>> = {}): CustomerFacts {
  const merged = { ...order.customer, ...Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined)) };
  const orderCount = merged.orderCount ?? 1;
  return { id: merged.id, name: merged.name, locale: merged.locale, country: merged.country ?? order.shipping.country, orderCount, isRepeat: orderCount >= 2 };
}

/** Facts shared by care and package rules. */
export function orderFacts(order: Order, customer: CustomerFacts, language: string): Record<string, unknown> {
  return {
    order,
    customer,
    language,
    itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
    hasFragileItems: order.items.some((item) => item.fragile === true),
  };
}

/** The order's template values (see orders/values.ts), with the customer as care knows them. */
export function orderValues(
  order: Order,
  customer: CustomerFacts,
  { locale, timeZone, links }: { locale: string; timeZone: string; links?: { payment?: string; review?: string } },
): Record<string, TemplateValue> {
  return valuesOfOrder(order, { locale, timeZone, customer, links });
}

/** Rule values are defaults: a value the order or the event gives wins. */
export function mergeValues(ruleValues: Record<string, TemplateValue> | undefined, values: Record<string, TemplateValue>): Record<string, TemplateValue> {
  const merged: Record<string, TemplateValue> = { ...ruleValues };
  for (const [name, value] of Object.entries(values)) if (value !== undefined) merged[name] = value;
  return merged;
}
