// A product as the bot knows it, whatever the source: titles and attributes per language, variants with their
// options and stock, prices per currency, a picture, a link and what stops it shipping somewhere. Parsed once, here.
import { z } from 'zod';

const Language = z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as "en"');
const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"');
const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 code such as "DE"');
const Text = z.string().trim().min(1).max(2000);

/** Text the store wrote in some of its languages ({"en": "…", "es": "…"}), or one text for all. */
export const LocalizedText = z.union([Text, z.record(Language, Text)]);
export type LocalizedText = z.infer<typeof LocalizedText>;

const Prices = z.record(Currency, z.number().nonnegative());
const HttpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const RESTRICTIONS = ['battery', 'liquid', 'food', 'fragile', 'oversize'] as const;

export const VariantSchema = z.strictObject({
  sku: z.string().trim().min(1).max(80),
  color: z.string().trim().min(1).max(80).optional(),
  size: z.string().trim().min(1).max(80).optional(),
  /** Units available now; null when the store does not count them (always available). */
  stock: z.number().int().nullable(),
  /** Prices of this variant when they differ from the product's. */
  prices: Prices.optional(),
});
export type Variant = z.infer<typeof VariantSchema>;

export const FITS = ['true_to_size', 'runs_small', 'runs_large'] as const;

export const ProductSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/, 'letters, digits, "-", "_" and "." (e.g. "ceramic-mug")'),
  title: LocalizedText,
  /** Other names shoppers use, per language ("coffee cup"). */
  aliases: z.record(Language, z.array(z.string().trim().min(1).max(80))).optional(),
  url: HttpUrl.optional(),
  image: HttpUrl.optional(),
  material: LocalizedText.optional(),
  care: LocalizedText.optional(),
  dimensions: LocalizedText.optional(),
  fit: z.enum(FITS).optional(),
  /** Measurements per size ("M": "chest 95–101 cm"). */
  sizeGuide: z.record(z.string().min(1).max(40), LocalizedText).optional(),
  prices: Prices,
  shipping: z.strictObject({ restriction: z.enum(RESTRICTIONS).optional(), notTo: z.array(Country).default([]) }).optional(),
  variants: z.array(VariantSchema).min(1, 'a product needs at least one variant (its SKU and stock)'),
});
export type Product = z.infer<typeof ProductSchema>;

export const CatalogueSchema = z
  .strictObject({
    /** The currency prices are converted from when a product has no price in the shopper's. */
    baseCurrency: Currency.default('USD'),
    /** Operator-set rates: units of each currency for one of the base currency. Conversions are approximate. */
    rates: z.record(Currency, z.number().positive()).default({}),
    /** Option values in other languages ("blue": {"es": "azul"}): colours and sizes as replies name them. */
    translations: z.record(z.string().min(1).max(80), z.record(Language, Text)).default({}),
    products: z.array(ProductSchema),
  })
  .superRefine((catalogue, context) => {
    const ids = new Set<string>();
    const skus = new Set<string>();
    catalogue.products.forEach((product, index) => {
      if (ids.has(product.id))
        context.addIssue({ code: 'custom', path: ['products', index, 'id'], message: `"${product.id}" is the id of an earlier product` });
      ids.add(product.id);
      product.variants.forEach((variant, at) => {
        const sku = variant.sku.toUpperCase();
        if (skus.has(sku))
          context.addIssue({ code: 'custom', path: ['products', index, 'variants', at, 'sku'], message: `SKU "${variant.sku}" is used by an earlier variant` });
        skus.add(sku);
      });
      if (!(catalogue.baseCurrency in product.prices))
        context.addIssue({ code: 'custom', path: ['products', index, 'prices'], message: `needs a price in the base currency ${catalogue.baseCurrency}` });
    });
  });
export type CatalogueData = z.infer<typeof CatalogueSchema>;

/** The text in the language, else in the fallback language, else any; with the language it is in. */
export function localized(text: LocalizedText | undefined, language: string, fallback: string): { text: string; language: string } | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return { text, language };
  const chosen = text[language] !== undefined ? language : text[fallback] !== undefined ? fallback : Object.keys(text)[0];
  return chosen === undefined ? undefined : { text: text[chosen]!, language: chosen };
}

/** Every language's wording of a text, for search. */
export const allWordings = (text: LocalizedText | undefined): [string | undefined, string][] =>
  text === undefined ? [] : typeof text === 'string' ? [[undefined, text]] : Object.entries(text);
