// The behaviour every OrderSource must have, run against each one (file, HTTP, Shopify) so they cannot drift.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order, OrderSource } from '../../src/orders/index.js';

const order = (number: string, createdAt: string, overrides: Partial<Order> = {}): Order => ({
  id: `ord_${number}`,
  number,
  status: 'shipped',
  createdAt,
  currency: 'EUR',
  total: 59.8,
  customer: { id: '7001', email: 'marie.dubois@example.fr', name: 'Marie Dubois', locale: 'fr-FR', country: 'FR', orderCount: 3 },
  items: [{ sku: 'CUP-ESP-2', title: 'Tasses à espresso (2)', quantity: 2, price: 29.9 }],
  shipping: {
    country: 'FR',
    carrier: 'Colissimo',
    trackingCode: 'CB987654321FR',
    trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=CB987654321FR',
    shippedAt: '2026-11-21T09:00:00Z',
  },
  ...overrides,
});

/** Three orders of one customer, placed in a mixed-up order, and one of another customer. */
export const contractOrders: Order[] = [
  order('200102', '2026-11-20T10:00:00Z'),
  order('200101', '2026-09-02T10:00:00Z', { status: 'delivered' }),
  order('200103', '2026-11-28T10:00:00Z', { status: 'paid', shipping: { country: 'FR' } }),
  order('200200', '2026-11-25T10:00:00Z', {
    customer: { id: '7002', email: 'paul.weber@example.de', name: 'Paul Weber', locale: 'de-DE', country: 'DE', orderCount: 1 },
    shipping: { country: 'DE' },
    status: 'paid',
    currency: 'EUR',
  }),
];

export interface SourceUnderTest {
  source: OrderSource;
  close(): Promise<void>;
}

export function orderSourceContract(name: string, create: (orders: Order[]) => Promise<SourceUnderTest>): void {
  describe(`${name} order source`, () => {
    let subject: SourceUnderTest;
    beforeEach(async () => {
      subject = await create(contractOrders);
    });
    afterEach(() => subject.close());

    it('finds an order by its number, written with or without "#"', async () => {
      const expected = contractOrders[0]!;
      for (const written of ['200102', '#200102', ' 200102 ']) {
        const found = await subject.source.findByNumber(written);
        expect(found).toMatchObject({
          number: '200102',
          status: 'shipped',
          currency: 'EUR',
          total: 59.8,
          customer: { id: '7001', email: 'marie.dubois@example.fr', locale: 'fr-FR', orderCount: 3 },
          items: expected.items,
          shipping: { country: 'FR', carrier: 'Colissimo', trackingCode: 'CB987654321FR' },
        });
      }
    });

    it('finds nothing for a number it does not know', async () => {
      expect(await subject.source.findByNumber('999999')).toBeUndefined();
    });

    it("lists a customer's orders most recent first, at most the limit", async () => {
      const all = await subject.source.listByCustomer('7001');
      expect(all.map((found) => found.number)).toEqual(['200103', '200102', '200101']);
      expect((await subject.source.listByCustomer('7001', 2)).map((found) => found.number)).toEqual(['200103', '200102']);
      expect(await subject.source.listByCustomer('7999')).toEqual([]);
    });

    it('gives copies: changing a returned order changes nothing it keeps', async () => {
      const found = (await subject.source.findByNumber('200200'))!;
      found.status = 'cancelled';
      found.items.length = 0;
      expect(await subject.source.findByNumber('200200')).toMatchObject({ status: 'paid', items: [{ sku: 'CUP-ESP-2' }] });
    });
  });
}
