// The conversation's context: what it has established that the next few messages may lean on (the country named,
// the last topic the bot answered), and whether a message is a short follow-up with no intent of its own ("and to
// Japan?", "¿y cuánto tardan?"). Pure.
import type { Entities } from './entities.js';
import type { FlowSettings } from '../content/index.js';
import type { IntentResult } from './intent.js';
import type { Lexicon, LexiconText } from '../language/index.js';
import type { ProductAspect } from './product-aspects.js';

export interface ConversationContext {
  /** The last country the shopper named, and at which turn. */
  country?: { code: string; turn: number };
  /** The last topic the bot answered, and at which turn. */
  topic?: { intent: string; turn: number };
  /** The product the last pre-sale question was about (or, while the bot asks which, none yet) and what it asked. */
  product?: { id?: string; aspect?: ProductAspect; turn: number };
}

/** An entry of the context while it is recent enough to count. */
export function recent<T extends { turn: number }>(entry: T | undefined, turn: number, turns: number): T | undefined {
  return entry && turn - entry.turn < turns ? entry : undefined;
}

/** Entities that carry a topic without a flow of its own. */
const TOPIC_ENTITIES = ['country', 'orderNumber', 'trackingCode'] as const;

/**
 * A short message with no confident intent of its own that continues the last topic: it has a continuation cue
 * from the lexicon ("and", "what about", "y", "und"), or it is little more than an entity the topic uses ("Japan?"
 * after a shipping answer, an e-mail after an order answer), or the classifier's best guess, too unsure to answer
 * alone, is that topic.
 */
export function isFollowUp(input: {
  words: LexiconText;
  lexicon: Lexicon;
  entities: Entities;
  intent: IntentResult;
  lastTopic: string | undefined;
  /** Entities the last topic's flow fills its slots from, when it has a flow. */
  topicEntities?: readonly string[];
  settings: FlowSettings;
}): boolean {
  const { words, intent, lastTopic, entities } = input;
  if (!lastTopic || intent.confident || words.wordCount > input.settings.followUps.maxWords) return false;
  const hasEntity = (input.topicEntities ?? TOPIC_ENTITIES).some((name) => !!entities[name as keyof Entities]);
  return hasEntity || intent.intent === lastTopic || input.lexicon.followUp.matches(words);
}

/** The context after this message: a country named now is remembered; an answered topic becomes the last one. */
export function nextContext(
  previous: ConversationContext | undefined,
  update: { turn: number; turns: number; country?: string; answered?: string; closed: boolean; product?: { id?: string; aspect?: ProductAspect } },
): ConversationContext | undefined {
  const { turn, turns } = update;
  const country = update.country ? { code: update.country, turn } : recent(previous?.country, turn, turns);
  const topic = update.closed ? undefined : update.answered ? { intent: update.answered, turn } : recent(previous?.topic, turn, turns);
  const product = update.closed ? undefined : update.product ? { ...update.product, turn } : recent(previous?.product, turn, turns);
  if (!country && !topic && !product) return undefined;
  return { ...(country ? { country } : {}), ...(topic ? { topic } : {}), ...(product ? { product } : {}) };
}
