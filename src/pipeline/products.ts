// Product stage: which product a pre-sale question is about (named, by SKU, the one on the page, or the one the
// chat was about), what it asks (material, care, stock of a variant, price, shipping…), and what the catalogue
// says about it, as the rules' fact `product`. Pure over the catalogue the caller passes in.
import { currencyOf, findProducts, lowestPrice, priceIn, productOnPage, type Catalogue, type Product, type Variant } from '../products/index.js';
import { recent } from './context.js';
import { lexiconText, type Lexicon, type LexiconText } from '../language/index.js';
import { PLACE_ASPECTS, PRODUCT_INTENT, SIZE_TWIN, type ProductAspect } from './product-aspects.js';
import { askedOptions, kindIn, namedBesides, productsByOption, sharingMaterial, withoutNames } from './product-mention.js';
import type { ShippingFacts } from '../shipping/index.js';
import { quantityIn } from './quantity.js';
import { NO_FACTS, type ProductFacts, type ProductMemory, type ProductStage, type ProductStageInput } from './product-facts.js';

const isAvailable = (variant: Variant) => variant.stock === null || variant.stock > 0;

/** The aspect of the most specific words the message has ("combien de litres" over "combien"); something the
 * catalogue has no field for ("engraved", "vegan") whatever else is asked. */
function aspectIn(lexicons: (Lexicon | undefined)[], words: LexiconText): ProductAspect | undefined {
  for (const lexicon of lexicons) {
    const aspects = lexicon?.kinds.get('productAspects');
    const said = aspects?.find(words) === 'unlisted' ? 'unlisted' : aspects?.findLongest(words);
    if (said) return said as ProductAspect;
  }
  return undefined;
}

/**
 * What the message itself asks about the product: its own words, else a variant named means stock. Words of the
 * product's own name ask nothing: "organic" in "organic cotton T-shirt" or "waterproof" in an alias "waterproof
 * jacket" is what it is called, not a question about its material or about something the data lacks.
 */
function saidAspect(
  first: ProductAspect | undefined,
  lexicons: (Lexicon | undefined)[],
  unnamed: () => LexiconText,
  namesVariant: boolean,
): ProductAspect | undefined {
  let said = first;
  if (said === 'material' || said === 'unlisted') said = aspectIn(lexicons, unnamed());
  return namesVariant && (!said || said === 'options') ? 'stock' : said;
}

/** A price for a quantity ("wholesale price for 20 bags", "how much if I order 20?") is none the catalogue lists: a
 * person quotes it. */
function quoted(said: ProductAspect | undefined, lexicon: Lexicon | undefined, text: string): ProductAspect | undefined {
  return said === 'price' && quantityIn(text, lexicon) === 'quantity' ? 'unlisted' : said;
}

/**
 * Beyond a product question: a product named with something asked about it while the classifier was unsure (or
 * sure it is about shipping), a choice among candidates, or a question about the product on the page or the one the
 * chat was about ("and in L?", "is it dishwasher safe?").
 */
function isAboutProduct(input: ProductStageInput, picked: Picked, said: ProductAspect | undefined, memory: ProductMemory | undefined): boolean {
  const { intent } = input;
  if (picked.from === 'choice') return true;
  // A near miss of a name ("weather" for "leather") names a product only when the rest of the message asks about one.
  const named = picked.from === 'sku' || (picked.from === 'message' && (picked.isExact || !!said || !!input.page?.product || !!input.page?.url));
  const known = named || picked.from === 'page' || picked.from === 'chat';
  // "Chile?" after "which country should the teapot go to?"
  const answersPlace = picked.from === 'chat' && input.namesCountry && !!memory?.aspect && PLACE_ASPECTS.has(memory.aspect);
  // A classifier sure of something else ("how much is it" as shipping, "بكم هذا" as goodbye) gives way to a question
  // about a known product in the catalogue's own words; a product named in a shipping question is about that product.
  // A classifier sure of something else never gives way to a near miss of a name alone.
  const written = picked.from !== 'message' || picked.isExact;
  // "shipping for the tea one?" names a word several products share: which one decides where it may go.
  const shipsWhich = (named && written) || (picked.candidates.length > 0 && picked.isExact);
  if (intent.confident) return (known && written && !!said) || answersPlace || (intent.intent === 'shipping_info' && shipsWhich) || asksUnlisted(input, said);
  // Something no product's data says (engraving, a gift box, a price for a quantity) is the catalogue's to decline,
  // whichever product it is about: no article or guess of the classifier's answers it.
  if (named || said === 'unlisted') return true;
  if (picked.candidates.length > 0) return (!!said || !!memory?.aspect) && (picked.isExact || !!said);
  return (known && !!said) || answersPlace;
}

/**
 * Whether searching the catalogue could change this turn: most messages are about something else, and a classifier
 * sure of another intent gives way only to the catalogue's own words (an aspect, a colour) or a country answering
 * "which country?". Cheap word lists first; the fuzzy search only when they leave the question open.
 */
function mayBeAboutProduct(input: ProductStageInput, words: LexiconText, asks: () => ProductAspect | undefined, memory: ProductMemory | undefined): boolean {
  const { intent } = input;
  if (input.payload?.startsWith('product:')) return true;
  if (asksUnlisted(input, asks())) return true;
  if ((intent.confident && ORDER_BOUND_INTENTS.has(intent.intent)) || ORDER_BOUND_INTENTS.has(input.ownIntent ?? '') || input.reportsProblem) return false;
  if (!intent.confident || intent.intent === 'shipping_info') return true;
  const option = (['colors', 'sizes', 'materials'] as const).some((list) => !!kindIn([input.lexicon], list, words));
  return !!asks() || option || (input.namesCountry && !!memory?.aspect);
}

/**
 * Something no product's data has a field for (engraving, a gift box, compatibility, a certification), asked with
 * no order or code named and no problem reported: the catalogue declines it whatever intent the classifier is sure
 * of ("can you engrave it?" read as a change to an order, "a discount if it comes gift boxed?" as a discount).
 */
function asksUnlisted(input: ProductStageInput, said: ProductAspect | undefined): boolean {
  return said === 'unlisted' && !input.namesOrderOrCode && !input.reportsProblem;
}

/** Intents about an order already placed, a person or a complaint: never a question about the catalogue. */
const ORDER_BOUND_INTENTS = new Set(
  'order_status refund_status cancel_order change_order return_request payment_issue human_agent complaint customs_duties discount_code'.split(' '),
);

/** The product chosen and how; isExact: a word of its name is written out (not only a near miss of one). */
interface Picked {
  product?: Product;
  from: ProductFacts['from'];
  candidates: Product[];
  variant?: Variant;
  isExact: boolean;
}

function choose(
  input: ProductStageInput,
  catalogue: Catalogue,
  memory: ProductMemory | undefined,
  byOption: () => Product[],
  sharedMaterial: (found: Product) => Product[],
): Picked {
  const chosen = input.payload?.startsWith('product:') ? catalogue.byId.get(input.payload.slice('product:'.length)) : undefined;
  if (chosen) return { product: chosen, from: 'choice', candidates: [], isExact: true };
  const onPage = productOnPage(catalogue, input.page);
  const anywhere = findProducts(catalogue, input.text, input.language);
  const found =
    onPage && anywhere.length > 0 && !anywhere.some((match) => match.product === onPage || match.variant)
      ? namedBesides(catalogue, input.text, input.language, onPage)
      : anywhere;
  const earlier = memory?.id ? catalogue.byId.get(memory.id) : undefined;
  // With a product on the page or in the chat, only a name written out counts as another: "wasche" is not "Tasche".
  const matches = onPage || earlier ? found.filter((match) => match.isExact) : found;
  const shared = matches.length === 1 && !matches[0]!.variant && !onPage && !earlier ? sharedMaterial(matches[0]!.product) : [];
  if (shared.length > 0) return { from: null, candidates: shared, isExact: true };
  if (matches.length === 1)
    return {
      product: matches[0]!.product,
      from: matches[0]!.variant ? 'sku' : 'message',
      candidates: [],
      variant: matches[0]!.variant,
      isExact: matches[0]!.isExact,
    };
  if (matches.length > 1) {
    // "the blue one" on the mug's page means the mug when the mug is among the candidates.
    const preferred = [onPage, earlier].find((product) => product && matches.some((match) => match.product === product));
    return preferred
      ? { product: preferred, from: preferred === onPage ? 'page' : 'chat', candidates: [], isExact: true }
      : { from: null, candidates: matches.map((match) => match.product), isExact: matches.some((match) => match.isExact) };
  }
  if (onPage) return { product: onPage, from: 'page', candidates: [], isExact: true };
  if (earlier) return { product: earlier, from: 'chat', candidates: [], isExact: true };
  // "the blue one": the products in that colour, one of them or which.
  const [only, ...more] = byOption();
  if (only && more.length === 0) return { product: only, from: 'message', candidates: [], isExact: false };
  return { from: null, candidates: only ? [only, ...more] : [], isExact: false };
}

/**
 * The product a message is about, or null when it is not a product question. A product question (the intent, or a
 * question about a product named in a message the classifier was unsure of, or "and in L?" right after one) gets
 * facts even when no product is known: the rules then ask which.
 */
export function productStage(input: ProductStageInput): ProductStage | null {
  const { catalogue, intent } = input;
  if (!catalogue) return null;
  const isProductIntent = intent.intent === PRODUCT_INTENT && intent.confident;
  if (input.isFlowAnswer && !isProductIntent) return null;
  const memory = recent(input.memory, input.turn, input.rememberTurns);
  const words = lexiconText(input.text);
  // What the message's words ask, read once: most messages never need it.
  let asked: { aspect: ProductAspect | undefined } | undefined;
  const asks = () => (asked ??= { aspect: aspectIn([input.lexicon], words) }).aspect;
  if (!isProductIntent && !mayBeAboutProduct(input, words, asks, memory)) return null;
  // Option values are written in the store's language; what the shopper asks is read in theirs only.
  const lexicons = [input.lexicon, input.defaultLexicon];
  // "does it run small?" asks about fit, not about the products that come in small.
  const byOption = () => (asks() === 'size_guide' ? [] : productsByOption(catalogue, words, lexicons, input.language));
  const sharedMaterial = (found: Product) => sharingMaterial(catalogue, found, input.text, words, lexicons, input.language);
  const picked = choose(input, catalogue, memory, byOption, sharedMaterial);
  const { product } = picked;
  const options = product ? askedOptions(product, catalogue, words, input.text, lexicons, input.language) : {};
  const namesVariant = !!(options.color || options.size || picked.variant);
  const said = quoted(
    saidAspect(asks(), [input.lexicon], () => (product ? withoutNames(words, product, input.language) : words), namesVariant),
    input.lexicon,
    input.text,
  );
  // "and the scarf?" after a question about the mug's material asks the scarf's.
  const aspect = said ?? memory?.aspect ?? null;
  if (!isProductIntent && !isAboutProduct(input, picked, said, memory)) return null;
  // A shipping question about a product is about shipping it, unless it asks what the catalogue cannot say.
  const asksPlace = !aspect || (!PLACE_ASPECTS.has(aspect) && aspect !== 'unlisted');
  const shippingAspect = intent.intent === 'shipping_info' && intent.confident && asksPlace ? 'shipping' : aspect;
  const base = { catalogue, asked: options, candidates: picked.candidates };
  if (!product) {
    const status = picked.candidates.length > 0 ? 'ambiguous' : 'none';
    return { ...base, variants: [], facts: { ...NO_FACTS, status, aspect: shippingAspect, candidates: picked.candidates.map((candidate) => candidate.id) } };
  }
  const variants = picked.variant
    ? [picked.variant]
    : product.variants.filter((variant) => (!options.color || variant.color === options.color) && (!options.size || variant.size === options.size));
  const colorExists = !options.color?.startsWith('?');
  return {
    ...base,
    product,
    variants: namesVariant ? variants : [],
    facts: describe(product, picked.from, shippingAspect, namesVariant, colorExists ? variants : []),
  };
}

function describe(product: Product, from: ProductFacts['from'], aspect: ProductAspect | null, namesVariant: boolean, variants: Variant[]): ProductFacts {
  const hasColors = product.variants.some((variant) => variant.color);
  const hasSizes = product.variants.some((variant) => variant.size);
  const known: Record<ProductAspect, boolean> = {
    material: !!product.material,
    care: !!product.care,
    dimensions: !!product.dimensions,
    size_guide: !!product.fit || !!product.sizeGuide,
    options: hasColors || hasSizes,
    stock: true,
    price: true,
    shipping: true,
    delivery_time: true,
    unlisted: false,
  };
  const twin = aspect && !known[aspect] ? SIZE_TWIN[aspect] : undefined;
  const answered = twin && known[twin] ? twin : aspect;
  return {
    ...NO_FACTS,
    status: 'found',
    id: product.id,
    from,
    aspect: answered,
    known: answered ? known[answered] : false,
    hasColors,
    hasSizes,
    inStock: product.variants.some(isAvailable),
    variant: namesVariant
      ? { asked: true, exists: variants.length > 0, inStock: variants.some(isAvailable), stock: variants.length === 1 ? variants[0]!.stock : null }
      : null,
    restriction: product.shipping?.restriction ?? null,
    fit: product.fit ?? null,
  };
}

/** The stage's facts with the destination in: whether this product may go there, and its price for the shopper. */
export function withDestination(stage: ProductStage, shipping: ShippingFacts | null, country: string | undefined): ProductStage {
  const { product, facts } = stage;
  if (!product) return stage;
  const currency = currencyOf(country);
  const { price, varies } =
    stage.variants.length === 1
      ? { price: priceIn(stage.catalogue.data, product, stage.variants[0], currency), varies: false }
      : lowestPrice(stage.catalogue.data, product, currency);
  const blocked = !!country && (product.shipping?.notTo ?? []).includes(country);
  const ships = shipping ? shipping.ships && !blocked : null;
  return { ...stage, facts: { ...facts, ships, price: { approximate: price.isApproximate, varies } } };
}
