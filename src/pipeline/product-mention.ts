// Products a message points at by one of their options instead of their name ("the blue one", "el grande",
// "大きい方"): the catalogue's products that come in that colour or size. One such product is the one meant; several
// make the mention ambiguous, and the bot asks which. Option values are read through the lexicons' colour and size
// lists, so "navy" is not "blue" but "olive green" is both olive and green; the product's material text through the
// materials list ("the linen one", "das aus Wolle"), its main material (named first) before a lining or a wick.
import { findProducts, searchTerms, type Catalogue, type Product, type ProductMatch } from '../products/index.js';
import { lexiconText, type KindMatcher, type Lexicon, type LexiconText } from '../language/index.js';

type Lexicons = readonly (Lexicon | undefined)[];

/** The lists of option words, and the variant field each describes (materials: the product's material text). */
const OPTION_LISTS = [
  ['colors', 'color'],
  ['sizes', 'size'],
  ['materials', 'material'],
] as const;
type OptionList = (typeof OPTION_LISTS)[number][0];
type VariantList = Exclude<OptionList, 'materials'>;

/** More products than this in one colour or size is no mention of one: the bot asks for the name instead (as many
 * as a reply's buttons can list). */
export const MAX_OPTION_CANDIDATES = 8;

/** The first kind of the list the text names, in the first lexicon that names one. */
export function kindIn(lexicons: Lexicons, list: OptionList, text: LexiconText): string | undefined {
  return lexicons.map((lexicon) => lexicon?.kinds.get(list)?.find(text)).find(Boolean);
}

/** Every kind of the list the text names, in the first lexicon that names any. */
function kindsIn(lexicons: Lexicons, list: OptionList, text: LexiconText): string[] {
  for (const lexicon of lexicons) {
    const found = lexicon?.kinds.get(list)?.findAll(text);
    if (found?.length) return found;
  }
  return [];
}

/** The kinds an option value is (in the store's words, else in the shopper's translation of it). */
export function valueKinds(catalogue: Catalogue, lexicons: Lexicons, list: VariantList, value: string, language: string): string[] {
  const own = kindsIn(lexicons, list, lexiconText(value));
  return own.length > 0 ? own : kindsIn(lexicons, list, lexiconText(catalogue.data.translations[value]?.[language] ?? ''));
}

/** Per catalogue and shopper's lexicon: the products of each option kind ("colors:blue" → mug, cushion…). */
const byKindCache = new WeakMap<Catalogue, WeakMap<object, Map<string, Product[]>>>();

function productsOfKind(catalogue: Catalogue, lexicons: Lexicons, list: OptionList, kind: string, language: string): Product[] {
  const key = lexicons[0] ?? catalogue;
  let perLexicon = byKindCache.get(catalogue);
  if (!perLexicon) byKindCache.set(catalogue, (perLexicon = new WeakMap()));
  let byKind = perLexicon.get(key);
  if (!byKind) perLexicon.set(key, (byKind = new Map()));
  const cacheKey = `${language}:${list}:${kind}`;
  let products = byKind.get(cacheKey);
  if (!products) {
    products = list === 'materials' ? productsOfMaterial(catalogue, lexicons, kind) : productsWithValue(catalogue, lexicons, list, kind, language);
    byKind.set(cacheKey, products);
  }
  return products;
}

function productsWithValue(catalogue: Catalogue, lexicons: Lexicons, list: VariantList, kind: string, language: string): Product[] {
  const field = list === 'colors' ? 'color' : 'size';
  return catalogue.data.products.filter((product) =>
    product.variants.some((variant) => {
      const value = variant[field];
      return !!value && valueKinds(catalogue, lexicons, list, value, language).includes(kind);
    }),
  );
}

/** The materials a product's text names in every language it is written in: the main ones (each wording's first). */
function materialKinds(product: Product, lexicons: Lexicons): { main: Set<string>; any: Set<string> } {
  const main = new Set<string>();
  const any = new Set<string>();
  for (const wording of wordings(product.material))
    for (const lexicon of lexicons) {
      const materials = lexicon?.kinds.get('materials');
      if (!materials) continue;
      const first = firstKind(materials, wording);
      if (first) main.add(first);
      for (const kind of materials.findAll(lexiconText(wording))) any.add(kind);
    }
  return { main, any };
}

/** The kind named first in the text ("soy wax, cotton wick" is wax), read word by word: the lists' own order is not
 * the text's. */
function firstKind(kinds: KindMatcher, text: string): string | undefined {
  const tokens = text.split(/\s+/);
  for (let count = 1; count <= tokens.length; count++) {
    const found = kinds.find(lexiconText(tokens.slice(0, count).join(' ')));
    if (found) return found;
  }
  return undefined;
}

/** The products made mainly of the material, else those with any of it (a porcelain pot inside a steel samovar). */
function productsOfMaterial(catalogue: Catalogue, lexicons: Lexicons, kind: string): Product[] {
  const kinds = catalogue.data.products.map((product) => [product, materialKinds(product, lexicons)] as const);
  const main = kinds.filter(([, found]) => found.main.has(kind));
  return (main.length > 0 ? main : kinds.filter(([, found]) => found.any.has(kind))).map(([product]) => product);
}

/**
 * The products that come in every option the message names (a colour, a size word), when it names any and at most
 * MAX_OPTION_CANDIDATES products do; none otherwise.
 */
export function productsByOption(catalogue: Catalogue, words: LexiconText, lexicons: Lexicons, language: string): Product[] {
  let found: Product[] | undefined;
  for (const [list] of OPTION_LISTS) {
    const kind = kindIn(lexicons, list, words);
    const products = kind ? productsOfKind(catalogue, lexicons, list, kind, language) : list === 'sizes' ? productsInSize(catalogue, words) : undefined;
    if (!products) continue;
    found = found ? found.filter((product) => products.includes(product)) : products;
  }
  return found && found.length <= MAX_OPTION_CANDIDATES ? found : [];
}

/** A size label of letters only, as clothes are sized ("XS", "XL", "XXL"); one letter alone is a word too often. */
const LETTER_SIZE = /^x{1,3}[sml]?$/;
const bySizeLabel = new WeakMap<Catalogue, Map<string, Product[]>>();

/** The products sold in a letter size the message writes as a word of its own ("gibts das in XL noch?"). */
function productsInSize(catalogue: Catalogue, words: LexiconText): Product[] | undefined {
  let labels = bySizeLabel.get(catalogue);
  if (!labels) {
    labels = new Map();
    for (const product of catalogue.data.products) {
      for (const size of new Set(product.variants.map((variant) => variant.size?.toLowerCase()))) {
        if (size && size.length >= 2 && LETTER_SIZE.test(size)) labels.set(size, [...(labels.get(size) ?? []), product]);
      }
    }
    bySizeLabel.set(catalogue, labels);
  }
  for (const token of words.tokens) {
    const products = labels.get(token);
    if (products) return products;
  }
  return undefined;
}

/**
 * The products of a material the message names, when that material word is all that names the one product found:
 * "the wool one" finds the wool scarf by its title, yet the rug is wool too. None when a word of its name besides
 * a material is written ("wool scarf", "garrafa de inox"), or the whole of a name written unspaced ("リネンワンピース").
 */
export function sharingMaterial(catalogue: Catalogue, found: Product, text: string, words: LexiconText, lexicons: Lexicons, language: string): Product[] {
  const kind = kindIn(lexicons, 'materials', words);
  if (!kind) return [];
  const products = productsOfKind(catalogue, lexicons, 'materials', kind, language);
  if (products.length < 2 || products.length > MAX_OPTION_CANDIDATES || !products.includes(found)) return [];
  // Terms as the catalogue search reads them: "المريلة" is the apron's "مريلة".
  const written = new Set(searchTerms(text));
  // A word the material texts of several of them share describes the material ("organic" cotton), naming none.
  const described = describingWords(products);
  const isMaterial = (token: string) => described.has(token) || !!kindIn(lexicons, 'materials', lexiconText(token));
  const names = namesIn(found, language);
  const named = names.some((name) =>
    UNSPACED.test(name.folded)
      ? words.folded.includes(name.folded)
      : searchTerms(name.folded).some((term) => term.length >= MIN_NAME_WORD && written.has(term) && !isMaterial(term)),
  );
  if (named) return [];
  // The search's own reading of the rest ("botellas" is the bottle's "botella").
  const rest = words.tokens.filter((token) => !isMaterial(token)).join(' ');
  return findProducts(catalogue, rest, language).some((match) => match.product === found) ? [] : products;
}

/** The words the material texts of at least two of the products have, in any language. */
function describingWords(products: readonly Product[]): Set<string> {
  const seen = new Map<string, number>();
  for (const product of products) for (const term of materialTerms(product)) seen.set(term, (seen.get(term) ?? 0) + 1);
  return new Set([...seen].filter(([, count]) => count >= 2).map(([term]) => term));
}

/** The words of a product's material texts, in every language they are written in. */
const materialTerms = (product: Product) => new Set(wordings(product.material).flatMap((wording) => searchTerms(wording)));

/** A one-character size as a word of its own, compiled once per character (sizes are few). */
const aloneByCharacter = new Map<string, RegExp>();
function standingAlone(character: string): RegExp {
  let pattern = aloneByCharacter.get(character);
  if (!pattern) {
    const escaped = character.replace(/[^\p{L}\p{N}]/gu, '\\$&');
    // linear: one escaped character between two fixed one-character lookarounds.
    pattern = new RegExp(`(?<![\\p{Script=Latin}\\p{N}'’])${escaped}(?![\\p{Script=Latin}\\p{N}'’])`, 'iu');
    aloneByCharacter.set(character, pattern);
  }
  return pattern;
}

/** The colour and size a message names among the product's own (sizes as written: "M", "38", "small"). */
export function askedOptions(product: Product, catalogue: Catalogue, words: LexiconText, text: string, lexicons: (Lexicon | undefined)[], language: string) {
  const wanted = kindIn(lexicons, 'colors', words);
  const colors = [...new Set(product.variants.flatMap((variant) => (variant.color ? [variant.color] : [])))];
  // A variant's colour is read in the store's words and in the shopper's ("blue", "azul"); its own colour first,
  // then one it is a shade of ("green" finds "olive green" when there is no plain green).
  const kindsOf = (value: string) => valueKinds(catalogue, lexicons, 'colors', value, language);
  const color = wanted && (colors.find((value) => kindsOf(value)[0] === wanted) ?? colors.find((value) => kindsOf(value).includes(wanted)) ?? `?${wanted}`);
  const sizes = [...new Set(product.variants.flatMap((variant) => (variant.size ? [variant.size] : [])))];
  // "big", "grand", "大きい" name the size the store calls "large".
  const sizeKind = kindIn(lexicons, 'sizes', words);
  const size = sizes.find((value) => {
    if (sizeKind && valueKinds(catalogue, lexicons, 'sizes', value, language).includes(sizeKind)) return true;
    // A one-letter size stands alone ("in M", "Mサイズ"), never inside a word ("I'm", "l'echarpe").
    const names = [value, catalogue.data.translations[value]?.[language]].filter((name): name is string => !!name);
    return names.some((name) => (name.length === 1 ? standingAlone(name).test(text) : words.padded.includes(` ${lexiconText(name).tokens.join(' ')} `)));
  });
  return { ...(color ? { color } : {}), ...(size ? { size } : {}) };
}

/** The message without the words of the product's names in the shopper's language (or any language's when the
 * store wrote one title for all): its title and its aliases. Names in Japanese are taken out where they are written. */
export function withoutNames(words: LexiconText, product: Product, language: string): LexiconText {
  const names = namesIn(product, language);
  let rest = words.folded;
  for (const name of names) if (UNSPACED.test(name.folded)) rest = rest.replaceAll(name.tokens.join(''), ' ');
  // Short words of a name ("de", "en") are the language's own and may be part of the question ("de qué está hecha").
  const named = new Set(
    names
      .filter((name) => !UNSPACED.test(name.folded))
      .flatMap((name) => name.tokens)
      .filter((token) => token.length >= MIN_NAME_WORD),
  );
  return lexiconText(
    lexiconText(rest)
      .tokens.filter((token) => !named.has(token))
      .join(' '),
  );
}

/** A product's title and aliases in the shopper's language (or the one title a store wrote for all), as read. */
function namesIn(product: Product, language: string): LexiconText[] {
  const title = typeof product.title === 'string' ? product.title : product.title[language];
  return [title, ...(product.aliases?.[language] ?? [])].filter((name): name is string => !!name).map((name) => lexiconText(name));
}

/** Words of a name shorter than this stay in the message. */
const MIN_NAME_WORD = 3;

// linear: one character class.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Every wording of a text the store wrote, in one language or in many. */
const wordings = (text: Product['material']) => (text === undefined ? [] : typeof text === 'string' ? [text] : Object.values(text));

/**
 * The products a message names besides the one on the page, leaving out the words that describe the page's product
 * itself in any of its languages ("organic cotton" on the cushion cover's page, "ステンレス" on the samovar's): those
 * ask about it, they do not name another product that shares them.
 */
export function namedBesides(catalogue: Catalogue, text: string, language: string, onPage: Product): ProductMatch[] {
  const aliases = Object.values(onPage.aliases ?? {}).flat();
  const own = new Set([onPage.title, onPage.material, onPage.care].flatMap(wordings).concat(aliases).flatMap(searchTerms));
  const rest = searchTerms(text).filter((term) => !own.has(term));
  return rest.length > 0 ? findProducts(catalogue, rest.join(' '), language) : [];
}
