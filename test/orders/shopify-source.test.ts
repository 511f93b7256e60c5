import { afterEach, describe, expect, it } from 'vitest';
import {
  createShopifyOrderSource,
  OrderSourceError,
  OrderSourceUnavailable,
  type OrderSource,
  type ShopifyOrderSourceOptions,
} from '../../src/orders/index.js';
import { orderSourceContract } from './contract.js';
import { API_VERSION, SHOPIFY_TOKEN, startShopifyServer, toShopifyOrder, type ShopifyOrderJson } from './shopify-api.js';
import { recordingLogger, sendJson, type StoreServer } from './store-server.js';

const options = (server: StoreServer, overrides: Partial<ShopifyOrderSourceOptions> = {}): ShopifyOrderSourceOptions => ({
  shop: server.url,
  accessToken: SHOPIFY_TOKEN,
  apiVersion: API_VERSION,
  timeoutMs: 1000,
  retries: 2,
  cacheSeconds: 30,
  logger: recordingLogger(),
  tuning: { backoffBaseMs: 10, backoffMaxMs: 200 },
  ...overrides,
});

orderSourceContract('shopify', async (orders) => {
  const server = await startShopifyServer(orders.map((order, index) => toShopifyOrder(order, 5_000_000 + index)));
  const source = createShopifyOrderSource(options(server));
  return {
    source,
    close: async () => {
      source.close?.();
      await server.close();
    },
  };
});

/** As Shopify answers it: a German shopper paying in euros at a shop selling in dollars, two parcels, part refunded. */
const germanOrder: ShopifyOrderJson = {
  id: 5_812_345_678_901,
  name: '#1042',
  order_number: 1042,
  email: 'lena.becker@example.de',
  contact_email: 'lena.becker@example.de',
  created_at: '2026-11-20T14:03:11+01:00',
  cancelled_at: null,
  cancel_reason: null,
  financial_status: 'partially_refunded',
  fulfillment_status: 'fulfilled',
  currency: 'USD',
  presentment_currency: 'EUR',
  total_price: '70.12',
  total_price_set: { shop_money: { amount: '70.12', currency_code: 'USD' }, presentment_money: { amount: '64.90', currency_code: 'EUR' } },
  customer_locale: 'de-DE',
  tags: 'wholesale',
  note_attributes: [],
  customer: {
    id: 207_119_551,
    email: 'lena.becker@example.de',
    first_name: 'Lena',
    last_name: 'Becker',
    orders_count: 4,
    state: 'enabled',
    default_address: { country_code: 'DE' },
  },
  shipping_address: { first_name: 'Lena', last_name: 'Becker', city: 'Köln', zip: '50667', country: 'Germany', country_code: 'DE' },
  billing_address: { country_code: 'DE' },
  line_items: [
    {
      id: 1,
      sku: 'GLASS-WINE-6',
      title: 'Wine glasses',
      variant_title: 'Set of 6',
      name: 'Wine glasses - Set of 6',
      quantity: 1,
      price: '48.20',
      price_set: { shop_money: { amount: '48.20', currency_code: 'USD' }, presentment_money: { amount: '44.60', currency_code: 'EUR' } },
      properties: [{ name: '_fragile', value: 'true' }],
    },
    { id: 2, sku: '', variant_id: 39_072_856, title: 'Linen napkins', variant_title: null, name: 'Linen napkins', quantity: 2, price: '10.96', properties: [] },
  ],
  fulfillments: [
    {
      id: 11,
      status: 'success',
      created_at: '2026-11-21T09:00:00+01:00',
      tracking_company: 'DHL Express',
      tracking_number: 'JD014600003828',
      tracking_url: 'https://www.dhl.com/de-en/home/tracking.html?tracking-id=JD014600003828',
      shipment_status: 'delivered',
    },
    {
      id: 12,
      status: 'success',
      created_at: '2026-11-24T16:30:00+01:00',
      tracking_company: 'DHL Express',
      tracking_number: 'JD014600003999',
      tracking_url: 'https://www.dhl.com/de-en/home/tracking.html?tracking-id=JD014600003999',
      shipment_status: 'out_for_delivery',
    },
    {
      id: 13,
      status: 'cancelled',
      created_at: '2026-11-25T10:00:00+01:00',
      tracking_company: null,
      tracking_number: null,
      tracking_url: null,
      shipment_status: null,
    },
  ],
  refunds: [
    {
      id: 77,
      created_at: '2026-11-22T11:00:00+01:00',
      processed_at: '2026-11-22T11:00:05+01:00',
      transactions: [
        { id: 1, kind: 'refund', status: 'success', amount: '10.00', processed_at: '2026-11-22T11:00:05+01:00' },
        { id: 2, kind: 'refund', status: 'failure', amount: '10.00', processed_at: '2026-11-22T10:59:00+01:00' },
      ],
    },
  ],
};

/** Another order of the same customer, changed only where a test says so. */
const variant = (number: number, createdAt: string, changes: Partial<ShopifyOrderJson>): ShopifyOrderJson => ({
  ...germanOrder,
  id: 5_812_345_600_000 + number,
  name: `#${number}`,
  order_number: number,
  created_at: createdAt,
  fulfillments: [],
  refunds: [],
  financial_status: 'paid',
  fulfillment_status: null,
  ...changes,
});

const shopOrders: ShopifyOrderJson[] = [
  germanOrder,
  variant(10420, '2026-11-29T08:00:00+01:00', {}), // found by Shopify's loose name filter for "#1042" too
  variant(1040, '2026-10-01T08:00:00+01:00', {
    financial_status: 'refunded',
    cancelled_at: '2026-10-02T08:00:00+01:00',
    refunds: [{ created_at: '2026-10-02T08:00:00+01:00', processed_at: null, transactions: [{ kind: 'refund', status: 'pending', amount: '70.12' }] }],
  }),
  variant(1041, '2026-11-01T08:00:00+01:00', { financial_status: 'voided', cancelled_at: '2026-11-01T09:00:00+01:00' }),
  variant(1043, '2026-11-26T08:00:00+01:00', { financial_status: 'pending' }),
  variant(1044, '2026-11-27T08:00:00+01:00', { financial_status: 'expired' }),
  variant(1045, '2026-11-28T08:00:00+01:00', { fulfillments: [{ status: 'open', created_at: '2026-11-28T09:00:00+01:00' }] }),
  variant(1046, '2026-11-10T08:00:00+01:00', { fulfillment_status: 'fulfilled', fulfillments: [{ ...(germanOrder.fulfillments as object[])[0]! }] }),
];

describe('shopify order source', () => {
  let server: StoreServer;
  let source: OrderSource;
  const start = async (overrides: Partial<ShopifyOrderSourceOptions> = {}) => {
    server = await startShopifyServer(shopOrders);
    source = createShopifyOrderSource(options(server, overrides));
  };
  afterEach(async () => {
    source.close?.();
    await server.close();
  });

  it('reads an order found by its name: the money the shopper paid in, the latest parcel, refunds and the customer', async () => {
    await start();
    const order = await source.findByNumber('#1042');
    expect(server.requests[0]).toMatchObject({
      url: `/admin/api/${API_VERSION}/orders.json?name=%231042&status=any`,
      headers: { 'x-shopify-access-token': SHOPIFY_TOKEN },
    });
    expect(order).toEqual({
      id: '5812345678901',
      number: '1042',
      status: 'out_for_delivery',
      createdAt: '2026-11-20T14:03:11+01:00',
      currency: 'EUR',
      total: 64.9,
      customer: { id: '207119551', email: 'lena.becker@example.de', name: 'Lena Becker', locale: 'de-DE', country: 'DE', orderCount: 4 },
      items: [
        { sku: 'GLASS-WINE-6', title: 'Wine glasses - Set of 6', quantity: 1, price: 44.6, fragile: true },
        { sku: '39072856', title: 'Linen napkins', quantity: 2, price: 10.96 },
      ],
      shipping: {
        country: 'DE',
        carrier: 'DHL Express',
        trackingCode: 'JD014600003999',
        trackingUrl: 'https://www.dhl.com/de-en/home/tracking.html?tracking-id=JD014600003999',
        shippedAt: '2026-11-24T16:30:00+01:00',
      },
      refund: { status: 'issued', amount: 10, issuedAt: '2026-11-22T11:00:05+01:00' },
    });
  });

  it('reads the step an order is at from its payment and shipping', async () => {
    await start();
    const statuses = Object.fromEntries(
      await Promise.all(['1040', '1041', '1043', '1044', '1045', '1046', '10420'].map(async (number) => [number, (await source.findByNumber(number))?.status])),
    );
    expect(statuses).toEqual({
      '1040': 'refunded',
      '1041': 'cancelled',
      '1043': 'pending',
      '1044': 'payment_failed',
      '1045': 'processing',
      '1046': 'delivered',
      '10420': 'paid',
    });
    expect((await source.findByNumber('1040'))?.refund).toEqual({ status: 'pending', amount: 70.12 });
    expect(await source.findByNumber('1049')).toBeUndefined();
  });

  it("lists a customer's orders most recent first", async () => {
    await start();
    const orders = await source.listByCustomer('207119551', 3);
    expect(orders.map((order) => order.number)).toEqual(['10420', '1045', '1044']);
    expect(server.requests[0]!.url).toBe(`/admin/api/${API_VERSION}/customers/207119551/orders.json?status=any&limit=3`);
    expect(await source.listByCustomer('cust_1001')).toEqual([]);
  });

  it('says the access token was refused, without retrying', async () => {
    await start({ accessToken: 'shpat_revoked' });
    const failure = await source.findByNumber('1042').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OrderSourceError);
    expect(failure).not.toBeInstanceOf(OrderSourceUnavailable);
    expect((failure as Error).message).toMatch(/shopify orders: the store refused the request \(401 Unauthorized\).*SHOPIFY_ACCESS_TOKEN/);
    expect(server.requests).toHaveLength(1);
  });

  it('waits as Shopify asks after a 429 when the wait is short, and gives up at once when it is long', async () => {
    await start();
    let calls = 0;
    server.answer((_request, response) => {
      calls++;
      if (calls === 1)
        return void response
          .writeHead(429, { 'retry-after': '0.05', 'content-type': 'application/json' })
          .end('{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}');
      if (calls === 2) return sendJson(response, 200, { orders: [germanOrder] });
      response.writeHead(429, { 'retry-after': '30' }).end();
    });
    expect(await source.findByNumber('1042')).toMatchObject({ number: '1042' });
    expect(calls).toBe(2);
    await expect(source.findByNumber('1043')).rejects.toBeInstanceOf(OrderSourceUnavailable);
    expect(calls).toBe(3);
  });
});
