// Whether a discount question asks about buying in quantity ("a discount if I take ten candles?", "toptan alsam",
// "まとめ買い"): no discount code says anything about it, so the bot offers a person instead of listing the codes.
// Read from the language's "quantity" words: "bulk" ones (wholesale, counters such as "pieces", "個", "tane") say it
// alone; a number says it with a product the catalogue names ("10 candles", "20 tazas") or with "buying" words ("if I
// take 10", "se ne prendo 10", "10 alırsam"), which alone ask nothing about a quantity.
import { findProducts, type Catalogue } from '../products/index.js';
import { DISCOUNT_INTENT } from '../promotions/index.js';
import type { Entities } from './entities.js';
import { lexiconText, type Lexicon } from '../language/index.js';

// A count ends where a decimal or thousands separator does not go on ("10, any discount?" but not "1,5" or "10.000").
// linear: a run of at most four digits between fixed lookarounds, and an optional run of spaces before one fixed
// character in a lookahead.
const COUNT = /(?<![\p{L}\p{N}.,])\p{N}{1,4}(?!\p{N}|[.,]\p{N}|\s*[%٪])/u;

/** Only a discount question naming no code asks it; a money amount ("over 100 €") is an order's total, not a count. */
export function asksInQuantity(
  intent: string,
  entities: Entities,
  text: string,
  lexicon: Lexicon | undefined,
  catalogue: Catalogue | undefined,
  language: string,
): boolean {
  if (intent !== DISCOUNT_INTENT || entities.promoCodes?.length || entities.amount) return false;
  const said = quantityIn(text, lexicon);
  return said === 'quantity' || (said === 'count' && !!catalogue && findProducts(catalogue, text, language).length > 0);
}

/**
 * What the message says of a quantity: 'quantity' when it says one ("wholesale", "if I order 20"), 'count' when it
 * has a number only, which may be a size or a volume as well.
 */
export function quantityIn(text: string, lexicon: Lexicon | undefined): 'quantity' | 'count' | undefined {
  const kinds = lexicon?.kinds.get('quantity')?.findAll(lexiconText(text)) ?? [];
  if (kinds.includes('bulk')) return 'quantity';
  if (!COUNT.test(text)) return undefined;
  return kinds.includes('buying') ? 'quantity' : 'count';
}
