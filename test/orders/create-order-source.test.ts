import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createOrderSource, type OrderSource } from '../../src/orders/index.js';
import { contractOrders } from './contract.js';
import { API_VERSION, SHOPIFY_TOKEN, startShopifyServer, toShopifyOrder } from './shopify-api.js';
import { recordingLogger, sendJson, startStoreServer, type StoreServer } from './store-server.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('choosing the order source', () => {
  let dataDir: string;
  let server: StoreServer | undefined;
  let source: OrderSource | undefined;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-orders-'));
  });
  afterEach(async () => {
    source?.close?.();
    await server?.close();
    server = undefined;
    source = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uses the demo store by default', async () => {
    source = createOrderSource(loadConfig({ DATA_DIR: dataDir }), recordingLogger());
    expect(source.name).toBe('file');
    expect(await source.findByNumber('100234')).toMatchObject({ status: 'shipped' });
  });

  it("asks the store's API at ORDERS_URL with the ORDERS_AUTH_HEADER line", async () => {
    server = await startStoreServer((request, response) =>
      request.headers['x-api-key'] === 'k3y' ? sendJson(response, 200, contractOrders[0]) : sendJson(response, 401, {}),
    );
    const config = loadConfig({ ORDER_SOURCE: 'http', ORDERS_URL: `${server.url}/v1`, ORDERS_AUTH_HEADER: 'X-Api-Key: k3y', ORDERS_TIMEOUT_MS: '500' });
    source = createOrderSource(config, recordingLogger());
    expect(source.name).toBe('http');
    expect(await source.findByNumber('200102')).toMatchObject({ number: '200102' });
    expect(server.requests[0]!.url).toBe('/v1/orders/200102');
  });

  it('asks Shopify with SHOPIFY_SHOP, SHOPIFY_ACCESS_TOKEN and SHOPIFY_API_VERSION', async () => {
    server = await startShopifyServer([toShopifyOrder(contractOrders[0]!, 1)]);
    const config = loadConfig({ ORDER_SOURCE: 'shopify', SHOPIFY_SHOP: server.url, SHOPIFY_ACCESS_TOKEN: SHOPIFY_TOKEN, SHOPIFY_API_VERSION: API_VERSION });
    source = createOrderSource(config, recordingLogger());
    expect(source.name).toBe('shopify');
    expect(await source.findByNumber('200102')).toMatchObject({ number: '200102', status: 'shipped' });
  });

  it('stops start-up naming what a remote source is missing or what is wrong', () => {
    expect(problemsOf({ ORDER_SOURCE: 'http' })).toEqual(['ORDERS_URL: required when ORDER_SOURCE=http']);
    expect(problemsOf({ ORDER_SOURCE: 'shopify', SHOPIFY_SHOP: 'my-store.myshopify.com' })).toEqual([
      'SHOPIFY_ACCESS_TOKEN: required when ORDER_SOURCE=shopify',
    ]);
    expect(problemsOf({ ORDER_SOURCE: 'magento' })[0]).toMatch(/^ORDER_SOURCE: /);
    expect(problemsOf({ ORDER_SOURCE: 'http', ORDERS_URL: 'https://store.example/api', ORDERS_AUTH_HEADER: 'Bearer xyz' })[0]).toMatch(
      /^ORDERS_AUTH_HEADER: .*header line/,
    );
    expect(problemsOf({ ORDER_SOURCE: 'shopify', SHOPIFY_SHOP: 'my store', SHOPIFY_ACCESS_TOKEN: 'x' })[0]).toMatch(/^SHOPIFY_SHOP: /);
    expect(problemsOf({ ORDERS_TIMEOUT_MS: 'soon' })[0]).toMatch(/^ORDERS_TIMEOUT_MS: /);
    expect(problemsOf({ ORDER_SOURCE: 'shopify', SHOPIFY_SHOP: 'my-store.myshopify.com', SHOPIFY_ACCESS_TOKEN: 'shpat_x' })).toEqual([]);
  });
});
