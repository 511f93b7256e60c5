// What product replies say, in the reply's language: the product's title and attributes as the store wrote them
// (its default language where it has no translation), option names, stock, the price in the shopper's currency,
// and the product card shown under the reply. The values' names (PRODUCT_VALUES) are in products/values.ts, where
// the content loader reads them too.
import { currencyOf, localized, lowestPrice, priceIn, type Product, type Variant } from '../products/index.js';
import { formatMoney, listFormat, type ProductCard } from '../shared/index.js';
import type { ProductStage } from './product-facts.js';

export type { ProductCard } from '../shared/index.js';

/** The most variants a reply lists as available. */
const MAX_LISTED = 8;

const money = formatMoney;

export function productValues(
  stage: ProductStage,
  language: string,
  locale: string,
  defaultLanguage: string,
  country: string | undefined,
): Record<string, string | number> {
  const { product, catalogue } = stage;
  const values: Record<string, string | number> = {};
  const name = (value: string) => catalogue.data.translations[value]?.[language] ?? value;
  const list = (items: string[]) => listFormat(language, { type: 'conjunction' }).format(items);
  const variantName = (variant: Variant) =>
    [variant.color, variant.size]
      .filter((part): part is string => !!part)
      .map(name)
      .join(', ');
  if (stage.candidates.length > 0) values.candidates = list(stage.candidates.map((candidate) => localized(candidate.title, language, defaultLanguage)!.text));
  if (!product) return values;
  const text = (field: keyof Pick<Product, 'material' | 'care' | 'dimensions'>) => localized(product[field], language, defaultLanguage)?.text;
  values.productTitle = localized(product.title, language, defaultLanguage)!.text;
  for (const field of ['material', 'care', 'dimensions'] as const) {
    const value = text(field);
    if (value) values[field] = value;
  }
  if (product.fit) values.fit = product.fit;
  if (product.shipping?.restriction) values.restriction = product.shipping.restriction;
  if (product.sizeGuide)
    values.sizeGuide = Object.entries(product.sizeGuide)
      .map(([size, measure]) => `${name(size)}: ${localized(measure, language, defaultLanguage)!.text}`)
      .join(' · ');
  const colors = [...new Set(product.variants.flatMap((variant) => (variant.color ? [variant.color] : [])))];
  const sizes = [...new Set(product.variants.flatMap((variant) => (variant.size ? [variant.size] : [])))];
  if (colors.length) values.colors = list(colors.map(name));
  if (sizes.length) values.sizes = list(sizes.map(name));
  const { asked } = stage;
  if (asked.color || asked.size)
    values.askedVariant = [asked.color?.replace(/^\?/, ''), asked.size]
      .filter((part): part is string => !!part)
      .map(name)
      .join(', ');
  // One variant by its own name; several ("yellow" in every size) by what the shopper asked.
  if (stage.variants.length === 1) values.variantName = variantName(stage.variants[0]!);
  else if (values.askedVariant) values.variantName = values.askedVariant;
  const available = product.variants.filter((variant) => variant.stock === null || variant.stock > 0);
  if (available.length && (colors.length || sizes.length)) values.availableVariants = list(available.slice(0, MAX_LISTED).map(variantName));
  const currency = currencyOf(country);
  const chosen =
    stage.variants.length === 1
      ? { price: priceIn(catalogue.data, product, stage.variants[0], currency), varies: false }
      : lowestPrice(catalogue.data, product, currency);
  values.price = money(chosen.price.amount, chosen.price.currency, locale);
  if (chosen.price.base) values.basePrice = money(chosen.price.base.amount, chosen.price.base.currency, locale);
  return values;
}

/** The card of the product a reply is about; its price the way the reply gives it. */
export function productCard(
  stage: ProductStage,
  language: string,
  locale: string,
  defaultLanguage: string,
  country: string | undefined,
): ProductCard | undefined {
  const { product, catalogue } = stage;
  if (!product) return undefined;
  const { price } =
    stage.variants.length === 1
      ? { price: priceIn(catalogue.data, product, stage.variants[0], currencyOf(country)) }
      : lowestPrice(catalogue.data, product, currencyOf(country));
  return {
    productId: product.id,
    title: localized(product.title, language, defaultLanguage)!.text,
    price: `${price.isApproximate ? '≈ ' : ''}${money(price.amount, price.currency, locale)}`,
    ...(product.image ? { image: product.image } : {}),
    ...(product.url ? { url: product.url } : {}),
  };
}
