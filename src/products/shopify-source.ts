// Products from a Shopify store through its REST Admin API: the shop (currency, language, domain), every product
// page by page (since_id), and the stock of each variant from the inventory levels of all locations. Shopify keeps
// materials and care in free text or metafields, which this source does not read: questions about them hand off.
import { z } from 'zod';
import { createRemoteClient, type ResilienceTuning } from '../orders/index.js';
import type { CatalogueData, Product, Variant } from './product.js';
import { describeIssues } from './issues.js';
import type { Logger } from '../shared/index.js';
import { ProductSourceError, type ProductSource } from './source.js';

const ShopAnswer = z.object({
  shop: z.object({ currency: z.string().regex(/^[A-Z]{3}$/), primary_locale: z.string().default('en'), domain: z.string().min(1) }),
});
const ShopifyVariant = z.object({
  id: z.number(),
  sku: z.string().nullable().optional(),
  price: z.string(),
  option1: z.string().nullable().optional(),
  option2: z.string().nullable().optional(),
  option3: z.string().nullable().optional(),
  inventory_item_id: z.number(),
  inventory_management: z.string().nullable().optional(),
});
const ShopifyProduct = z.object({
  id: z.number(),
  title: z.string().min(1),
  handle: z.string().min(1),
  status: z.string().optional(),
  options: z.array(z.object({ name: z.string(), position: z.number() })).default([]),
  variants: z.array(ShopifyVariant).min(1),
  image: z.object({ src: z.string() }).nullable().optional(),
  images: z.array(z.object({ src: z.string() })).default([]),
});
const ProductsAnswer = z.object({ products: z.array(ShopifyProduct) });
const LevelsAnswer = z.object({ inventory_levels: z.array(z.object({ inventory_item_id: z.number(), available: z.number().nullable() })) });

/** Shopify's own limits: products per page, inventory items per request. */
const PAGE = 250;
const ITEMS_PER_REQUEST = 50;
/** Option names that mean colour or size, in the languages a shop may name its options in. */
const COLOR_NAMES = /^(colou?re?s?|farbe|couleur|cor|kleur|kolor|цвет|renk|لون|色|カラー)$/i;
const SIZE_NAMES = /^(size|talla|taille|gr(ö|oe|o)(ss|ß)e|taglia|tamanho|maat|rozmiar|размер|beden|مقاس|サイズ)$/i;

export interface ShopifyProductSourceOptions {
  shop: string;
  accessToken: string;
  apiVersion: string;
  timeoutMs: number;
  retries: number;
  logger: Logger;
  tuning?: Partial<ResilienceTuning>;
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new ProductSourceError('shopify', `${what} answered something that does not fit: ${describeIssues(result.error)}`);
  return result.data;
}

const httpsUrl = (src: string | undefined) => (src && /^https?:\/\//.test(src) ? src : src?.startsWith('//') ? `https:${src}` : undefined);

function toProduct(product: z.infer<typeof ShopifyProduct>, shop: z.infer<typeof ShopAnswer>['shop'], stock: Map<number, number | null>): Product {
  const language = shop.primary_locale.slice(0, 2).toLowerCase();
  const position = (names: RegExp) => product.options.find((option) => names.test(option.name.trim()))?.position;
  const colorAt = position(COLOR_NAMES);
  const sizeAt = position(SIZE_NAMES);
  const optionAt = (variant: z.infer<typeof ShopifyVariant>, at: number | undefined) =>
    (at === 1 ? variant.option1 : at === 2 ? variant.option2 : at === 3 ? variant.option3 : undefined) ?? undefined;
  const prices = product.variants.map((variant) => Number(variant.price));
  const lowest = Math.min(...prices);
  const variants: Variant[] = product.variants.map((variant) => ({
    sku: variant.sku?.trim() || String(variant.id),
    ...(optionAt(variant, colorAt) ? { color: optionAt(variant, colorAt) } : {}),
    ...(optionAt(variant, sizeAt) ? { size: optionAt(variant, sizeAt) } : {}),
    // A variant whose stock Shopify does not track can always be bought.
    stock: variant.inventory_management ? (stock.get(variant.inventory_item_id) ?? 0) : null,
    ...(Number(variant.price) !== lowest ? { prices: { [shop.currency]: Number(variant.price) } } : {}),
  }));
  const image = httpsUrl(product.image?.src ?? product.images[0]?.src);
  return {
    id: product.handle,
    title: { [language]: product.title },
    url: `https://${shop.domain}/products/${product.handle}`,
    ...(image ? { image } : {}),
    prices: { [shop.currency]: lowest },
    variants,
  };
}

export function createShopifyProductSource(options: ShopifyProductSourceOptions): ProductSource {
  const shopUrl = /^https?:\/\//i.test(options.shop) ? options.shop : `https://${options.shop}`;
  const api = `${shopUrl.replace(/\/+$/, '')}/admin/api/${options.apiVersion}`;
  const client = createRemoteClient({
    name: 'shopify',
    headers: { 'X-Shopify-Access-Token': options.accessToken },
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    cacheSeconds: 0,
    logger: options.logger,
    credentialsHint: "SHOPIFY_ACCESS_TOKEN and the app's read_products and read_inventory scopes",
    tuning: options.tuning,
  });

  async function allProducts() {
    const products: z.infer<typeof ShopifyProduct>[] = [];
    for (let sinceId = 0; ; ) {
      const page = parse(ProductsAnswer, await client.getJson(`${api}/products.json?limit=${PAGE}&since_id=${sinceId}`), 'products.json').products;
      products.push(...page);
      if (page.length < PAGE) return products;
      sinceId = page.at(-1)!.id;
    }
  }

  /** Units available per inventory item, summed over the shop's locations. */
  async function stockOf(itemIds: number[]): Promise<Map<number, number | null>> {
    const stock = new Map<number, number | null>();
    for (let start = 0; start < itemIds.length; start += ITEMS_PER_REQUEST) {
      const ids = itemIds.slice(start, start + ITEMS_PER_REQUEST).join(',');
      const { inventory_levels } = parse(
        LevelsAnswer,
        await client.getJson(`${api}/inventory_levels.json?inventory_item_ids=${ids}&limit=${PAGE}`),
        'inventory_levels.json',
      );
      for (const level of inventory_levels) stock.set(level.inventory_item_id, (stock.get(level.inventory_item_id) ?? 0)! + Math.max(0, level.available ?? 0));
    }
    return stock;
  }

  return {
    name: 'shopify',
    async readCatalogue(): Promise<CatalogueData> {
      const { shop } = parse(ShopAnswer, await client.getJson(`${api}/shop.json`), 'shop.json');
      const products = (await allProducts()).filter((product) => !product.status || product.status === 'active');
      const tracked = products.flatMap((product) =>
        product.variants.filter((variant) => variant.inventory_management).map((variant) => variant.inventory_item_id),
      );
      const stock = await stockOf(tracked);
      return { baseCurrency: shop.currency, rates: {}, translations: {}, products: products.map((product) => toProduct(product, shop, stock)) };
    },
    close: () => client.close(),
  };
}
