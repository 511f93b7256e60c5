// Which help article answers a turn, if any: over an unsure or listed intent, over a confident one only when it
// fits strongly, and over the catalogue when it knows better than "which product?" or "the data does not say". Pure.
import type { Snapshot } from '../content/index.js';
import type { HelpMatch } from '../faq/index.js';
import type { Product } from '../products/index.js';
import type { IntentResult } from './intent.js';
import { lexiconText } from '../language/index.js';
import { withoutNames } from './product-mention.js';
import { PRODUCT_INTENT } from './product-aspects.js';
import type { ProductStage } from './product-facts.js';
import type { Understanding } from './understand.js';

/**
 * An article answers when no intent is sure of the message, or its intent lets articles answer for it; over any
 * other confident intent only a strong match does ("do you sell gift cards?" is about gift cards, not payment), and
 * never over an order's own business or a request for a person. Over the promotions and item problems, only a
 * strong match about something else, with no code named: "do you do gift wrap?" may sound like a sale, "wrap" says
 * it is not; "can I swap it for another size if it doesn't fit?" may sound like a wrong size received; "any sales
 * right now?", "my code GIFT5 fails" or "the mug came cracked" keep their own answers.
 */
export function helpFor(snapshot: Snapshot, understood: Understanding, intent: IntentResult, asked: Asked = {}): HelpMatch | undefined {
  const index = snapshot.help;
  if (!index) return undefined;
  const overrides = intent.confident && !index.settings.intents.includes(intent.intent);
  if (overrides && (NEVER_ARTICLE_INTENTS.has(intent.intent) || understood.entities.orderNumber)) return undefined;
  const onlyAboutElse = overrides && ABOUT_ELSE_INTENTS.has(intent.intent);
  if (onlyAboutElse && understood.entities.promoCodes?.length) return undefined;
  const match = index.search(understood.language.language, asked.text ?? understood.text, overrides ? 'strong' : 'confident', asked.unsearched);
  if (!match || !(overrides ? match.strong : match.confident)) return undefined;
  return onlyAboutElse && !isAboutElse(snapshot, understood, match, intent.intent) ? undefined : match;
}

/** What the search reads of the message: its text without a product's name, and how many words that took out. */
interface Asked {
  text?: string;
  unsearched?: number;
}

/**
 * Whether an article the message shares words with is about something other than the intent's subject: it shares
 * a word of its own question the intent's training hardly uses, or two such words ("the price went down after I
 * ordered" is a price drop, though "price" and "after" are the promotions' words too).
 */
function isAboutElse(snapshot: Snapshot, understood: Understanding, match: HelpMatch, intent: string): boolean {
  const language = understood.language.language;
  const elsewhere = (words: readonly string[]) => words.filter((word) => !snapshot.help!.isIntentWord(language, word, intent)).length;
  return elsewhere(match.questionWords) > 0 || elsewhere(match.words) >= 2;
}

/** Intents an article answers over only when it is about something else (see helpFor). */
const ABOUT_ELSE_INTENTS = new Set(['discount_code', 'item_problem']);

/**
 * A help article that answers a product question better than the catalogue can: the question names no product
 * ("do you email when things are back in stock?"), asks nothing the catalogue has a field for, or asks about
 * something else beside it ("how long is the warranty on the lamp?" is no question of the lamp's size). An article
 * that fits the message strongly answers it; one that merely fits, only when the message asks no aspect the
 * catalogue knows ("is the white one in stock?" shares words with the article on restock alerts, but asks the
 * catalogue).
 */
export function articleOverProduct(snapshot: Snapshot, understood: Understanding, intent: IntentResult, question: ProductStage): HelpMatch | undefined {
  const { status, aspect } = question.facts;
  if (status === 'ambiguous') return undefined;
  // An article that mentions the desk lamp is not about every question naming it: the product's name is no word it
  // may match, though still one of the message's.
  const language = understood.language.language;
  const match = helpFor(
    snapshot,
    understood,
    { ...intent, confident: false },
    question.product ? askedBesidesName(understood.text, question.product, language) : undefined,
  );
  // About a product named, an article that shares a word or two ("phone" in "does it work with my phone?") is a
  // guess: the data does not say, and a person does.
  const fits = match && (status === 'none' || match.coverage >= NAMED_PRODUCT_COVERAGE);
  // Asking what the catalogue knows, an article that shares only product questions' own words ("size", "small" in
  // "what size is the small one?") answers another question: "which product?" comes first.
  const ownWords = aspect !== null && match?.words.every((word) => snapshot.help!.isIntentWord(language, word, PRODUCT_INTENT));
  // Over an answer the catalogue has for a product ("dispo en quelles couleurs ?" on its page), the article must be
  // about something else ("tell me when the grey scarf is back").
  const overCatalogue = status === 'found' && aspect !== null;
  const aboutElse = !overCatalogue || (match && isAboutElse(snapshot, understood, match, PRODUCT_INTENT));
  return match && fits && !ownWords && aboutElse && (match.strong || aspect === null) ? match : undefined;
}

/** The message without the product's name, and how many of its words that took out. */
function askedBesidesName(text: string, product: Product, language: string): { text: string; unsearched: number } {
  const all = lexiconText(text);
  const rest = withoutNames(all, product, language);
  return { text: rest.folded, unsearched: rest.folded === all.folded ? 0 : Math.max(1, all.tokens.length - rest.tokens.length) };
}

/** The least share of a question about a named product an article must cover to answer it instead of a person. */
const NAMED_PRODUCT_COVERAGE = 0.5;

/**
 * Intents that need the shopper's order or a person: an article never answers for them.
 */
const NEVER_ARTICLE_INTENTS = new Set([
  'order_status',
  'refund_status',
  'cancel_order',
  'human_agent',
  'complaint',
  'payment_issue',
  'greeting',
  'goodbye',
  'thanks',
]);
