// The values an order gives every template that speaks about it (chat replies, care messages, package inserts):
// one vocabulary, one way to write money and dates. Pure: the caller passes the locale and the store's time zone.
import { dateTimeFormat, formatMoney } from '../shared/index.js';
import type { Order } from './order.js';

/** The names templates may use for an order's values; templates/README.md documents each. */
export const ORDER_VALUES = [
  'orderNumber',
  'orderStatus',
  'orderTotal',
  'itemCount',
  'customerName',
  'firstName',
  'orderCount',
  'carrier',
  'hasCarrier',
  'trackingCode',
  'trackingUrl',
  'hasTracking',
  'estimatedDelivery',
  'hasEstimate',
  'refundStatus',
  'refundAmount',
  'refundDate',
  'hasRefundDate',
  'paymentUrl',
  'reviewUrl',
] as const;

/** Names templates used before the vocabulary was one, with the name that replaced each. */
export const RENAMED_ORDER_VALUES: Readonly<Record<string, (typeof ORDER_VALUES)[number]>> = { total: 'orderTotal' };

/** Values already written as text in the shopper's way, so a template names them plainly ({estimatedDelivery}). */
export const WRITTEN_DATES: readonly string[] = ['estimatedDelivery', 'refundDate'];

export type OrderValue = string | number | boolean;

export interface OrderValueOptions {
  /** The shopper's locale ("es-MX") or language: money and dates are written its way. */
  locale: string;
  /** The store's time zone, for moments; a bare day ("2026-11-30") is that day everywhere. */
  timeZone: string;
  /** The customer as the caller knows it; defaults to the order's own. */
  customer?: { name?: string; orderCount?: number };
  links?: { payment?: string; review?: string };
}

const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day or a moment in the locale's long style: "30 de noviembre de 2026", "December 3, 2026". */
export function writeDate(value: string, locale: string, timeZone: string): string {
  const isDay = BARE_DAY.test(value);
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: isDay ? 'UTC' : timeZone }).format(new Date(isDay ? `${value}T00:00:00Z` : value));
}

/** Every value the order knows; a value it does not know is left out, so a variant that needs it is skipped. */
export function orderValues(order: Order, { locale, timeZone, customer = order.customer, links = {} }: OrderValueOptions): Record<string, OrderValue> {
  const { shipping, refund } = order;
  const money = (amount: number) => formatMoney(amount, order.currency, locale);
  const values: Record<string, OrderValue | undefined> = {
    orderNumber: order.number,
    orderStatus: order.status,
    orderTotal: money(order.total),
    itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
    customerName: customer?.name,
    firstName: customer?.name?.trim().split(/\s+/)[0],
    orderCount: customer?.orderCount,
    carrier: shipping.carrier,
    hasCarrier: !!shipping.carrier,
    trackingCode: shipping.trackingCode,
    trackingUrl: shipping.trackingUrl,
    hasTracking: !!shipping.trackingUrl,
    estimatedDelivery: shipping.estimatedDelivery ? writeDate(shipping.estimatedDelivery, locale, timeZone) : undefined,
    hasEstimate: !!shipping.estimatedDelivery,
    refundStatus: refund?.status,
    refundAmount: refund ? money(refund.amount) : undefined,
    refundDate: refund?.issuedAt ? writeDate(refund.issuedAt, locale, timeZone) : undefined,
    hasRefundDate: !!refund?.issuedAt,
    paymentUrl: links.payment,
    reviewUrl: links.review,
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as Record<string, OrderValue>;
}
