// What the bot keeps between a conversation's messages: plain data the caller stores and hands back with the next one.
import type { CaseState } from './case.js';
import type { ConversationContext } from './context.js';
import type { FormState } from './forms.js';

export interface ConversationState {
  /** The conversation's language so far. */
  language?: string;
  /** Shopper messages so far, this one not counted. */
  turns: number;
  /** Messages in a row the bot was not confident about, this one not counted. */
  lowConfidenceStreak: number;
  /** What the bot asked for last, for which intent, and in which flow. */
  awaiting?: { slot: string; intent?: string; flow?: string };
  /** The flow under way: the slots gathered so far and the question asked. */
  form?: FormState;
  /** What the conversation established that later messages lean on: the country named, the last topic answered. */
  context?: ConversationContext;
  /** Tags rules have given the conversation so far ("complaint"). */
  tags?: string[];
  /** The order number the conversation is about, once the shopper has named one (verified or not). */
  orderNumber?: string;
  /** Order numbers the shopper proved with the e-mail on the order: no need to ask again. */
  verifiedOrders?: string[];
  /** Wrong order-number-and-e-mail tries in a row, and until when look-ups by e-mail are paused after too many. */
  failedLookups?: number;
  lookupsPausedUntil?: string;
  /** The country of the shopper's verified order, for shipping questions. */
  customerCountry?: string;
  /** The shopper's case about a damaged, wrong, missing or faulty item: being gathered, or open (handed off). */
  case?: CaseState;
  /** While waiting for a person who is away, the shopper said they have no e-mail address to leave. */
  hasNoEmail?: boolean;
}

export const newConversationState = (): ConversationState => ({ turns: 0, lowConfidenceStreak: 0 });
