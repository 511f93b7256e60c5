// What a turn does with flows: ask again or offer a person when the shopper's message gave nothing, finish a flow
// whose slots are all in (its effects), and after the rules decide, ask the flow's next question or repeat the
// pending one once after a change of subject. Pure.
import type { Action } from './decide.js';
import { effectsOf, type Effect, type EffectContext } from './effects.js';
import type { Flow, FlowSettings } from '../content/index.js';
import { asked, missingSlots, nextQuestion, slotOf, type FormState } from './forms.js';
import type { FormInProgress, Relation } from './interpret.js';
import type { ReplyPart } from './reply.js';

/** What the turn decided, before it is rendered and kept. */
export interface TurnOutcome {
  parts: ReplyPart[];
  rule?: string;
  action: Action['type'] | 'none';
  handoff?: { reason: string; priority: number };
  tags: string[];
  effects: Effect[];
  /** The flow under way after this turn, and the question it waits for. */
  form?: FormState;
  /** A question a rule asked outside any flow (kept for the next message only). */
  awaiting?: { slot: string; intent?: string };
  /** What happened to the flow, for the operator's tools. */
  step?: FormStep;
  /** The flow finished with a case to open. */
  opensCase?: boolean;
}

export type FormStep = 'ask' | 'ask_again' | 'remind' | 'offer_person' | 'cannot_answer' | 'done' | 'ended';

export interface FormSituation {
  relation: Relation;
  pending?: FormInProgress;
  started?: FormInProgress;
  facts: Record<string, unknown>;
  settings: FlowSettings;
}

const empty = (step?: FormStep): TurnOutcome => ({ parts: [], action: 'none', tags: [], effects: [], ...(step ? { step } : {}) });

/** The flow's slots that hold text, as values its questions may use ({orderNumber}, {email}, {country}). */
const slotValues = (form: FormState): Record<string, string> =>
  Object.fromEntries(Object.entries(form.slots).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/** The same question again, or, once it has been asked as often as allowed, an offer of a person. */
export function askAgain({ pending, facts, settings }: FormSituation): TurnOutcome {
  const question = pending && nextQuestion(pending.flow, pending.form, facts);
  if (!pending || !question) return empty('ended');
  if (pending.form.pending === question.slot.name && pending.form.asks >= settings.maxAsks) {
    return { ...empty('offer_person'), parts: [{ template: settings.offerPerson }], action: 'reply' };
  }
  return {
    ...empty('ask_again'),
    parts: [{ template: question.template, values: slotValues(pending.form) }],
    action: 'ask',
    form: asked(pending.form, question.slot.name, false),
  };
}

/** The shopper cannot give what was asked ("I don't remember my e-mail"): say what else can be done. */
export function cannotAnswer({ pending, settings }: FormSituation): TurnOutcome {
  const slot = pending && slotOf(pending.flow, pending.form.pending);
  return { ...empty('cannot_answer'), parts: [{ template: slot?.ifUnknown ?? settings.unknownAnswer }], action: 'reply' };
}

/** The flow this message is about, with its slots all in and its condition met: its reply and effects. */
export function finishFlow(
  inPlay: FormInProgress | undefined,
  facts: Record<string, unknown>,
  effectContext: Omit<EffectContext, 'intent'>,
): TurnOutcome | undefined {
  const done = inPlay?.flow.done;
  if (!inPlay || !done || inPlay.filled.length === 0) return undefined;
  if (missingSlots(inPlay.flow, inPlay.form, facts).length > 0 || (done.when && !done.when(facts))) return undefined;
  const effects = effectsOf(done.effects, { ...effectContext, intent: inPlay.form.intent });
  const handoff = effects.find((effect) => effect.type === 'hand_off');
  return {
    ...empty('done'),
    parts: done.reply ? [{ template: done.reply }] : [],
    action: handoff ? 'handoff' : done.reply ? 'reply' : 'none',
    ...(handoff ? { handoff: { reason: handoff.reason, priority: handoff.priority } } : {}),
    tags: done.tag ? [done.tag] : [],
    effects,
    opensCase: effects.some((effect) => effect.type === 'open_case'),
  };
}

/** A question asked by a flow, counting repeats; past the limit, a person is offered instead. */
function ask(flow: Flow, form: FormState, gaveSomething: boolean, situation: FormSituation): Pick<TurnOutcome, 'parts' | 'form' | 'step'> | undefined {
  const question = nextQuestion(flow, form, situation.facts);
  if (!question) return undefined;
  const next = asked(form, question.slot.name, gaveSomething);
  if (next.asks > situation.settings.maxAsks) return { parts: [{ template: situation.settings.offerPerson }], step: 'offer_person' };
  return { parts: [{ template: question.template, values: slotValues(form) }], form: next, step: 'ask' };
}

/** The pending question repeated briefly, once, after the shopper asked something else. */
function remind(pending: FormInProgress): Pick<TurnOutcome, 'parts' | 'form' | 'step'> {
  const slot = slotOf(pending.flow, pending.form.pending);
  if (!pending.flow.digressions.remind || pending.form.reminded || !slot) return { parts: [], form: pending.form };
  return { parts: [{ template: slot.remind ?? slot.ask!, values: slotValues(pending.form) }], form: { ...pending.form, reminded: true }, step: 'remind' };
}

/**
 * After the rules: a hand-off ends every flow; a rule's question joins the flow that has that slot; a rule's reply
 * answers the topic (a flow it started ends). Without a rule, the flow in play asks its next question. A flow left
 * waiting by a change of subject is reminded once, unless a new flow's question takes its place.
 */
export function afterRules(situation: FormSituation, decision: { rule?: string; action?: Action; tags: string[] }): TurnOutcome {
  const { relation, pending, started } = situation;
  const { action } = decision;
  // A fresh outcome, completed in place below rather than copied once more for each case.
  const outcome: TurnOutcome = {
    parts: action
      ? [
          {
            template: action.params.template,
            ...(action.type === 'reply' && action.params.suggestAlternatives ? { suggest: action.params.suggestAlternatives } : {}),
          },
        ]
      : [],
    action: action?.type ?? 'none',
    tags: decision.tags,
    effects: [],
    rule: decision.rule,
  };
  if (action?.type === 'handoff') {
    outcome.handoff = { reason: action.params.reason, priority: action.params.priority };
    outcome.opensCase = !!action.params.openCase;
    outcome.step = pending || started ? 'ended' : undefined;
    return outcome;
  }
  const inPlay = started ?? (relation === 'answer' || relation === 'repeat' ? pending : undefined);
  if (action?.type === 'ask') {
    const owner = [inPlay, pending].find((candidate) => candidate && slotOf(candidate.flow, action.params.slot));
    if (!owner) outcome.awaiting = { slot: action.params.slot, intent: action.params.intent };
    else Object.assign(outcome, { form: asked(owner.form, action.params.slot, owner.filled.length > 0), step: 'ask' });
    return outcome;
  }
  const waiting = relation === 'digression' ? pending : undefined;
  const question = !action && inPlay ? ask(inPlay.flow, inPlay.form, inPlay.filled.length > 0 || inPlay === started, situation) : undefined;
  if (question?.form || question?.step === 'offer_person')
    return Object.assign(outcome, {
      parts: [...outcome.parts, ...question.parts],
      action: question.form ? 'ask' : 'reply',
      form: question.form,
      step: question.step,
    });
  if (!waiting) {
    outcome.step = inPlay ? 'ended' : undefined;
    return outcome;
  }
  const reminder = remind(waiting);
  return Object.assign(outcome, { parts: [...outcome.parts, ...reminder.parts], form: reminder.form, step: reminder.step });
}
