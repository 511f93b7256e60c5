// Rules stage: the operator's json-rules-engine rules run over the facts of this message and conversation; the
// matching rule with the highest priority decides what to do (reply, ask for something, hand off), and every
// matching "tag" rule adds its tag.
import type { Snapshot } from '../knowledge/snapshot.js';
import type { RuleEvent } from '../knowledge/schema.js';
import type { Entities } from './entities.js';
import type { IntentResult } from './intent.js';
import type { LanguageResult } from './language.js';

export interface ConversationState {
  /** The conversation's language so far. */
  language?: string;
  /** Shopper messages so far, this one not counted. */
  turns: number;
  /** Messages in a row the bot was not confident about, this one not counted. */
  lowConfidenceStreak: number;
  /** What the bot asked for last, and for which intent. */
  awaiting?: { slot: string; intent?: string };
}

export const newConversationState = (): ConversationState => ({ turns: 0, lowConfidenceStreak: 0 });

export interface Facts {
  text: string;
  language: string;
  detectedLanguage: string;
  languageSupported: boolean;
  intent: string;
  confidence: number;
  confident: boolean;
  alternatives: IntentResult['alternatives'];
  entities: Entities;
  conversation: ConversationState;
  /** Shortcut for conversation.awaiting.slot. */
  awaiting: string | null;
  localHour: number;
}

export function buildFacts(text: string, language: LanguageResult, intent: IntentResult, entities: Entities, conversation: ConversationState, now: Date): Facts {
  return {
    text,
    language: language.language,
    detectedLanguage: language.detected,
    languageSupported: language.isSupported,
    intent: intent.intent,
    confidence: intent.confidence,
    confident: intent.confident,
    alternatives: intent.alternatives,
    entities,
    conversation,
    awaiting: conversation.awaiting?.slot ?? null,
    localHour: now.getUTCHours(),
  };
}

export type Action = Exclude<RuleEvent, { type: 'tag' }>;

export interface Decision {
  /** The rule that chose the action, if any did. */
  rule?: string;
  action?: Action;
  tags: string[];
}

export async function decide(snapshot: Snapshot, facts: Facts): Promise<Decision> {
  const matched = await snapshot.engine.run({ ...facts });
  const chosen = matched.find((match) => match.event.type !== 'tag');
  const tags = matched.flatMap((match) => (match.event.type === 'tag' ? [match.event.params.tag] : []));
  return { rule: chosen?.name, action: chosen?.event as Action | undefined, tags };
}
