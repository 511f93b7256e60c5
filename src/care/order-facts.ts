// What care and package rules know about an order (facts), what their templates may say about it (values, with
// money and dates written the shopper's way), and which language to write in. Pure: the caller passes `now`.
import type { Snapshot } from '../knowledge/index.js';
import type { Order } from '../orders/index.js';
import type { TemplateValue } from '../pipeline/render.js';
import { dateTimeFormat, formatMoney } from '../shared/intl.js';

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

function formatDate(value: string, locale: string, timeZone: string): string {
  // A bare date ("2026-11-30") is that day everywhere; a time is shown on the store's calendar.
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: isDateOnly ? 'UTC' : timeZone }).format(new Date(isDateOnly ? `${value}T00:00:00Z` : value));
}

/** The values an order gives its templates; absent facts stay undefined, so a variant that needs them is skipped. */
export function orderValues(
  order: Order,
  customer: CustomerFacts,
  { locale, timeZone, links = {} }: { locale: string; timeZone: string; links?: { payment?: string; review?: string } },
): Record<string, TemplateValue> {
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  return {
    orderNumber: order.number,
    customerName: customer.name,
    firstName: customer.name?.trim().split(/\s+/)[0],
    total: money(order.total),
    itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
    orderCount: customer.orderCount,
    carrier: order.shipping.carrier,
    trackingCode: order.shipping.trackingCode,
    trackingUrl: order.shipping.trackingUrl,
    estimatedDelivery: order.shipping.estimatedDelivery ? formatDate(order.shipping.estimatedDelivery, locale, timeZone) : undefined,
    refundAmount: order.refund ? money(order.refund.amount) : undefined,
    paymentUrl: links.payment,
    reviewUrl: links.review,
  };
}

/** Rule values are defaults: a value the order or the event gives wins. */
export function mergeValues(ruleValues: Record<string, TemplateValue> | undefined, values: Record<string, TemplateValue>): Record<string, TemplateValue> {
  const merged: Record<string, TemplateValue> = { ...ruleValues };
  for (const [name, value] of Object.entries(values)) if (value !== undefined) merged[name] = value;
  return merged;
}
