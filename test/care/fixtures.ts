// Orders and signed store events for the order-care and package tests.
import { randomUUID } from 'node:crypto';
import { signWebhook } from '../../src/care/index.js';
import type { Order } from '../../src/orders/order.js';
import { tinyContent } from '../helpers.js';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

export function makeOrder(
  overrides: { customer?: Partial<Order['customer']>; shipping?: Partial<Order['shipping']> } & Partial<Omit<Order, 'customer' | 'shipping'>> = {},
): Order {
  const { customer, shipping, ...rest } = overrides;
  return {
    id: `order-${randomUUID()}`,
    number: '100234',
    status: 'shipped',
    createdAt: '2026-11-20T10:00:00Z',
    currency: 'EUR',
    total: 89.9,
    items: [{ sku: 'MUG-1', title: 'Stoneware mug', quantity: 2, price: 44.95 }],
    ...rest,
    customer: { id: `customer-${randomUUID()}`, email: 'shopper@example.com', ...customer },
    shipping: { country: 'ES', ...shipping },
  };
}

export function makeEvent(type: string, order: Order, extra: Record<string, unknown> = {}) {
  return { id: `evt-${randomUUID()}`, type, createdAt: new Date().toISOString(), order, ...extra };
}

/** The request a store sends: the raw body and its signature header. */
export function signedRequest(
  event: object,
  { secret = WEBHOOK_SECRET, timestamp = Math.floor(Date.now() / 1000) }: { secret?: string; timestamp?: number } = {},
) {
  const body = JSON.stringify(event);
  return { body, headers: { 'content-type': 'application/json', 'borderless-signature': signWebhook(secret, body, timestamp) } };
}

/** Small content with one care rule and two package rules. */
export const orderContent = (): Record<string, string | object> => ({
  ...tinyContent(),
  'templates/en/care.json': { 'care.shipped': { variants: ['Order #{orderNumber} is on its way with {carrier}.', 'Order #{orderNumber} is on its way.'] } },
  'templates/en/packages.json': {
    'packages.thank_you_card': { variants: ['Thank you!'] },
    'packages.cashback_card': { variants: ['{cashbackPercent}% back on your next order.'] },
  },
  'care/orders.json': {
    rules: [
      {
        name: 'shipped',
        conditions: { all: [{ fact: 'event', operator: 'equal', value: 'order.shipped' }] },
        event: { type: 'message', params: { template: 'care.shipped' } },
      },
    ],
  },
  'packages/inserts.json': {
    rules: [
      {
        name: 'card',
        description: 'Always a card.',
        conditions: { all: [] },
        event: { type: 'insert', params: { insert: 'thank_you_card', template: 'packages.thank_you_card' } },
      },
      {
        name: 'cashback',
        description: 'Returning customers.',
        conditions: { all: [{ fact: 'customer', path: 'orderCount', operator: 'greaterThanInclusive', value: 2 }] },
        event: { type: 'insert', params: { insert: 'cashback_card', template: 'packages.cashback_card', values: { cashbackPercent: 5 } } },
      },
    ],
  },
});
