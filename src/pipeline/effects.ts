// Effects: what a decision asks the world to do. The pipeline only lists them; the conversations layer carries
// them out in one place (or, in a dry run, says what it would do), and the outcome of a request to the store is
// given back to the pipeline as a fact (orderRequest) for the reply that follows.
import type { OrderChange } from '../orders/index.js';
import type { EffectSpec } from '../content/index.js';

/** The order a person who takes over should see: its number, status and what became of a request. */
export interface OrderSummary {
  number: string;
  status?: string;
  request?: string;
  storeSaid?: string;
}

export type Effect =
  /** Ask the store to cancel the order. */
  | { type: 'request_cancellation'; orderNumber: string }
  /** Send the store the change the shopper asked for. */
  | { type: 'request_change'; orderNumber: string; change: OrderChange }
  /** Show agents the case the shopper opened (its card in the console, a note in the conversation). */
  | { type: 'open_case'; orderNumber?: string; problem?: string; photos: number }
  /** Put the conversation in the queue for a person, with the order when there is one. */
  | { type: 'hand_off'; reason: string; priority: number; intent: string; order?: OrderSummary }
  /** Keep the e-mail address a shopper left while nobody could answer. */
  | { type: 'keep_contact_email'; email: string };

export type EffectType = Effect['type'];

export interface EffectOutcome {
  type: EffectType;
  /** done; failed (the store refused or erred); unsupported (the store cannot do it through the chat). */
  result: 'done' | 'failed' | 'unsupported';
  /** The store's own words, for the agent. */
  message?: string;
  error?: unknown;
  /** A dry run's assumed outcome: nothing was performed. */
  simulated?: boolean;
}

/** Effects whose outcome the bot answers (the store cancelled the order, or could not). */
export const awaitsOutcome = (effect: Effect) => effect.type === 'request_cancellation' || effect.type === 'request_change';

export interface EffectContext {
  orderNumber?: string;
  change?: OrderChange;
  case?: { orderNumber?: string; problem?: string; photos: number };
  intent: string;
  order?: OrderSummary;
}

/** A flow's effects with what this turn knows filled in; one that lacks what it needs is left out. */
export function effectsOf(specs: readonly EffectSpec[], context: EffectContext): Effect[] {
  return specs.flatMap((spec): Effect[] => {
    switch (spec.type) {
      case 'request_cancellation':
        return context.orderNumber ? [{ type: spec.type, orderNumber: context.orderNumber }] : [];
      case 'request_change':
        return context.orderNumber ? [{ type: spec.type, orderNumber: context.orderNumber, change: context.change ?? { kind: 'other', details: '' } }] : [];
      case 'open_case':
        return context.case ? [{ type: spec.type, ...context.case }] : [];
      case 'hand_off':
        return [{ type: spec.type, reason: spec.reason, priority: spec.priority, intent: context.intent, ...(context.order ? { order: context.order } : {}) }];
    }
  });
}
