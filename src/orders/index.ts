// Order look-ups: the OrderSource interface, its three sources, and the one chosen by the configuration.
import type { Config } from '../config.js';
import { createFileOrderSource } from './file-source.js';
import { createHttpOrderSource } from './http-source.js';
import { createShopifyOrderSource } from './shopify-source.js';
import type { Logger } from '../shared/index.js';
import type { OrderSource } from './source.js';

export { NOT_YET_SHIPPED, ORDER_STATUSES, OrderSchema, normalizeOrderNumber, type Order, type OrderStatus } from './order.js';
export {
  DEFAULT_LIST_LIMIT,
  OrderSourceError,
  OrderSourceUnavailable,
  type ActionResult,
  type OrderChange,
  type OrderSource,
} from './source.js';
export { createFileOrderSource, DEMO_ORDERS_FILE, type FileOrderSourceOptions } from './file-source.js';
export { createMemoryOrderSource, readOrdersFile } from './memory-source.js';
export { createHttpOrderSource, type HttpOrderSourceOptions } from './http-source.js';
export { createShopifyOrderSource, type ShopifyOrderSourceOptions } from './shopify-source.js';
export { ORDER_VALUES, RENAMED_ORDER_VALUES, WRITTEN_DATES, orderValues, writeDate, type OrderValue, type OrderValueOptions } from './values.js';
export { createRemoteClient, DEFAULT_TUNING, type ResilienceTuning } from './remote.js';

type OrdersConfig = Pick<
  Config,
  | 'ORDER_SOURCE'
  | 'DATA_DIR'
  | 'ORDERS_URL'
  | 'ORDERS_AUTH_HEADER'
  | 'ORDERS_TIMEOUT_MS'
  | 'ORDERS_RETRIES'
  | 'ORDERS_CACHE_SECONDS'
  | 'SHOPIFY_SHOP'
  | 'SHOPIFY_ACCESS_TOKEN'
  | 'SHOPIFY_API_VERSION'
>;

/** The order source ORDER_SOURCE names. The config has been checked: a remote source has what it needs. */
export function createOrderSource(config: OrdersConfig, logger: Logger): OrderSource {
  const remote = { timeoutMs: config.ORDERS_TIMEOUT_MS, retries: config.ORDERS_RETRIES, cacheSeconds: config.ORDERS_CACHE_SECONDS, logger };
  switch (config.ORDER_SOURCE) {
    case 'file':
      return createFileOrderSource({ dataDir: config.DATA_DIR, logger });
    case 'http':
      return createHttpOrderSource({ ...remote, baseUrl: config.ORDERS_URL!, authHeader: config.ORDERS_AUTH_HEADER });
    case 'shopify':
      return createShopifyOrderSource({
        ...remote,
        shop: config.SHOPIFY_SHOP!,
        accessToken: config.SHOPIFY_ACCESS_TOKEN!,
        apiVersion: config.SHOPIFY_API_VERSION,
      });
  }
}
