import { describe, expect, it } from 'vitest';
import { orderValues } from '../../src/orders/index.js';
import { makeOrder } from '../care/fixtures.js';

const order = makeOrder({
  total: 189.9,
  customer: { name: '  Lucía Fernández ', orderCount: 3 },
  shipping: { carrier: 'DHL', trackingUrl: 'https://track.example/JD0146', estimatedDelivery: '2026-11-30' },
  items: [
    { sku: 'MUG-1', title: 'Stoneware mug', quantity: 2, price: 44.95 },
    { sku: 'BOWL-1', title: 'Bowl', quantity: 1, price: 100 },
  ],
});

describe('the values an order gives its templates', () => {
  it('writes money and a delivery day the shopper’s way, the same day in every time zone', () => {
    const inMadrid = orderValues(order, { locale: 'es', timeZone: 'Europe/Madrid' });
    expect(inMadrid).toMatchObject({
      orderNumber: '100234',
      orderTotal: '189,90\u00a0€',
      estimatedDelivery: '30 de noviembre de 2026',
      itemCount: 3,
      firstName: 'Lucía',
      orderCount: 3,
      hasEstimate: true,
    });
    expect(orderValues(order, { locale: 'en-US', timeZone: 'Pacific/Honolulu' }).estimatedDelivery).toBe('November 30, 2026');
    expect(orderValues(order, { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' }).estimatedDelivery).toBe('30 November 2026');
  });

  it('reads a moment on the store’s calendar', () => {
    const late = makeOrder({ shipping: { estimatedDelivery: '2026-11-30T23:30:00Z' } });
    expect(orderValues(late, { locale: 'en', timeZone: 'UTC' }).estimatedDelivery).toBe('November 30, 2026');
    expect(orderValues(late, { locale: 'en', timeZone: 'Europe/Berlin' }).estimatedDelivery).toBe('December 1, 2026');
  });

  it('leaves out what the order does not know, so a variant that needs it is skipped', () => {
    const bare = orderValues(makeOrder({ customer: { name: ' ' } }), { locale: 'en', timeZone: 'UTC' });
    for (const name of ['carrier', 'trackingUrl', 'estimatedDelivery', 'refundAmount', 'refundDate', 'firstName', 'paymentUrl'])
      expect(bare).not.toHaveProperty(name);
    expect(bare).toMatchObject({ hasCarrier: false, hasTracking: false, hasEstimate: false, hasRefundDate: false });
  });

  it('gives a refund its amount and date, and the caller’s customer and links over the order’s', () => {
    const refunded = makeOrder({ status: 'refunded', currency: 'USD', refund: { status: 'issued', amount: 42.5, issuedAt: '2026-12-02T09:00:00Z' } });
    const values = orderValues(refunded, {
      locale: 'en',
      timeZone: 'America/New_York',
      customer: { name: 'Ana Ruiz', orderCount: 1 },
      links: { review: 'https://shop.example/review' },
    });
    expect(values).toMatchObject({
      refundStatus: 'issued',
      refundAmount: '$42.50',
      refundDate: 'December 2, 2026',
      hasRefundDate: true,
      customerName: 'Ana Ruiz',
      reviewUrl: 'https://shop.example/review',
    });
  });
});
