import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHttpOrderSource,
  OrderSourceError,
  OrderSourceUnavailable,
  type HttpOrderSourceOptions,
  type Order,
  type OrderSource,
} from '../../src/orders/index.js';
import { contractOrders, orderSourceContract } from './contract.js';
import { recordingLogger, sendJson, startStoreServer, type Handler, type StoreServer } from './store-server.js';

/** Answers like a store's order API would, from a list of orders. */
const storeApi =
  (orders: Order[]): Handler =>
  (request, response) => {
    const { pathname, searchParams } = new URL(request.url, 'http://store');
    const byNumber = /^\/api\/orders\/([^/]+)$/.exec(pathname);
    if (byNumber) {
      const order = orders.find((candidate) => candidate.number === decodeURIComponent(byNumber[1]!));
      // Fields the bot does not know are dropped, not refused.
      return order ? sendJson(response, 200, { ...order, internalNote: 'VIP, ships from warehouse 3' }) : sendJson(response, 404, { error: 'not found' });
    }
    const byCustomer = /^\/api\/customers\/([^/]+)\/orders$/.exec(pathname);
    if (byCustomer) {
      const limit = Number(searchParams.get('limit') ?? 50);
      // As documented for the store's API: most recent first, at most `limit`.
      const found = orders.filter((order) => order.customer.id === decodeURIComponent(byCustomer[1]!)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return found.length ? sendJson(response, 200, { orders: found.slice(0, limit) }) : sendJson(response, 404, {});
    }
    sendJson(response, 404, {});
  };

const options = (server: StoreServer, overrides: Partial<HttpOrderSourceOptions> = {}): HttpOrderSourceOptions => ({
  baseUrl: `${server.url}/api/`,
  authHeader: 'Authorization: Bearer store-token-123',
  timeoutMs: 1000, // generous: a loaded test machine must not turn a prompt answer into a retry
  retries: 2,
  cacheSeconds: 30,
  logger: recordingLogger(),
  tuning: { backoffBaseMs: 10, backoffMaxMs: 100, breakerResetMs: 400, breakerVolumeThreshold: 3 },
  ...overrides,
});

orderSourceContract('http', async (orders) => {
  const server = await startStoreServer(storeApi(orders));
  const source = createHttpOrderSource(options(server));
  return {
    source,
    close: async () => {
      source.close?.();
      await server.close();
    },
  };
});

describe('http order source', () => {
  let server: StoreServer;
  let source: OrderSource;
  beforeEach(async () => {
    server = await startStoreServer(storeApi(contractOrders));
    source = createHttpOrderSource(options(server));
  });
  afterEach(async () => {
    source.close?.();
    await server.close();
  });

  it('asks the store with its credentials and keeps only the fields it knows', async () => {
    const order = await source.findByNumber('200102');
    expect(order).toMatchObject({ number: '200102', status: 'shipped' });
    expect(order).not.toHaveProperty('internalNote');
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/api/orders/200102', headers: { authorization: 'Bearer store-token-123' } });
  });

  it('remembers for a while that an order does not exist', async () => {
    expect(await source.findByNumber('999999')).toBeUndefined();
    expect(await source.findByNumber('#999999')).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it('shares one request between lookups of the same order at the same moment, and reuses the answer', async () => {
    await Promise.all([source.findByNumber('200102'), source.findByNumber('200102'), source.findByNumber('200102')]);
    await source.findByNumber('200102');
    expect(server.requests).toHaveLength(1);
  });

  it('never lets a number or customer id steer the request elsewhere in the store API', async () => {
    expect(await source.findByNumber('..')).toBeUndefined();
    expect(await source.findByNumber('200102?admin=1')).toBeUndefined();
    expect(await source.listByCustomer('../../admin')).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('retries after a 500 and gives the order', async () => {
    let calls = 0;
    const answer = storeApi(contractOrders);
    server.answer((request, response) => (++calls === 1 ? sendJson(response, 500, { error: 'database restarting' }) : answer(request, response)));
    expect(await source.findByNumber('200102')).toMatchObject({ number: '200102' });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry an answer that will not change (400), and says what the store answered', async () => {
    server.answer((_request, response) => sendJson(response, 400, { error: 'bad request' }));
    const failure = await source.findByNumber('200102').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OrderSourceError);
    expect(failure).not.toBeInstanceOf(OrderSourceUnavailable);
    expect((failure as Error).message).toContain('400');
    expect(server.requests).toHaveLength(1);
  });

  it('names the setting to check when the store refuses the credentials', async () => {
    server.answer((_request, response) => sendJson(response, 401, { error: 'unauthorized' }));
    await expect(source.findByNumber('200102')).rejects.toThrow(/401.*ORDERS_AUTH_HEADER/);
    expect(server.requests).toHaveLength(1);
  });

  it('does not follow a redirect with its credentials', async () => {
    const elsewhere = await startStoreServer((_request, response) => sendJson(response, 200, contractOrders[0]));
    server.answer((_request, response) => void response.writeHead(302, { location: `${elsewhere.url}/orders/200102` }).end());
    await expect(source.findByNumber('200102')).rejects.toThrow(/302.*redirects are not followed/);
    expect(elsewhere.requests).toHaveLength(0);
    await elsewhere.close();
  });

  it('refuses an answer that is not an order, saying which field is wrong', async () => {
    server.answer((_request, response) => sendJson(response, 200, { ...contractOrders[0], status: 'teleported' }));
    await expect(source.findByNumber('200102')).rejects.toThrow(/status/);
  });

  /** The same source with a short timeout, for a store that does not answer. */
  const impatient = () => {
    source.close?.();
    source = createHttpOrderSource(options(server, { timeoutMs: 150 }));
  };

  it('gives up on a slow store after a timeout on each try, then fails fast without asking it', async () => {
    impatient();
    server.answer(() => {}); // holds every request open
    const started = performance.now();
    await expect(source.findByNumber('200102')).rejects.toBeInstanceOf(OrderSourceUnavailable);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 150 - 10);
    expect(server.requests).toHaveLength(3);

    for (const number of ['200101', '200103', '200200']) {
      const fastStarted = performance.now();
      await expect(source.findByNumber(number)).rejects.toBeInstanceOf(OrderSourceUnavailable);
      expect(performance.now() - fastStarted).toBeLessThan(50);
    }
    expect(server.requests).toHaveLength(3);
  });

  it('tries the store again after a pause, and answers normally once it is back', async () => {
    impatient();
    server.answer(() => {});
    await expect(source.findByNumber('200102')).rejects.toBeInstanceOf(OrderSourceUnavailable);
    await expect(source.findByNumber('200101')).rejects.toThrow(/not asking it again yet/);

    server.answer(storeApi(contractOrders));
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await source.findByNumber('200101')).toMatchObject({ status: 'delivered' });
    expect(await source.findByNumber('200200')).toMatchObject({ status: 'paid' });
  });

  it('opens again at once when the trial after the pause fails', async () => {
    impatient();
    server.answer(() => {});
    await expect(source.findByNumber('200102')).rejects.toBeInstanceOf(OrderSourceUnavailable);
    await new Promise((resolve) => setTimeout(resolve, 450));
    const tries = server.requests.length;
    await expect(source.findByNumber('200101')).rejects.toBeInstanceOf(OrderSourceUnavailable);
    expect(server.requests.length).toBe(tries + 1); // one trial, no retries against an open breaker
    const started = performance.now();
    await expect(source.findByNumber('200103')).rejects.toThrow(/not asking it again yet/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('cannot be reached at all: fails as unavailable', async () => {
    await server.close();
    await expect(source.findByNumber('200102')).rejects.toThrow(/could not reach the store/);
  });

  it("sends a cancellation request and passes on the store's answer", async () => {
    server.answer((request, response) =>
      request.url === '/api/orders/200103/cancellation'
        ? sendJson(response, 200, { ok: true, message: 'Cancelled; refund in 3-5 days' })
        : sendJson(response, 404, {}),
    );
    expect(await source.requestCancellation!('#200103', 'ordered the wrong size')).toEqual({ ok: true, message: 'Cancelled; refund in 3-5 days' });
    expect(server.requests[0]).toMatchObject({ method: 'POST', body: JSON.stringify({ reason: 'ordered the wrong size' }) });
  });

  it('says a change is not possible when the store refuses it, and cannot do it when the store has no such action', async () => {
    server.answer((_request, response) => sendJson(response, 409, { ok: false, message: 'already shipped' }));
    expect(await source.requestChange!('200102', { kind: 'address', details: 'Rue de Rivoli 1, Paris' })).toEqual({ ok: false, message: 'already shipped' });
    server.answer((_request, response) => sendJson(response, 501, {}));
    expect(await source.requestChange!('200102', { kind: 'address', details: 'Rue de Rivoli 1, Paris' })).toBeUndefined();
  });
});
