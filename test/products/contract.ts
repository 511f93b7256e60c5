// The behaviour every ProductSource must have, run against each one (file, HTTP, Shopify) so they cannot drift:
// the same store, read through each, gives the same products, variants, stock and prices, found the same way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalogue, findProducts, productOnPage, type CatalogueData, type ProductSource } from '../../src/products/index.js';

/** A small shop as every source can say it: titles in the shop's language, one currency, colours, sizes, stock. */
export const contractCatalogue: CatalogueData = {
  baseCurrency: 'USD',
  rates: {},
  translations: {},
  products: [
    {
      id: 'desk-lamp',
      title: { en: 'Desk lamp' },
      url: 'https://shop.example/products/desk-lamp',
      image: 'https://cdn.shop.example/desk-lamp.jpg',
      prices: { USD: 69 },
      variants: [
        { sku: 'LAMP-BLK', color: 'Black', stock: 7 },
        { sku: 'LAMP-WHT', color: 'White', stock: 0 },
      ],
    },
    {
      id: 'rain-jacket',
      title: { en: 'Rain jacket' },
      url: 'https://shop.example/products/rain-jacket',
      image: 'https://cdn.shop.example/rain-jacket.jpg',
      prices: { USD: 119 },
      variants: [
        { sku: 'JKT-YEL-S', color: 'Yellow', size: 'S', stock: 2 },
        { sku: 'JKT-YEL-M', color: 'Yellow', size: 'M', stock: 0 },
        { sku: 'JKT-YEL-L', color: 'Yellow', size: 'L', stock: 5, prices: { USD: 129 } },
      ],
    },
    {
      id: 'gift-card',
      title: { en: 'Gift card' },
      url: 'https://shop.example/products/gift-card',
      prices: { USD: 25 },
      // A gift card's stock is not counted: it can always be bought.
      variants: [{ sku: 'GIFT-25', stock: null }],
    },
  ],
};

export interface ProductSourceUnderTest {
  source: ProductSource;
  close(): Promise<void>;
}

export function productSourceContract(name: string, create: (catalogue: CatalogueData) => Promise<ProductSourceUnderTest>): void {
  describe(`${name} product source`, () => {
    let subject: ProductSourceUnderTest;
    beforeEach(async () => {
      subject = await create(contractCatalogue);
    });
    afterEach(async () => subject.close());

    it('reads every product with its title, price in the shop currency, page and picture', async () => {
      const { products, baseCurrency } = await subject.source.readCatalogue();
      expect(baseCurrency).toBe('USD');
      expect(products.map((product) => product.id).sort()).toEqual(['desk-lamp', 'gift-card', 'rain-jacket']);
      const lamp = products.find((product) => product.id === 'desk-lamp')!;
      expect(lamp.title).toEqual({ en: 'Desk lamp' });
      expect(lamp.prices).toEqual({ USD: 69 });
      expect(lamp.url).toBe('https://shop.example/products/desk-lamp');
      expect(lamp.image).toBe('https://cdn.shop.example/desk-lamp.jpg');
    });

    it('reads each variant with its colour, size, stock, and its own price when it differs', async () => {
      const { products } = await subject.source.readCatalogue();
      const jacket = products.find((product) => product.id === 'rain-jacket')!;
      expect(jacket.variants).toEqual([
        { sku: 'JKT-YEL-S', color: 'Yellow', size: 'S', stock: 2 },
        { sku: 'JKT-YEL-M', color: 'Yellow', size: 'M', stock: 0 },
        { sku: 'JKT-YEL-L', color: 'Yellow', size: 'L', stock: 5, prices: { USD: 129 } },
      ]);
      expect(products.find((product) => product.id === 'gift-card')!.variants).toEqual([{ sku: 'GIFT-25', stock: null }]);
    });

    it('gives a catalogue in which shoppers find products by name with a typo, by SKU and by the page they are on', async () => {
      const catalogue = buildCatalogue(await subject.source.readCatalogue());
      expect(findProducts(catalogue, 'is the rain jaket waterproof?', 'en').map((match) => match.product.id)).toEqual(['rain-jacket']);
      expect(findProducts(catalogue, 'LAMP-WHT back in stock?', 'en')[0]?.variant?.sku).toBe('LAMP-WHT');
      expect(productOnPage(catalogue, { url: 'https://shop.example/products/desk-lamp' })?.id).toBe('desk-lamp');
    });
  });
}
