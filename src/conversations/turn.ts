// A bot turn from a message to its final decision: read what the pipeline needs, decide, ask the store for what
// the decision requests (a cancellation, a change), and decide again from the store's answer. Live turns and dry
// runs differ only in who answers those requests: the order source, or an assumed outcome.
import type { Snapshot } from '../knowledge/index.js';
import type { OrderSource } from '../orders/index.js';
import {
  awaitsOutcome,
  decideTurn,
  prepareTurn,
  type Effect,
  type EffectOutcome,
  type OrderFetches,
  type PipelineInput,
  type PipelineResult,
} from '../pipeline/index.js';
import { prefetchOrders } from './prefetch.js';

/** Answers the requests a decision makes to the store (live: the order source; dry run: assumed). */
export type RequestHandler = (requests: Effect[]) => Promise<EffectOutcome[]>;

export interface TurnRun {
  /** The final decision: after the store's answer when the turn asked it something. */
  result: PipelineResult;
  outcomes: EffectOutcome[];
}

export interface TurnOptions {
  orders?: OrderSource;
  handleRequests: RequestHandler;
  /** Until when look-ups by e-mail pause for this order number and e-mail across conversations (live turns only). */
  lookupsPausedUntil?: (fetches: OrderFetches) => Promise<string | undefined>;
}

export async function runTurn(snapshot: Snapshot, input: PipelineInput, options: TurnOptions): Promise<TurnRun> {
  const prepared = prepareTurn(snapshot, input);
  const [prefetched, lookupsPausedUntil] = await Promise.all([
    prefetchOrders(prepared.fetches, options.orders),
    prepared.fetches.email ? options.lookupsPausedUntil?.(prepared.fetches) : undefined,
  ]);
  if (lookupsPausedUntil) prefetched.lookupsPausedUntil = lookupsPausedUntil;
  const decided = await decideTurn(snapshot, prepared, prefetched);
  const requests = decided.result.effects.filter(awaitsOutcome);
  if (requests.length === 0 || !decided.reconsider) return { result: decided.result, outcomes: [] };
  const outcomes = await options.handleRequests(requests);
  return { result: await decided.reconsider(outcomes), outcomes };
}
