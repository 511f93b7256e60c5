// What a turn takes (the message, the conversation so far, the orders read for it) and what it gives back (the
// decision, the next state, the effects to carry out).
import type { PipelineContext } from './decide.js';
import type { Effect, OrderSummary } from './effects.js';
import type { FormStep } from './form-turn.js';
import type { Topic } from './interpret.js';
import type { PrefetchedOrders } from './orders.js';
import type { Reply } from './render.js';
import type { ConversationState } from './state.js';
import type { Understanding } from './understand.js';

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
