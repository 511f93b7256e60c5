// A dry run of a bot turn, for the operator's tools (preview, try, chat, conversation tests): the same reads and
// the same decisions as a live turn, but no effect is performed. A request to the store gets an assumed outcome
// ("done" unless told otherwise) so the reply that would follow can be shown; every effect is listed as not done.
import type { Snapshot } from '../knowledge/index.js';
import type { OrderSource } from '../orders/index.js';
import type { Effect, EffectOutcome, EffectType, PipelineInput, PipelineResult } from '../pipeline/index.js';
import { runTurn } from './turn.js';

export type AssumedOutcomes = Partial<Record<EffectType, EffectOutcome['result']>>;

/** An effect as a dry run lists it: never performed, with the outcome it assumed. */
export type ListedEffect = Effect & { performed: false; assumed?: EffectOutcome['result'] };

export interface DryRunResult extends Omit<PipelineResult, 'effects'> {
  dryRun: true;
  effects: ListedEffect[];
}

export async function dryRunTurn(
  snapshot: Snapshot,
  input: PipelineInput,
  options: { orders?: OrderSource; outcomes?: AssumedOutcomes } = {},
): Promise<DryRunResult> {
  const { result, outcomes } = await runTurn(snapshot, input, {
    orders: options.orders,
    handleRequests: async (requests) => requests.map((effect) => ({ type: effect.type, result: options.outcomes?.[effect.type] ?? 'done', simulated: true })),
  });
  const assumed = new Map(outcomes.map((outcome) => [outcome.type, outcome.result]));
  return {
    ...result,
    dryRun: true,
    effects: result.effects.map((effect) => ({
      ...effect,
      performed: false as const,
      ...(assumed.has(effect.type) ? { assumed: assumed.get(effect.type) } : {}),
    })),
  };
}
