// The catalogue as the bot searches it: products by id, SKU and page path, and a fuzzy full-text index (MiniSearch)
// of every title and alias in every language. Built once per catalogue read; searching it is pure and fast.
import MiniSearch, { type SearchResult } from 'minisearch';
import { fold } from '../shared/index.js';
import { allWordings, type CatalogueData, type Product, type Variant } from './product.js';
import { buildHeadWords, type HeadWords } from './head-words.js';
import { buildTermFilter, type TermFilter } from './term-filter.js';
import { thingWords, ownWords } from './name-ends.js';

interface NameDocument {
  id: number;
  product: string;
  language: string;
  text: string;
  /** How many search terms the name has: a short word counts only when it is the whole name ("mug", "oud")… */
  termCount: number;
  /** …or the word that says what it is, where the name's language puts it ("Keramische mok", "Sac cabas en cuir"). */
  ends: string[];
}

export interface Catalogue {
  data: CatalogueData;
  byId: ReadonlyMap<string, Product>;
  /** Upper-case SKU → its product and variant. */
  bySku: ReadonlyMap<string, { product: Product; variant: Variant }>;
  /** A product page's path ("/products/ceramic-mug") → its product. */
  byPath: ReadonlyMap<string, Product>;
  index: MiniSearch<NameDocument>;
  /** Words in the names of so many products that they name none in particular ("de", "in", "set"). */
  generic: ReadonlySet<string>;
  /** Whether a word of a message could match a word of the names at all (most match none). */
  terms: TermFilter;
  /** The names' words per language, to find the products a bare noun begins the name of. */
  heads: HeadWords;
}

const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
/** Arabic writes "the", "and", "with" and "for" onto the word: "والكوب" is "and the mug". */
const ARABIC_PREFIX = /^(?:و|ف|ب|ك|ل)?(?:ال|لل)(?=\p{L}{2,})/u;

/**
 * Search terms of a text: folded words (accents, case and Arabic spelling variants do not count), Arabic words
 * without their article, and Japanese or Chinese runs as overlapping pairs of characters, since those scripts
 * write no spaces between words.
 */
export function searchTerms(text: string): string[] {
  const folded = fold(text).slice(0, 2000);
  const terms: string[] = [];
  for (const [run] of folded.matchAll(WORD)) {
    if (UNSPACED_RUN.test(run)) {
      UNSPACED_RUN.lastIndex = 0;
      for (const [cjk] of run.matchAll(UNSPACED_RUN)) {
        if (cjk.length === 1) terms.push(cjk);
        for (let index = 0; index + 1 < cjk.length; index++) terms.push(cjk.slice(index, index + 2));
      }
      for (const rest of run.split(UNSPACED_RUN)) if (rest) terms.push(rest);
      continue;
    }
    terms.push(/\p{Script=Arabic}/u.test(run) ? run.replace(ARABIC_PREFIX, '') : run);
  }
  return terms;
}

/** A word in this many products' names or more names none in particular. */
const GENERIC_AT = 4;

export function pathOf(url: string): string | undefined {
  try {
    return new URL(url, 'https://store.invalid').pathname.replace(/\/+$/, '').toLowerCase() || '/';
  } catch {
    return undefined;
  }
}

/** A product's names: its title in every language and the operator's aliases. */
function namesOf(product: Product): [string | undefined, string][] {
  const aliases = Object.entries(product.aliases ?? {}).flatMap(([language, list]) => list.map((alias): [string, string] => [language, alias]));
  return [...allWordings(product.title), ...aliases];
}

export function buildCatalogue(data: CatalogueData): Catalogue {
  const byId = new Map<string, Product>();
  const bySku = new Map<string, { product: Product; variant: Variant }>();
  const byPath = new Map<string, Product>();
  const productsPerTerm = new Map<string, Set<string>>();
  for (const product of data.products) {
    byId.set(product.id, product);
    for (const variant of product.variants) bySku.set(variant.sku.toUpperCase(), { product, variant });
    const path = product.url && pathOf(product.url);
    if (path) byPath.set(path, product);
    for (const [, text] of namesOf(product)) {
      for (const term of searchTerms(text)) productsPerTerm.set(term, (productsPerTerm.get(term) ?? new Set()).add(product.id));
    }
  }
  const generic = new Set([...productsPerTerm].filter(([, products]) => products.size >= GENERIC_AT).map(([term]) => term));
  const vocabulary = new Set<string>();
  const ownWord = ownWords(
    data.products.map((product) => ({ id: product.id, names: namesOf(product) })),
    searchTerms,
  );
  const documents = data.products.flatMap((product) =>
    namesOf(product).map(([language, text]) => {
      const terms = searchTerms(text).filter((term) => !generic.has(term));
      for (const term of terms) vocabulary.add(term);
      const ends = thingWords(terms, language).filter((term) => ownWord(language ?? '*', term));
      return { product: product.id, language: language ?? '*', text, termCount: terms.length, ends };
    }),
  );
  const index = new MiniSearch<NameDocument>({
    fields: ['text'],
    storeFields: ['product', 'language', 'termCount', 'ends'],
    tokenize: searchTerms,
    processTerm: (term) => (generic.has(term) ? null : term),
  });
  index.addAll(documents.map((document, id) => ({ id, ...document })));
  const heads = buildHeadWords(documents.map(({ language, product, text }) => ({ language, product, terms: searchTerms(text) })));
  return { data, byId, bySku, byPath, index, generic, terms: buildTermFilter(vocabulary), heads };
}

export interface ProductMatch {
  product: Product;
  score: number;
  /** The variant a SKU in the message names. */
  variant?: Variant;
  /** A word of its name is written out in the message (not only a near miss or the start of one). */
  isExact: boolean;
}

/** Short words are matched exactly (a typo of one is another word: "mug"/"mud", "sac"/"sec"); from five letters
 * one typo is allowed, and two from eight letters on. */
const fuzziness = (term: string) => (term.length <= 4 ? false : term.length < 8 ? 1 : 2);
/** A word of five letters or more also finds the names' words it begins ("ceram" for "ceramic"); a shorter one is a
 * word of its own too often ("kann" begins "Kanne", "lava" begins "lavanda"). */
const isPrefix = (term: string) => term.length >= 5;
/** A candidate this close to the best one makes the mention ambiguous. */
const AMBIGUOUS_SHARE = 0.75;
/** The most products a mention is ambiguous between (the bot offers them as buttons). */
const MAX_CANDIDATES = 4;
/** Below this, a match is a stray letter pair or a short typo, not a product named. */
const MIN_SCORE = 4;

/** A short word is matched exactly, so its plural would find nothing: "mugs", "rugs" also search "mug", "rug". A
 * longer one would find its singular only as a typo, which scores too low to name a product: "tazas", "bougies"
 * also search "taza", "bougie". */
function withSingular(catalogue: Catalogue, term: string): string[] {
  // A name's own word ending in "s" ("tênis") is no plural: its "singular" would only count it twice.
  return term.length >= 4 && term.endsWith('s') && !catalogue.terms.mayMatch(term, 0, false) ? [term, term.slice(0, -1)] : [term];
}

const isUnspaced = (term: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(term);

/**
 * Short words match by coincidence ("na" in "Poszewka na poduszkę", English "the" as French "thé"): a name counts
 * when a word of four letters or more (or two pairs of Japanese characters) matched, or when short words are the
 * whole name in the shopper's own language ("mug", "oud", "急須").
 */
function isMeant(result: NameResult, language: string): boolean {
  // One pair of Japanese characters is a coincidence ("メリ" of アメリカ in メリノウール); two are a name.
  if (result.terms.some((term) => term.length > 3) || result.terms.filter(isUnspaced).length >= 2) return true;
  if (result.language !== language && result.language !== '*') return false;
  return result.terms.length >= result.termCount || result.terms.some((term) => result.ends.includes(term) && result.queryTerms.includes(term));
}

type NameResult = SearchResult & { product: string; language: string; termCount: number; ends: string[] };

// linear: each repetition starts with "-", which the run before it cannot match, so a text matches one way only.
const SKU = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g;

/**
 * The products a message names: by SKU first (exact), else by the titles and aliases it mentions, typos and missing
 * accents allowed. One product when one clearly wins; several when the mention fits them about equally; none when
 * nothing is named. Names in the shopper's language count a little more than others.
 */
export function findProducts(catalogue: Catalogue, text: string, language: string): ProductMatch[] {
  for (const [sku] of text.slice(0, 2000).matchAll(SKU)) {
    const found = catalogue.bySku.get(sku.toUpperCase());
    if (found) return [{ product: found.product, variant: found.variant, score: Infinity, isExact: true }];
  }
  // A word that can match no name would find nothing: leaving it out changes no result, and spares its fuzzy search.
  const terms = searchTerms(text)
    .flatMap((term) => withSingular(catalogue, term))
    .filter((term) => !catalogue.generic.has(term) && catalogue.terms.mayMatch(term, fuzziness(term) || 0, isPrefix(term)));
  if (terms.length === 0) return [];
  return [...rememberedSearch(catalogue, terms, language)];
}

/** Searches kept per catalogue, most recent last; past this many the oldest goes. */
const MAX_REMEMBERED_SEARCHES = 5_000;
const searches = new WeakMap<Catalogue, Map<string, readonly ProductMatch[]>>();

/**
 * The products these words find, kept per catalogue: only words that can match a name reach here, so shoppers'
 * questions about the same products search the same few words again and again.
 */
function rememberedSearch(catalogue: Catalogue, terms: string[], language: string): readonly ProductMatch[] {
  let remembered = searches.get(catalogue);
  if (!remembered) searches.set(catalogue, (remembered = new Map()));
  const key = `${language} ${terms.join(' ')}`;
  let found = remembered.get(key);
  if (found) return found;
  found = rankProducts(catalogue, terms, language);
  if (remembered.size >= MAX_REMEMBERED_SEARCHES) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, found);
  return found;
}

function rankProducts(catalogue: Catalogue, terms: string[], language: string): ProductMatch[] {
  const results = catalogue.index.search(terms.join(' '), {
    fuzzy: (term) => fuzziness(term),
    prefix: isPrefix,
    boostDocument: (_id, _term, stored) => (stored?.language === language ? 1.3 : 1),
    tokenize: (query) => query.split(' '),
    processTerm: (term) => term,
  });
  const best = new Map<string, number>();
  const exact = new Set<string>();
  const meant: SearchResult[] = [];
  for (const result of results as NameResult[]) {
    if (!isMeant(result, language)) continue;
    meant.push(result);
    best.set(result.product, Math.max(best.get(result.product) ?? 0, result.score));
    if (result.terms.some((term) => result.queryTerms.includes(term))) exact.add(result.product);
  }
  const ranked = [...best].sort((a, b) => b[1] - a[1]).filter(([, score]) => score >= MIN_SCORE);
  if (ranked.length === 0) return [];
  const [topId, top] = ranked[0]!;
  if (ranked.length === 1) {
    const alone = { product: catalogue.byId.get(topId)!, score: top, isExact: exact.has(topId) };
    return [alone, ...alsoBeginning(catalogue, meant, alone, language)];
  }
  // The same words of the message fit another product's name too ("the linen one", "льняное"): nothing the shopper
  // wrote tells them apart, however the names' lengths weigh the scores.
  const said = wordsPerProduct(meant);
  const sameWords = (id: string) => sameSet(said.get(id)!, said.get(topId)!);
  return ranked
    .filter(([id, score]) => score >= top * AMBIGUOUS_SHARE || sameWords(id))
    .slice(0, MAX_CANDIDATES)
    .map(([id, score]) => ({ product: catalogue.byId.get(id)!, score, isExact: exact.has(id) }));
}

/** A bare noun of three letters or more, the message's only word of a name. */
const MIN_HEAD = 3;

/**
 * The other products a lone word of a name also fits: the shopper wrote one word of the product's name and
 * nothing else of it, and in their language that word begins a longer word of another product's name ("tea" and
 * "teapot", "Tee" and "Teekanne"). A word written in Japanese runs is left alone.
 */
function alsoBeginning(catalogue: Catalogue, meant: SearchResult[], found: ProductMatch, language: string): ProductMatch[] {
  if (!found.isExact) return [];
  const words = wordsPerProduct(meant).get(found.product.id);
  const [word] = words ?? [];
  if (!word || words!.size !== 1 || word.length < MIN_HEAD || isUnspaced(word)) return [];
  return catalogue.heads
    .sharing(word, language, found.product.id)
    .slice(0, MAX_CANDIDATES - 1)
    .map((id) => ({ product: catalogue.byId.get(id)!, score: found.score, isExact: true }));
}

/** The words of the message that found each product's names. */
function wordsPerProduct(results: SearchResult[]): Map<string, Set<string>> {
  const said = new Map<string, Set<string>>();
  for (const result of results) {
    const words = said.get(result.product as string) ?? new Set();
    for (const term of result.queryTerms) words.add(term);
    said.set(result.product as string, words);
  }
  return said;
}

const sameSet = (first: ReadonlySet<string>, second: ReadonlySet<string>) => first.size === second.size && [...first].every((item) => second.has(item));

/** The product a page shows: its id (data-product), else the page's path mapped to a product's link. */
export function productOnPage(catalogue: Catalogue, page: { product?: string; url?: string } | undefined): Product | undefined {
  if (!page) return undefined;
  if (page.product) {
    const named = catalogue.byId.get(page.product) ?? catalogue.bySku.get(page.product.toUpperCase())?.product;
    if (named) return named;
  }
  const path = page.url && pathOf(page.url);
  return path ? catalogue.byPath.get(path) : undefined;
}
