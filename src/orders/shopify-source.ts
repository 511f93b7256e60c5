// Orders from a Shopify store through its REST Admin API, read as Orders. Cancelling or changing a Shopify order
// also moves money and stock, so this source leaves those to a person (the hooks are absent).
import { z } from 'zod';
import { byNewest, normalizeOrderNumber, type Order } from './order.js';
import { createRemoteClient, type ResilienceTuning } from './remote.js';
import { fromShopifyOrder, ShopifyOrderSchema } from './shopify-order.js';
import type { Logger } from '../shared/index.js';
import { DEFAULT_LIST_LIMIT, OrderSourceError, type OrderSource } from './source.js';

const OrdersAnswer = z.object({ orders: z.array(ShopifyOrderSchema) });
/** Shopify's own limit per page. */
const MAX_PAGE = 250;

export interface ShopifyOrderSourceOptions {
  /** "my-store.myshopify.com", or a full base URL ("http://127.0.0.1:4000" in tests). */
  shop: string;
  accessToken: string;
  /** "2024-10". */
  apiVersion: string;
  timeoutMs: number;
  retries: number;
  cacheSeconds: number;
  logger: Logger;
  tuning?: Partial<ResilienceTuning>;
}

export function createShopifyOrderSource(options: ShopifyOrderSourceOptions): OrderSource {
  const shop = /^https?:\/\//i.test(options.shop) ? options.shop : `https://${options.shop}`;
  const api = `${shop.replace(/\/+$/, '')}/admin/api/${options.apiVersion}`;
  const client = createRemoteClient({
    name: 'shopify',
    headers: { 'X-Shopify-Access-Token': options.accessToken },
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    cacheSeconds: options.cacheSeconds,
    logger: options.logger,
    credentialsHint: "SHOPIFY_ACCESS_TOKEN and the app's read_orders scope",
    tuning: options.tuning,
  });

  async function getOrders(url: string, what: string): Promise<Order[]> {
    const body = await client.getJson(url);
    if (body === undefined) return [];
    const answer = OrdersAnswer.safeParse(body);
    if (!answer.success) {
      const issue = answer.error.issues[0];
      throw new OrderSourceError('shopify', `${what} answered orders that do not fit: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return answer.data.orders.map(fromShopifyOrder);
  }

  return {
    name: 'shopify',
    findByNumber(orderNumber) {
      const number = normalizeOrderNumber(orderNumber);
      if (!/^[A-Za-z0-9-]{1,40}$/.test(number)) return Promise.resolve(undefined);
      return client.cached(`order:${number}`, async () => {
        const orders = await getOrders(`${api}/orders.json?name=${encodeURIComponent(`#${number}`)}&status=any`, 'orders.json');
        // Shopify's name filter is not an exact match: take only the order with exactly this number.
        return orders.find((order) => order.number === number);
      });
    },
    listByCustomer(customerId, limit = DEFAULT_LIST_LIMIT) {
      if (!/^\d{1,20}$/.test(customerId)) return Promise.resolve([]); // Shopify customer ids are numbers
      return client.cached(`customer:${customerId}:${limit}`, async () => {
        const page = Math.min(Math.max(limit, 1), MAX_PAGE);
        const orders = await getOrders(`${api}/customers/${customerId}/orders.json?status=any&limit=${page}`, 'customers/:id/orders.json');
        return orders.sort(byNewest).slice(0, limit);
      });
    },
    close: () => client.close(),
  };
}
