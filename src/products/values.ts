// The names of the values product templates may use: the content loader checks templates against them, and the
// pipeline fills them for a reply about a product (pipeline/product-values.ts).

/** Values product templates may use, besides the shipping zone's and the country's. */
export const PRODUCT_VALUES = [
  'productTitle',
  'material',
  'care',
  'dimensions',
  'sizeGuide',
  'fit',
  'colors',
  'sizes',
  'askedVariant',
  'variantName',
  'availableVariants',
  'price',
  'basePrice',
  'restriction',
  'candidates',
];
