// Where a message goes: normalize → language → intent → entities (understand) → interpret (the question the bot
// asked, follow-ups, flows) → [the caller reads the orders the turn needs] → situate (order, destination, case,
// facts) → decide (a flow's end, or the rules, then the flow's next question) → render → {reply, next state,
// effects}. Each stage is a function from plain data to plain data over one immutable knowledge snapshot; nothing
// here reads files, clocks, sockets or order systems, and nothing here changes the world: effects are only listed.
import type { Snapshot } from '../knowledge/snapshot.js';
import type { ConversationState, PipelineContext } from './decide.js';
import type { Effect } from './effects.js';
import type { Entities } from './entities.js';
import type { FormStep } from './form-turn.js';
import type { IntentResult } from './intent.js';
import type { Topic } from './interpret.js';
import type { LanguageResult } from '../nlu/index.js';
import type { OrderSummary } from './effects.js';
import type { PrefetchedOrders } from './orders.js';
import type { Reply } from './render.js';
import { decideTurn, prepareTurn } from './turn.js';

export type { ConversationState, PipelineContext } from './decide.js';
export type { CaseFact, CaseState, ProblemKind } from './case.js';
export { newConversationState } from './decide.js';
export type { Effect, EffectOutcome, EffectType, OrderSummary } from './effects.js';
export { awaitsOutcome } from './effects.js';
export type { Entities } from './entities.js';
export type { FormState } from './forms.js';
export type { IntentResult } from './intent.js';
export type { LanguageResult } from '../nlu/index.js';
export { readYesNo, lexiconText } from './lexicon.js';
export type { OrderFetches, PrefetchedOrders } from './orders.js';
export { ORDER_INTENTS } from './orders.js';
export type { Reply } from './render.js';
export { decideTurn, prepareTurn, type DecidedTurn, type PreparedTurn } from './turn.js';
export { understand, type UnderstandOptions } from './understand.js';
export { decideWhileQueued, type QueuedDecision } from './queued.js';

export interface PipelineInput {
  text: string;
  /** A quick reply's value, such as "intent:order_status". */
  payload?: string;
  /** The widget's locale (navigator.language). */
  locale?: string;
  /** A language the caller already knows (an operator's preview): detection is skipped. */
  language?: string;
  conversation?: ConversationState;
  now: Date;
  /** Chooses among a template's variants; by default the conversation's turn. */
  variantSeed?: number;
  context?: PipelineContext;
  /** What the message says, when the caller has already worked it out with understand(). */
  understood?: Understanding;
  /** Orders read before the pipeline ran (see prepareTurn's fetches); without them, look-ups are unavailable. */
  prefetched?: PrefetchedOrders;
  /** Ids of the pictures this message carries (already checked to belong to the conversation). */
  attachments?: string[];
}

export interface Understanding {
  text: string;
  language: LanguageResult;
  intent: IntentResult;
  entities: Entities;
}

export interface PipelineResult extends Understanding {
  rule?: string;
  action: 'reply' | 'ask' | 'handoff' | 'none';
  reply?: Reply;
  handoff?: { reason: string; priority: number };
  tags: string[];
  /** The conversation's state after this message, for the caller to keep. */
  conversation: ConversationState;
  /** What the decision asks the world to do; listed, never done, by the pipeline. */
  effects: Effect[];
  /** The intent the bot acted on when it is not simply the message's own, and where it came from. */
  topic?: Topic;
  /** What a flow did this turn (asked, reminded, finished…), and the slot it now waits for. */
  flow?: { name: string; step: FormStep; waitingFor?: string };
  /** The order the reply is about, for a person who takes over: its number, status and what became of a request. */
  order?: OrderSummary;
  /** Why the order source failed, for the log. */
  orderError?: unknown;
  /** A wrong number-and-e-mail try in this turn, for the lockouts every conversation shares. */
  failedLookup?: { orderNumber: string; email: string };
}

/** A whole turn with the orders already read (or none): the decision, its effects listed but not carried out. */
export async function runPipeline(snapshot: Snapshot, input: PipelineInput): Promise<PipelineResult> {
  return (await decideTurn(snapshot, prepareTurn(snapshot, input), input.prefetched)).result;
}
export { withoutInvisibles, normalizeText } from './normalize.js';
export { renderReply, type TemplateValue } from './render.js';
export { fold } from '../shared/index.js';
