// What a pre-sale question can ask about a product: names shared by the product stage, the conversation's context
// and the next state, so none of them has to import another for them.
export const PRODUCT_INTENT = 'product_question';
/** `unlisted`: something the catalogue has no field for (engraving, a gift box, compatibility with a phone, whether it
 * is vegan): never known, so the bot says the data does not say and offers a person. */
export const PRODUCT_ASPECTS = ['material', 'care', 'dimensions', 'size_guide', 'options', 'stock', 'price', 'shipping', 'delivery_time', 'unlisted'] as const;
export type ProductAspect = (typeof PRODUCT_ASPECTS)[number];
/** Aspects whose answer depends on the shopper's country. */
export const PLACE_ASPECTS: ReadonlySet<string> = new Set(['price', 'shipping', 'delivery_time']);
/** What a question about size means when the product has no data for it: "what size is the rug?" asks its
 * dimensions when it has no size guide; "how big is the dress?" its size guide when it has no dimensions. */
export const SIZE_TWIN: Partial<Record<ProductAspect, ProductAspect>> = { size_guide: 'dimensions', dimensions: 'size_guide' };
