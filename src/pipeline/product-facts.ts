// The product stage's shapes: the facts the rules read as `product`, what the stage takes from the turn and what it
// gives the reply. Kept apart from the stage so that the rules and the reply read them without the stage itself.
import type { Catalogue, Product, Variant } from '../products/index.js';
import type { Lexicon } from '../language/index.js';
import type { ProductAspect } from './product-aspects.js';

export interface ProductFacts {
  /** found: one product; ambiguous: the mention fits several (see candidates); none: no product is known. */
  status: 'found' | 'ambiguous' | 'none';
  id: string | null;
  /** How the bot knows the product: named in this message, its SKU, the page the shopper is on, earlier in the chat. */
  from: 'message' | 'sku' | 'page' | 'chat' | 'choice' | null;
  aspect: ProductAspect | null;
  /** Whether the catalogue says what was asked. */
  known: boolean;
  candidates: string[];
  hasColors: boolean;
  hasSizes: boolean;
  /** Any variant available now. */
  inStock: boolean;
  /** The colour or size the shopper asked about: whether the product comes in it, and whether that is available. */
  variant: { asked: boolean; exists: boolean; inStock: boolean; stock: number | null } | null;
  /** For shipping and delivery questions: the product may go to the destination (zone and its own restrictions). */
  ships: boolean | null;
  restriction: string | null;
  fit: string | null;
  price: { approximate: boolean; varies: boolean } | null;
}

export interface ProductMemory {
  id?: string;
  aspect?: ProductAspect;
  turn: number;
}

export interface ProductStageInput {
  catalogue: Catalogue | undefined;
  page: { product?: string; url?: string } | undefined;
  text: string;
  payload: string | undefined;
  language: string;
  defaultLanguage: string;
  lexicon: Lexicon | undefined;
  /** The store's default language's words: option values are written in it ("blue", "navy"). */
  defaultLexicon: Lexicon | undefined;
  intent: { intent: string; confident: boolean };
  /** The message's own intent, when the classifier is sure of it, and whether its words report a problem with an
   * item received ("arrived broken"): either way it is about an order, not the catalogue. */
  ownIntent?: string;
  reportsProblem: boolean;
  /** The message names an order, a tracking code or a discount code: about those, not the catalogue. */
  namesOrderOrCode: boolean;
  /** The message names a country (an answer to "which country?"). */
  namesCountry: boolean;
  /** A flow is waiting for this message: only a confident product question interrupts it. */
  isFlowAnswer: boolean;
  memory: ProductMemory | undefined;
  turn: number;
  rememberTurns: number;
}

export interface ProductStage {
  facts: ProductFacts;
  product?: Product;
  /** The variant the shopper named (by SKU, colour or size). */
  variants: Variant[];
  asked: { color?: string; size?: string };
  candidates: Product[];
  catalogue: Catalogue;
}

/** The facts of a question about no known product. */
export const NO_FACTS: Omit<ProductFacts, 'status'> = {
  id: null,
  from: null,
  aspect: null,
  known: false,
  candidates: [],
  hasColors: false,
  hasSizes: false,
  inStock: false,
  variant: null,
  ships: null,
  restriction: null,
  fit: null,
  price: null,
};
