import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createFileProductSource,
  createHttpProductSource,
  createProductCatalogue,
  createShopifyProductSource,
  DEMO_PRODUCTS_FILE,
  type ProductSource,
} from '../../src/products/index.js';
import { recordingLogger, sendJson, startStoreServer } from '../orders/store-server.js';
import { contractCatalogue, productSourceContract } from './contract.js';
import { API_VERSION, SHOPIFY_TOKEN, startShopifyProductServer, toShopifyShop } from './shopify-api.js';

const remote = { timeoutMs: 1000, retries: 1, tuning: { backoffBaseMs: 10, backoffMaxMs: 50 } };

productSourceContract('file', async (catalogue) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-products-'));
  await writeFile(path.join(dataDir, 'products.json'), JSON.stringify(catalogue));
  return { source: createFileProductSource({ dataDir, logger: recordingLogger() }), close: () => rm(dataDir, { recursive: true, force: true }) };
});

productSourceContract('http', async (catalogue) => {
  const server = await startStoreServer((request, response) =>
    request.url === '/api/products' ? sendJson(response, 200, catalogue) : sendJson(response, 404, {}),
  );
  const source = createHttpProductSource({ ...remote, baseUrl: `${server.url}/api`, logger: recordingLogger() });
  return {
    source,
    close: async () => {
      source.close?.();
      await server.close();
    },
  };
});

productSourceContract('shopify', async (catalogue) => {
  const server = await startShopifyProductServer(toShopifyShop(catalogue));
  const source = createShopifyProductSource({ ...remote, shop: server.url, accessToken: SHOPIFY_TOKEN, apiVersion: API_VERSION, logger: recordingLogger() });
  return {
    source,
    close: async () => {
      source.close?.();
      await server.close();
    },
  };
});

describe('file product source', () => {
  it('reads the demo catalogue when DATA_DIR has no products.json', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-products-'));
    try {
      const catalogue = await createFileProductSource({ dataDir, logger: recordingLogger() }).readCatalogue();
      expect(catalogue.products.length).toBeGreaterThanOrEqual(20);
      expect(DEMO_PRODUCTS_FILE.endsWith(path.join('demo', 'products.json'))).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps serving the last good catalogue after a broken edit, and says so once', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-products-'));
    const file = path.join(dataDir, 'products.json');
    try {
      await writeFile(file, JSON.stringify(contractCatalogue));
      const logger = recordingLogger();
      const source = createFileProductSource({ dataDir, logger });
      const before = await source.readCatalogue();
      await writeFile(file, '{"products": [{"id": "half-written"');
      expect(await source.readCatalogue()).toBe(before);
      expect(await source.readCatalogue()).toBe(before);
      expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('shopify product source', () => {
  it('reads every page of a shop with more products than fit in one answer', async () => {
    const many = {
      ...contractCatalogue,
      products: Array.from({ length: 260 }, (_, index) => ({
        ...contractCatalogue.products[2]!,
        id: `card-${index}`,
        variants: [{ sku: `CARD-${index}`, stock: null }],
      })),
    };
    const server = await startShopifyProductServer(toShopifyShop(many));
    const source = createShopifyProductSource({ ...remote, shop: server.url, accessToken: SHOPIFY_TOKEN, apiVersion: API_VERSION, logger: recordingLogger() });
    try {
      expect((await source.readCatalogue()).products).toHaveLength(260);
      expect(server.requests.filter((request) => request.url.includes('/products.json'))).toHaveLength(2);
    } finally {
      source.close?.();
      await server.close();
    }
  });

  it('fails with the credentials to check when the token is refused', async () => {
    const server = await startShopifyProductServer(toShopifyShop(contractCatalogue));
    const source = createShopifyProductSource({ ...remote, shop: server.url, accessToken: 'shpat_wrong', apiVersion: API_VERSION, logger: recordingLogger() });
    try {
      await expect(source.readCatalogue()).rejects.toThrow(/SHOPIFY_ACCESS_TOKEN/);
    } finally {
      source.close?.();
      await server.close();
    }
  });
});

describe('product catalogue', () => {
  it('keeps the last catalogue while the store is down, and takes the new one when it answers again', async () => {
    let answer: 'ok' | 'down' = 'ok';
    let stock = 7;
    const server = await startStoreServer((_request, response) => {
      if (answer === 'down') return sendJson(response, 503, { error: 'maintenance' });
      const lamp = { ...contractCatalogue.products[0]!, variants: [{ sku: 'LAMP-BLK', color: 'Black', stock }] };
      sendJson(response, 200, { ...contractCatalogue, products: [lamp] });
    });
    const logger = recordingLogger();
    const source: ProductSource = createHttpProductSource({ ...remote, retries: 0, baseUrl: server.url, logger });
    const products = createProductCatalogue(source, { refreshSeconds: 3600, logger });
    try {
      expect((await products.refresh())?.byId.get('desk-lamp')?.variants[0]?.stock).toBe(7);
      answer = 'down';
      expect((await products.refresh())?.byId.get('desk-lamp')?.variants[0]?.stock).toBe(7);
      expect(logger.lines.some((line) => line.level === 'warn')).toBe(true);
      answer = 'ok';
      stock = 0;
      expect((await products.refresh())?.byId.get('desk-lamp')?.variants[0]?.stock).toBe(0);
    } finally {
      products.close();
      await server.close();
    }
  });
});
