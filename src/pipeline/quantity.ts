// Whether a discount question asks about buying in quantity ("a discount if I take ten candles?", "toptan alsam",
// "まとめ買い"): no discount code says anything about it, so the bot offers a person instead of listing the codes.
// Read from the language's "quantity" words (bulk, wholesale, counters such as "pieces", "個", "tane"), or a number
// of things together with a product the catalogue names ("10 candles", "20 tazas").
import { findProducts, type Catalogue } from '../products/index.js';
import { DISCOUNT_INTENT } from '../promotions/index.js';
import type { Entities } from './entities.js';
import { lexiconText, type Lexicon } from '../language/index.js';

// linear: a run of at most four digits between two fixed one-character lookarounds, and an optional run of spaces
// before one fixed character in a lookahead.
const COUNT = /(?<![\p{L}\p{N}.,])\p{N}{1,4}(?![\p{N}.,]|\s*[%٪])/u;

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
  if (lexicon?.kinds.get('quantity')?.find(lexiconText(text))) return true;
  return COUNT.test(text) && !!catalogue && findProducts(catalogue, text, language).length > 0;
}
