// What a pre-sale question can ask about a product: names shared by the product stage, the conversation's context
// and the next state, so none of them has to import another for them.
export const PRODUCT_INTENT = 'product_question';
/** `unlisted`: something the catalogue has no field for (engraving, a gift box, compatibility with a phone, whether it
 * is vegan): never known, so the bot says the data does not say and offers a person. */
export const PRODUCT_ASPECTS = ['material', 'care', 'dimensions', 'size_guide', 'options', 'stock', 'price', 'shipping', 'delivery_time', 'unlisted'] as const;
export type ProductAspect = (typeof PRODUCT_ASPECTS)[number];
/** Aspects whose answer depends on the shopper's country. */
export const PLACE_ASPECTS: ReadonlySet<string> = new Set(['price', 'shipping', 'delivery_time']);
