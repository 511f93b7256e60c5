// The conversation's state after a turn: what the bot waits for, the flow under way, the order memory, the case,
// the context later messages lean on. Pure.
import type { CaseState } from './case.js';
import { nextContext } from './context.js';
import type { ConversationState } from './state.js';
import type { FlowSettings } from '../content/index.js';
import type { TurnOutcome } from './form-turn.js';
import type { Understanding } from './understand.js';
import type { Interpretation } from './interpret.js';
import type { OrderStage } from './orders.js';
import type { ProductAspect } from './product-aspects.js';

export interface NextStateInput {
  previous: ConversationState;
  understood: Understanding;
  interpretation: Interpretation;
  outcome: TurnOutcome;
  orders: OrderStage;
  caseState?: CaseState;
  /** The message started a case or added to one. */
  caseUpdated: boolean;
  /** The product this turn answered about (or asked which), to remember for "and in blue?". */
  product?: { id?: string; aspect?: ProductAspect };
  settings: FlowSettings;
  /** A help article answered the message: it was understood, even with no intent of its own. */
  answeredByArticle?: boolean;
}

export function nextConversation(input: NextStateInput): ConversationState {
  const { previous, understood, interpretation, outcome, settings } = input;
  const topic = interpretation.topic?.intent;
  // A bare answer to the bot's question ("100234"), a follow-up, or a photo for the case was understood even though
  // its text alone resembles no intent.
  const isUnderstood =
    !!topic || !!input.product || interpretation.relation === 'answer' || outcome.action === 'handoff' || input.caseUpdated || !!input.answeredByArticle;
  const next: ConversationState = {
    turns: previous.turns + 1,
    lowConfidenceStreak: isUnderstood ? 0 : previous.lowConfidenceStreak + 1,
    language: understood.language.isSupported ? understood.language.language : previous.language,
  };
  const tags = outcome.tags.length ? [...new Set([...(previous.tags ?? []), ...outcome.tags])] : previous.tags;
  if (tags?.length) next.tags = tags;
  const { form } = outcome;
  if (form) {
    next.form = form;
    next.awaiting = { slot: form.pending!, intent: form.intent, flow: form.flow };
  } else if (outcome.awaiting) {
    next.awaiting = outcome.awaiting.intent ? outcome.awaiting : { slot: outcome.awaiting.slot, intent: topic ?? understood.intent.intent };
  }
  for (const [key, value] of Object.entries(input.orders.state)) if (value !== undefined) Object.assign(next, { [key]: value });
  if (input.caseState) next.case = input.caseState;
  const answered = outcome.action === 'reply' && topic && settings.followUps.intents.includes(topic) ? topic : undefined;
  const context = nextContext(previous.context, {
    turn: previous.turns,
    turns: settings.rememberTurns,
    country: understood.entities.country,
    answered,
    closed: !!topic && settings.closing.includes(topic),
    product: input.product,
  });
  if (context) next.context = context;
  return next;
}
