// Finds the codes and the order amount a shopper's message names: "my code SPRING10 doesn't work", "el total es
// 25 €". A store's own code is found whatever its case; an unknown one only when it looks like a code.
import type { Money } from './diagnose.js';
import type { PromotionContent } from './content.js';

/** Codes are written in Latin letters and digits, also inside Japanese or Arabic text ("クーポンSPRING10が"). */
// linear: (safe-regex2 cannot read the lookarounds) one bounded run of at most 30 characters, each lookaround one character.
const TOKEN = /(?<![\p{Script=Latin}\p{N}_-])[A-Za-z0-9][A-Za-z0-9_-]{2,29}(?![\p{Script=Latin}\p{N}_-])/gu;
/** Letters and digits mixed ("spring10", "SUMMER-15"), or capitals only ("FREESHIP"). */
const MIXED = /^(?=.*[A-Za-z])(?=.*\d)[\w-]+$/;
const CAPITALS = /^[A-Z][A-Z_-]{3,}$/;
/** Shapes that are no code: sizes and dimensions, ordinals, money, units. */
// linear: anchored, run on one token of at most 30 characters, and no repetition is nested.
const NOT_A_CODE = /^(?:\d+(?:st|nd|rd|th|x\d+|cm|mm|kg|g|ml|l|eur|usd|gbp|h|min)?|x{0,3}[sml]|\d*xl)$/i;
const MAX_CODES = 3;

/** The codes the message names, at most three, in the order written. */
export function findCodes(text: string, content: PromotionContent | undefined, exclude: string[] = []): string[] {
  const found: string[] = [];
  const skip = new Set(exclude.map((value) => value.toUpperCase()));
  // A message written all in capitals says nothing by its capitals.
  const shouting = !/\p{Ll}/u.test(text);
  // One global match gives the tokens alone, without a match object for each.
  for (const token of text.match(TOKEN) ?? []) {
    const upper = token.toUpperCase();
    if (skip.has(upper) || found.some((code) => code.toUpperCase() === upper)) continue;
    const known = content?.byCode.get(upper);
    if (known) found.push(known.code);
    else if (!NOT_A_CODE.test(token) && (MIXED.test(token) || (!shouting && CAPITALS.test(token)))) found.push(upper);
    if (found.length === MAX_CODES) break;
  }
  return found;
}

const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', $: 'USD', '¥': 'JPY', 円: 'JPY' };
const NUMBER = String.raw`\d{1,7}(?:[.,]\d{1,2})?`;
// linear: one number beside one currency mark, no nested repetition.
const BEFORE = new RegExp(String.raw`([€£$¥]|\b[A-Z]{3}\b)\s?(${NUMBER})`, 'u');
// linear: one bounded number, at most one space, then one mark or a bounded word.
const AFTER = new RegExp(String.raw`(${NUMBER})\s?([€£$¥円]|[\p{L}]{2,12})`, 'u');

// linear: AFTER, above, searched for every match.
const EVERY_AFTER = new RegExp(AFTER, 'gu');
const DIGIT = /\d/;

const toNumber = (written: string) => Number(written.replace(',', '.'));

/** The currencies the store's minimum orders name, besides the symbols': the same for every message of a content. */
const storeCurrencies = new WeakMap<PromotionContent, ReadonlySet<string>>();
function currenciesOf(content: PromotionContent | undefined): ReadonlySet<string> {
  const known = content && storeCurrencies.get(content);
  if (known) return known;
  const currencies = new Set([...(content?.promotions.flatMap((promotion) => Object.keys(promotion.minimumOrder ?? {})) ?? []), ...Object.values(SYMBOLS)]);
  if (content) storeCurrencies.set(content, currencies);
  return currencies;
}

/**
 * The amount the message names with its currency: a symbol (€, £, $, ¥), an ISO code the store uses, or one of
 * the currency words of promotions/promotions.json ("euros", "евро").
 */
export function findAmount(text: string, content: PromotionContent | undefined): Money | undefined {
  // Both shapes need a number; most messages have none.
  if (!DIGIT.test(text)) return undefined;
  const currencies = currenciesOf(content);
  const currencyOf = (mark: string): string | undefined => {
    if (SYMBOLS[mark]) return SYMBOLS[mark];
    const upper = mark.toUpperCase();
    if (currencies.has(upper)) return upper;
    return content?.currencyWords.get(mark.toLowerCase());
  };
  const before = text.match(BEFORE);
  const beforeCurrency = before && currencyOf(before[1]!);
  if (before && beforeCurrency) return { amount: toNumber(before[2]!), currency: beforeCurrency };
  for (const match of text.matchAll(EVERY_AFTER)) {
    const currency = currencyOf(match[2]!);
    if (currency) return { amount: toNumber(match[1]!), currency };
  }
  return undefined;
}
