// Orders from the store's own HTTP API: GET {base}/orders/:number and GET {base}/customers/:id/orders answering
// the Order shape; cancellations and changes are POSTed to {base}/orders/:number/cancellation and /changes.
import { z } from 'zod';
import { byNewest, normalizeOrderNumber, OrderListSchema, OrderSchema, type Order } from './order.js';
import { createRemoteClient, type RemoteResponse, type ResilienceTuning } from './remote.js';
import { parseHeaderLine, type Logger } from '../shared/index.js';
import { DEFAULT_LIST_LIMIT, OrderSourceError, type ActionResult, type OrderSource } from './source.js';

/** What the bot may put in a URL path: an order number or customer id, never "../" or a query. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}$/;

const ActionAnswer = z.object({ ok: z.boolean().optional(), message: z.string().optional() });

export interface HttpOrderSourceOptions {
  baseUrl: string;
  /** The full header line, e.g. "Authorization: Bearer xyz". */
  authHeader?: string;
  timeoutMs: number;
  retries: number;
  cacheSeconds: number;
  logger: Logger;
  tuning?: Partial<ResilienceTuning>;
}

export function createHttpOrderSource(options: HttpOrderSourceOptions): OrderSource {
  const base = options.baseUrl.replace(/\/+$/, '');
  const header = options.authHeader === undefined ? undefined : parseHeaderLine(options.authHeader);
  if (options.authHeader !== undefined && !header) throw new OrderSourceError('http', 'ORDERS_AUTH_HEADER must look like "Authorization: Bearer xyz"');
  const client = createRemoteClient({
    name: 'http',
    headers: header ? { [header.name]: header.value } : {},
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    cacheSeconds: options.cacheSeconds,
    logger: options.logger,
    credentialsHint: 'ORDERS_AUTH_HEADER',
    tuning: options.tuning,
  });

  function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    const problem = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new OrderSourceError('http', `${what} answered an order that does not fit: ${problem}`);
  }

  function actionResult(response: RemoteResponse): ActionResult | undefined {
    if (response.status === 405 || response.status === 501) return undefined; // the store has no such action
    const answer = ActionAnswer.safeParse(response.body);
    const message = answer.success ? answer.data.message : undefined;
    if (response.status === 404) return { ok: false, message: message ?? 'no such order' };
    const isSuccess = response.status >= 200 && response.status <= 299;
    return { ok: isSuccess && (answer.success ? (answer.data.ok ?? true) : true), ...(message ? { message } : {}) };
  }

  async function act(orderNumber: string, path: string, body: unknown): Promise<ActionResult | undefined> {
    const number = normalizeOrderNumber(orderNumber);
    if (!SAFE_ID.test(number)) return { ok: false, message: 'no such order' };
    const result = actionResult(await client.send('POST', `${base}/orders/${encodeURIComponent(number)}/${path}`, body));
    client.forget(`order:${number}`); // the order has likely changed
    return result;
  }

  return {
    name: 'http',
    findByNumber(orderNumber) {
      const number = normalizeOrderNumber(orderNumber);
      if (!SAFE_ID.test(number)) return Promise.resolve(undefined);
      return client.cached(`order:${number}`, async (): Promise<Order | undefined> => {
        const body = await client.getJson(`${base}/orders/${encodeURIComponent(number)}`);
        return body === undefined ? undefined : parse(OrderSchema, body, `GET /orders/${number}`);
      });
    },
    listByCustomer(customerId, limit = DEFAULT_LIST_LIMIT) {
      if (!SAFE_ID.test(customerId)) return Promise.resolve([]);
      return client.cached(`customer:${customerId}:${limit}`, async (): Promise<Order[]> => {
        const body = await client.getJson(`${base}/customers/${encodeURIComponent(customerId)}/orders?limit=${limit}`);
        if (body === undefined) return [];
        const { orders } = parse(OrderListSchema, body, `GET /customers/${customerId}/orders`);
        return orders.sort(byNewest).slice(0, limit);
      });
    },
    requestCancellation: (orderNumber, reason) => act(orderNumber, 'cancellation', { reason }),
    requestChange: (orderNumber, change) => act(orderNumber, 'changes', change),
    close: () => client.close(),
  };
}
