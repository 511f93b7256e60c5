// A small local server answering like Shopify's REST Admin API for products: the shop, products page by page
// (limit, since_id), inventory levels per location, and the access token check; and a product as Shopify has it.
import type { CatalogueData, Product } from '../../src/products/index.js';
import { sendJson, startStoreServer, type StoreServer } from '../orders/store-server.js';

export const SHOPIFY_TOKEN = 'shpat_products_0123456789';
export const API_VERSION = '2024-10';

export interface ShopifyShop {
  products: Record<string, unknown>[];
  /** inventory_item_id → available units per location. */
  levels: Map<number, number[]>;
}

/** Shopify's products for a catalogue: options Color and Size, variants with inventory items, images. */
export function toShopifyShop(catalogue: CatalogueData, firstId = 8_000_000_000): ShopifyShop {
  const levels = new Map<number, number[]>();
  const products = catalogue.products.map((product: Product, index) => {
    const id = firstId + index * 100;
    const hasColor = product.variants.some((variant) => variant.color);
    const hasSize = product.variants.some((variant) => variant.size);
    const options = [...(hasColor ? ['Color'] : []), ...(hasSize ? ['Size'] : [])].map((name, at) => ({
      id: id + 90 + at,
      product_id: id,
      name,
      position: at + 1,
      values: [],
    }));
    const variants = product.variants.map((variant, at) => {
      const itemId = id * 10 + at;
      // Stock split over two locations, as a shop with a warehouse and a store has it.
      if (variant.stock !== null) levels.set(itemId, [Math.ceil(variant.stock / 2), Math.floor(variant.stock / 2)]);
      const values = [...(hasColor ? [variant.color] : []), ...(hasSize ? [variant.size] : [])];
      return {
        id: id + 1 + at,
        product_id: id,
        title: values.join(' / ') || 'Default Title',
        sku: variant.sku,
        price: (variant.prices?.USD ?? product.prices.USD!).toFixed(2),
        option1: values[0] ?? 'Default Title',
        option2: values[1] ?? null,
        option3: null,
        inventory_item_id: itemId,
        inventory_management: variant.stock === null ? null : 'shopify',
        inventory_policy: 'deny',
        inventory_quantity: variant.stock ?? 0,
      };
    });
    const image = product.image ? { id: id + 50, product_id: id, src: product.image, position: 1 } : null;
    return {
      id,
      title: typeof product.title === 'string' ? product.title : product.title.en,
      handle: product.id,
      status: 'active',
      vendor: 'Shop',
      product_type: '',
      tags: '',
      body_html: '<p>…</p>',
      options,
      variants,
      images: image ? [image] : [],
      image,
    };
  });
  return { products, levels };
}

/** The Admin API's own answers: 401 without the token, pages of `limit` products after `since_id`. */
export function startShopifyProductServer(shop: ShopifyShop): Promise<StoreServer> {
  return startStoreServer((request, response) => {
    if (request.headers['x-shopify-access-token'] !== SHOPIFY_TOKEN) {
      sendJson(response, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      return;
    }
    const url = new URL(request.url, 'http://shop.invalid');
    const base = `/admin/api/${API_VERSION}`;
    if (url.pathname === `${base}/shop.json`) {
      sendJson(response, 200, {
        shop: {
          id: 1,
          name: 'Shop',
          domain: 'shop.example',
          myshopify_domain: 'shop.myshopify.com',
          currency: 'USD',
          primary_locale: 'en',
          money_format: '${{amount}}',
        },
      });
    } else if (url.pathname === `${base}/products.json`) {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 250);
      const sinceId = Number(url.searchParams.get('since_id') ?? 0);
      sendJson(response, 200, { products: shop.products.filter((product) => (product.id as number) > sinceId).slice(0, limit) });
    } else if (url.pathname === `${base}/inventory_levels.json`) {
      const ids = (url.searchParams.get('inventory_item_ids') ?? '').split(',').filter(Boolean).map(Number);
      if (ids.length === 0 || ids.length > 50) {
        sendJson(response, 422, { errors: { inventory_item_ids: ['must have between 1 and 50 items'] } });
        return;
      }
      const inventory_levels = ids.flatMap((id) =>
        (shop.levels.get(id) ?? []).map((available, location) => ({
          inventory_item_id: id,
          location_id: 6_000 + location,
          available,
          updated_at: '2026-12-01T10:00:00-05:00',
        })),
      );
      sendJson(response, 200, { inventory_levels });
    } else sendJson(response, 404, { errors: 'Not Found' });
  });
}
