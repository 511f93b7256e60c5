// Products: the ProductSource interface, its three sources, the searchable catalogue kept in memory, and finding the
// product a shopper means.
import type { Config } from '../config.js';
import { createFileProductSource } from './file-source.js';
import { createHttpProductSource } from './http-source.js';
import { createShopifyProductSource } from './shopify-source.js';
import type { Logger } from '../shared/index.js';
import type { ProductSource } from './source.js';

export { CatalogueSchema, FITS, RESTRICTIONS, localized, type CatalogueData, type LocalizedText, type Product, type Variant } from './product.js';
export { ProductSourceError, type ProductSource } from './source.js';
export { buildCatalogue, findProducts, productOnPage, searchTerms, type Catalogue, type ProductMatch } from './catalogue.js';
export { createFileProductSource, DEMO_PRODUCTS_FILE, type FileProductSourceOptions } from './file-source.js';
export { createHttpProductSource, type HttpProductSourceOptions } from './http-source.js';
export { createShopifyProductSource, type ShopifyProductSourceOptions } from './shopify-source.js';
export { catalogueFileProblems } from './check.js';
export { createProductCatalogue, type ProductCatalogue } from './service.js';
export { currencyOf, lowestPrice, priceIn, type Price } from './currency.js';
export { PRODUCT_VALUES } from './values.js';

type ProductsConfig = Pick<
  Config,
  | 'PRODUCT_SOURCE'
  | 'DATA_DIR'
  | 'PRODUCTS_URL'
  | 'PRODUCTS_AUTH_HEADER'
  | 'ORDERS_TIMEOUT_MS'
  | 'ORDERS_RETRIES'
  | 'SHOPIFY_SHOP'
  | 'SHOPIFY_ACCESS_TOKEN'
  | 'SHOPIFY_API_VERSION'
>;

/** The product source PRODUCT_SOURCE names. The config has been checked: a remote source has what it needs. */
export function createProductSource(config: ProductsConfig, logger: Logger): ProductSource {
  const remote = { timeoutMs: config.ORDERS_TIMEOUT_MS, retries: config.ORDERS_RETRIES, logger };
  switch (config.PRODUCT_SOURCE) {
    case 'file':
      return createFileProductSource({ dataDir: config.DATA_DIR, logger });
    case 'http':
      return createHttpProductSource({ ...remote, baseUrl: config.PRODUCTS_URL!, authHeader: config.PRODUCTS_AUTH_HEADER });
    case 'shopify':
      return createShopifyProductSource({
        ...remote,
        shop: config.SHOPIFY_SHOP!,
        accessToken: config.SHOPIFY_ACCESS_TOKEN!,
        apiVersion: config.SHOPIFY_API_VERSION,
      });
  }
}
