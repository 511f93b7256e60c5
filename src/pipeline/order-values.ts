// What rules see of an order: its facts under plain dot paths. Its values for templates come from orders/.
import { NOT_YET_SHIPPED, type Order } from '../orders/index.js';

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
