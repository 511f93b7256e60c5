// The store's products: PRODUCT_SOURCE (DATA_DIR/products.json, else the demo catalogue; or HTTP, or Shopify), read
// at start and again on a timer, so a turn never waits for it.
import fp from 'fastify-plugin';
import { createProductCatalogue, createProductSource, type ProductCatalogue, type ProductSource } from '../products/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    products: ProductCatalogue;
  }
}

export interface ProductsOptions {
  productSource?: ProductSource;
}

export default fp<ProductsOptions>(
  async (app, options) => {
    const products = createProductCatalogue(options.productSource ?? createProductSource(app.config, app.log), {
      refreshSeconds: app.config.PRODUCTS_REFRESH_SECONDS,
      logger: app.log,
    });
    await products.refresh();
    app.decorate('products', products);
    app.addHook('onClose', async () => products.close());
  },
  { name: 'products' },
);
