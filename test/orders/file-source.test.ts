import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileOrderSource, DEMO_ORDERS_FILE, ORDER_STATUSES, OrderSourceError, type Order } from '../../src/orders/index.js';
import { buildCountryIndex } from '../../src/language/index.js';
import { extractEntities } from '../../src/pipeline/entities.js';
import { TRACKING_CODE } from '../../src/shared/patterns.js';
import { contractOrders, orderSourceContract } from './contract.js';
import { recordingLogger } from './store-server.js';

const makeDataDir = () => mkdtemp(path.join(tmpdir(), 'borderless-orders-'));
const writeOrders = (dataDir: string, orders: Order[] | string) =>
  writeFile(path.join(dataDir, 'orders.json'), typeof orders === 'string' ? orders : JSON.stringify({ orders }, null, 2));

orderSourceContract('file', async (orders) => {
  const dataDir = await makeDataDir();
  await writeOrders(dataDir, orders);
  return { source: createFileOrderSource({ dataDir, logger: recordingLogger() }), close: () => rm(dataDir, { recursive: true, force: true }) };
});

describe('file order source', () => {
  let dataDir: string;
  let logger: ReturnType<typeof recordingLogger>;
  beforeEach(async () => {
    dataDir = await makeDataDir();
    logger = recordingLogger();
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  describe('with the demo store (no orders.json in DATA_DIR)', () => {
    it('finds a demo order by the number a shopper would type', async () => {
      const source = createFileOrderSource({ dataDir, logger });
      expect(await source.findByNumber('#100234')).toMatchObject({
        status: 'shipped',
        customer: { id: 'cust_1001', email: 'emma.johnson@example.com', country: 'US' },
        shipping: { carrier: 'UPS', trackingCode: '1Z999AA10123456784' },
      });
      expect(await source.findByNumber('100999')).toBeUndefined();
    });

    it("lists a demo customer's orders most recent first", async () => {
      const source = createFileOrderSource({ dataDir, logger });
      expect((await source.listByCustomer('cust_1001')).map((order) => order.number)).toEqual(['100251', '100234', '100198']);
    });

    it('has an order in every status, in many countries, each found by its number as the bot reads it from a message', async () => {
      const { orders } = JSON.parse(await readFile(DEMO_ORDERS_FILE, 'utf8')) as { orders: Order[] };
      const source = createFileOrderSource({ dataDir, logger });
      expect(new Set(orders.map((order) => order.status))).toEqual(new Set(ORDER_STATUSES));
      expect(new Set(orders.map((order) => order.shipping.country)).size).toBeGreaterThanOrEqual(12);
      const countries = buildCountryIndex(['en']);
      for (const order of orders) {
        const extracted = extractEntities(`where is my order ${order.number}?`, countries).orderNumber;
        expect(extracted).toBe(order.number);
        expect(await source.findByNumber(extracted!)).toMatchObject({ number: order.number, status: order.status });
        if (order.shipping.trackingCode) expect(order.shipping.trackingCode).toMatch(TRACKING_CODE);
      }
    });

    it('cancels an order that has not shipped, and refuses one that has', async () => {
      const source = createFileOrderSource({ dataDir, logger });
      expect(await source.requestCancellation!('100251', 'ordered twice')).toEqual({ ok: true });
      expect(await source.findByNumber('100251')).toMatchObject({ status: 'cancelled' });
      expect(await source.requestCancellation!('100234', 'too late')).toEqual({ ok: false, message: 'the order is shipped' });
      expect(await source.requestCancellation!('100999', 'no such order')).toMatchObject({ ok: false });
    });
  });

  it('prefers DATA_DIR/orders.json, even one written after start, over the demo store', async () => {
    const source = createFileOrderSource({ dataDir, logger });
    expect(await source.findByNumber('100234')).toBeDefined();
    await writeOrders(dataDir, contractOrders);
    expect(await source.findByNumber('100234')).toBeUndefined();
    expect(await source.findByNumber('200102')).toMatchObject({ status: 'shipped' });
  });

  it('reads the file again when it changes', async () => {
    await writeOrders(dataDir, contractOrders.slice(0, 1));
    const source = createFileOrderSource({ dataDir, logger });
    expect(await source.findByNumber('200200')).toBeUndefined();
    await writeOrders(dataDir, contractOrders);
    expect(await source.findByNumber('200200')).toMatchObject({ customer: { email: 'paul.weber@example.de' } });
  });

  it('keeps serving the last good orders when the file breaks, says so once, and takes the next good edit', async () => {
    await writeOrders(dataDir, contractOrders);
    const source = createFileOrderSource({ dataDir, logger });
    expect(await source.findByNumber('200102')).toBeDefined();

    await writeOrders(dataDir, JSON.stringify({ orders: [{ ...contractOrders[0], status: 'lost' }] }));
    expect(await source.findByNumber('200102')).toMatchObject({ status: 'shipped' });
    expect(await source.findByNumber('200200')).toBeDefined();
    const warnings = logger.lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.object).toMatchObject({ problem: expect.stringContaining('orders.0.status') });

    await writeOrders(dataDir, '{ "orders": [ ');
    expect(await source.findByNumber('200102')).toBeDefined();

    await writeOrders(dataDir, [{ ...contractOrders[0]!, status: 'delivered' }]);
    expect(await source.findByNumber('200102')).toMatchObject({ status: 'delivered' });
    expect(await source.findByNumber('200200')).toBeUndefined();
  });

  it('fails with the file and the problem when the file is broken from the start', async () => {
    await writeOrders(dataDir, '{ "orders": [ ');
    const source = createFileOrderSource({ dataDir, logger });
    const failure = await source.findByNumber('200102').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OrderSourceError);
    expect((failure as Error).message).toContain(path.join(dataDir, 'orders.json'));
  });
});
