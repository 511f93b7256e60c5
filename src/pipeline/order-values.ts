// What rules and templates see of an order: its facts under plain dot paths, and its values written in the
// shopper's language and locale.
import { NOT_YET_SHIPPED, type Order } from '../orders/index.js';
import { formatMoney } from '../shared/intl.js';

const SHIPPED = new Set<Order['status']>(['shipped', 'out_for_delivery', 'delivered']);

/** The order as rules see it: plain values under plain dot paths (order.status, order.shipped, order.refund.status). */
export function orderFacts(order: Order): Record<string, unknown> {
  const { shipping, refund } = order;
  return {
    number: order.number,
    status: order.status,
    shipped: SHIPPED.has(order.status),
    delivered: order.status === 'delivered',
    /** Not shipped, not cancelled, not refunded: it can still be cancelled or changed. */
    changeable: NOT_YET_SHIPPED.has(order.status),
    carrier: shipping.carrier ?? null,
    trackingCode: shipping.trackingCode ?? null,
    trackingUrl: shipping.trackingUrl ?? null,
    hasTracking: !!shipping.trackingUrl,
    estimatedDelivery: shipping.estimatedDelivery ?? null,
    country: shipping.country,
    currency: order.currency,
    total: order.total,
    items: order.items.reduce((sum, item) => sum + item.quantity, 0),
    hasRefund: !!refund,
    refund: refund ? { status: refund.status, amount: refund.amount, issuedAt: refund.issuedAt ?? null } : null,
  };
}

/** Values order templates may use, besides orderNumber and trackingCode. */
export const ORDER_VALUES = ['orderStatus', 'carrier', 'hasCarrier', 'trackingUrl', 'hasTracking', 'estimatedDelivery', 'hasEstimate', 'orderTotal', 'refundStatus', 'refundAmount', 'refundDate', 'hasRefundDate', 'pauseMinutes'];

/** A day ("2026-12-03") is read at noon UTC, so that it is the same day in every time zone the reply is written in. */
const moment = (value: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
const money = formatMoney;

export function orderValues(order: Order, language: string): Record<string, string | number | boolean | Date> {
  const { shipping, refund } = order;
  const values: Record<string, string | number | boolean | Date> = {
    orderNumber: order.number,
    orderStatus: order.status,
    hasCarrier: !!shipping.carrier,
    hasTracking: !!shipping.trackingUrl,
    hasEstimate: !!shipping.estimatedDelivery,
    orderTotal: money(order.total, order.currency, language),
    hasRefundDate: !!refund?.issuedAt,
  };
  if (shipping.carrier) values.carrier = shipping.carrier;
  if (shipping.trackingCode) values.trackingCode = shipping.trackingCode;
  if (shipping.trackingUrl) values.trackingUrl = shipping.trackingUrl;
  if (shipping.estimatedDelivery) values.estimatedDelivery = moment(shipping.estimatedDelivery);
  if (refund) {
    values.refundStatus = refund.status;
    values.refundAmount = money(refund.amount, order.currency, language);
    if (refund.issuedAt) values.refundDate = moment(refund.issuedAt);
  }
  return values;
}
