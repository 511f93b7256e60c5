// Where a message goes: normalize → language → intent → entities (understand) → interpret (the question the bot
// asked, follow-ups, flows) → [the caller reads the orders the turn needs] → situate (order, destination, case,
// facts) → decide (a flow's end, or the rules, then the flow's next question) → render → {reply, next state,
// effects}. Each stage is a function from plain data to plain data over one immutable knowledge snapshot; nothing
// here reads files, clocks, sockets or order systems, and nothing here changes the world: effects are only listed.
import type { Snapshot } from '../content/index.js';
import { decideTurn, prepareTurn } from './turn.js';
import type { PipelineInput, PipelineResult } from './turn-io.js';

export type { PipelineContext } from './decide.js';
export type { ConversationState } from './state.js';
export type { CaseFact, CaseState, ProblemKind } from './case.js';
export { newConversationState } from './state.js';
export type { Effect, EffectOutcome, EffectType, OrderSummary } from './effects.js';
export { awaitsOutcome } from './effects.js';
export type { Entities } from './entities.js';
export type { FormState } from './forms.js';
export type { IntentResult } from './intent.js';
export type { LanguageResult } from '../nlu/index.js';
export { readYesNo, lexiconText } from '../language/index.js';
export type { OrderFetches, PrefetchedOrders } from './orders.js';
export { ORDER_INTENTS } from './orders.js';
export type { Reply } from './render.js';
export { decideTurn, prepareTurn, type DecidedTurn, type PreparedTurn } from './turn.js';
export type { PipelineInput, PipelineResult } from './turn-io.js';
export { understand, type Understanding, type UnderstandOptions } from './understand.js';
export { decideWhileQueued, type QueuedDecision } from './queued.js';

/** A whole turn with the orders already read (or none): the decision, its effects listed but not carried out. */
export async function runPipeline(snapshot: Snapshot, input: PipelineInput): Promise<PipelineResult> {
  return (await decideTurn(snapshot, prepareTurn(snapshot, input), input.prefetched)).result;
}
export { withoutInvisibles, normalizeText } from './normalize.js';
export { renderReply, type TemplateValue } from './render.js';
export { fold } from '../shared/index.js';
