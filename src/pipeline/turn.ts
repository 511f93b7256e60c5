// One turn of the pipeline, in two steps around the reads the caller does: prepareTurn works out what the message
// means here and what must be read (an order, the customer's latest); decideTurn, given those reads, decides the
// reply, the next state and the effects, and can decide again once the effects' outcome is known. Pure.
import type { Snapshot } from '../content/index.js';
import { caseFromForm, type CaseState } from './case.js';
import { decide } from './decide.js';
import { newConversationState, type ConversationState } from './state.js';
import { awaitsOutcome, type Effect, type EffectOutcome, type OrderSummary } from './effects.js';
import { afterRules, askAgain, cannotAnswer, finishFlow, type FormSituation, type TurnOutcome } from './form-turn.js';
import { understand, type Understanding } from './understand.js';
import type { PipelineInput, PipelineResult } from './turn-io.js';
import { interpret, type Interpretation } from './interpret.js';
import { lexiconText } from '../language/index.js';
import { nextConversation } from './next-state.js';
import { normalizeOrderNumber, type OrderChange } from '../orders/index.js';
import type { OrderFetches, PrefetchedOrders } from './orders.js';
import { canonicalLocale, type Reply } from './render.js';
import { composeReply, templateValues } from './reply.js';
import { productReply, withProduct } from './product-reply.js';
import { situate, turnFetches, type Situation, type TurnInput } from './situation.js';

export interface PreparedTurn extends TurnInput {
  payload?: string;
  variantSeed?: number;
  /** What to read before deciding. */
  fetches: OrderFetches;
}

export interface DecidedTurn {
  result: PipelineResult;
  /** The turn decided again from the outcome of its requests to the store (only when it made some). */
  reconsider?(outcomes: EffectOutcome[]): Promise<PipelineResult>;
}

/** The template a help article is answered with. */
const HELP_TEMPLATE = 'faq.answer';

/** A short answer to the bot's question is in the conversation's language, whatever a few words seem to be. */
const SHORT_ANSWER_WORDS = 3;

function keepLanguage(understood: Understanding, conversation: ConversationState, interpretation: Interpretation): Understanding {
  const language = conversation.language;
  if (
    !language ||
    language === understood.language.language ||
    interpretation.relation !== 'answer' ||
    interpretation.source.words.wordCount > SHORT_ANSWER_WORDS
  )
    return understood;
  return { ...understood, language: { ...understood.language, language, detected: language, source: 'conversation' } };
}

export function prepareTurn(snapshot: Snapshot, input: PipelineInput): PreparedTurn {
  const conversation = input.conversation ?? newConversationState();
  const heard =
    input.understood ??
    understand(snapshot, input.text, { locale: input.locale, conversationLanguage: conversation.language, payload: input.payload, language: input.language });
  const attachments = input.attachments ?? [];
  const interpretation = interpret(snapshot, heard, { conversation, payload: input.payload, attachments });
  const understood = keepLanguage(heard, conversation, interpretation);
  const turn: PreparedTurn = {
    understood,
    interpretation,
    conversation,
    now: input.now,
    locale: input.locale,
    context: input.context ?? {},
    attachments,
    payload: input.payload,
    variantSeed: input.variantSeed,
    fetches: {},
  };
  turn.fetches = turnFetches(turn, snapshot.flows.settings.rememberTurns);
  return turn;
}

function orderSummary(situation: Situation, request?: EffectOutcome): OrderSummary | undefined {
  const { orders } = situation;
  const number = orders.order?.number ?? orders.orderNumber;
  if (!orders.orderIntent || !number) return undefined;
  const outcome = request?.result ?? orders.request ?? undefined;
  return {
    number,
    ...(orders.order ? { status: orders.order.status } : {}),
    ...(outcome ? { request: outcome } : {}),
    ...(request?.message ? { storeSaid: request.message } : {}),
  };
}

/** What the shopper asked to change, and which kind of change the lexicon's "changes" words say it is. */
function changeOf(turn: PreparedTurn, situation: Situation): OrderChange | undefined {
  const details = situation.inPlay?.form.slots.details;
  if (typeof details !== 'string') return undefined;
  const kind = turn.interpretation.lexicon.kinds.get('changes')?.find(lexiconText(details));
  return { kind: kind === 'address' || kind === 'items' ? kind : 'other', details };
}

/** A rule's hand-off (or a flow's) becomes the hand_off effect, with the case opened first when it opens one. */
function withHandOff(outcome: TurnOutcome, situation: Situation, intent: string, request?: EffectOutcome): TurnOutcome {
  if (!outcome.handoff || outcome.effects.some((effect) => effect.type === 'hand_off')) return outcome;
  const order = orderSummary(situation, request);
  const opened: Effect[] = outcome.opensCase && situation.caseState ? [{ type: 'open_case', ...caseSummary(situation.caseState.state) }] : [];
  return { ...outcome, effects: [...outcome.effects, ...opened, { type: 'hand_off', ...outcome.handoff, intent, ...(order ? { order } : {}) }] };
}

/**
 * The order a waiting flow is about stays in the flow: a question about another order in between must not turn
 * "cancel order 100251" into a cancellation of that other order. An e-mail that did not match is not kept.
 */
function settleOrderSlots(outcome: TurnOutcome, situation: Situation, snapshot: Snapshot): TurnOutcome {
  const { form } = outcome;
  const { orders } = situation;
  if (!form || orders.orderIntent !== form.intent) return outcome;
  const { email: _unmatched, ...slots } = form.slots;
  if (orders.lookup === 'no_match') return { ...outcome, form: { ...form, slots } };
  const hasNumberSlot = snapshot.flows.flows.get(form.flow)?.slots.some((slot) => slot.name === 'orderNumber');
  if (!orders.orderNumber || form.slots.orderNumber || !hasNumberSlot) return outcome;
  return { ...outcome, form: { ...form, slots: { ...form.slots, orderNumber: orders.orderNumber } } };
}

const caseSummary = (state: CaseState) => ({
  ...(state.orderNumber ? { orderNumber: state.orderNumber } : {}),
  ...(state.problem ? { problem: state.problem } : {}),
  photos: state.attachmentIds.length,
});

export async function decideTurn(snapshot: Snapshot, turn: PreparedTurn, prefetched: PrefetchedOrders = {}): Promise<DecidedTurn> {
  const situation = situate(snapshot, turn, prefetched);
  const { interpretation } = turn;
  // A question about one product is answered from the catalogue, not by the general flow its words started.
  const started = situation.product ? undefined : interpretation.started;
  const forms: FormSituation = {
    relation: interpretation.relation,
    pending: interpretation.pending,
    started,
    facts: situation.facts as unknown as Record<string, unknown>,
    settings: snapshot.flows.settings,
  };
  const intent = situation.intent.intent;
  let outcome: TurnOutcome;
  if (interpretation.relation === 'noise') outcome = askAgain(forms);
  else if (interpretation.relation === 'unknown') outcome = cannotAnswer(forms);
  else {
    const effectContext = {
      orderNumber: situation.orders.order?.number,
      change: changeOf(turn, situation),
      case: situation.caseState && caseSummary(situation.caseState.state),
      order: orderSummary(situation),
    };
    outcome = finishFlow(situation.inPlay, forms.facts, effectContext) ?? afterRules(forms, await decide(snapshot, situation.facts));
  }
  outcome = settleOrderSlots(withHandOff(outcome, situation, intent), situation, snapshot);
  const result = finish(snapshot, turn, situation, outcome);
  if (!outcome.effects.some(awaitsOutcome)) return { result };
  return {
    result,
    async reconsider(outcomes) {
      const request = outcomes.find((entry) => entry.type === 'request_cancellation' || entry.type === 'request_change');
      const facts = { ...situation.facts, orderRequest: request?.result ?? null };
      const again = afterRules(
        { ...forms, relation: 'none', pending: undefined, started: undefined, facts: facts as unknown as Record<string, unknown> },
        await decide(snapshot, facts),
      );
      const decided = withHandOff(again, situation, intent, request);
      return finish(
        snapshot,
        turn,
        { ...situation, facts, orders: { ...situation.orders, request: request?.result ?? null } },
        { ...decided, tags: [...outcome.tags, ...decided.tags] },
        outcome.effects,
      );
    },
  };
}

/**
 * Whether the shopper proved the case's order is theirs: its number and e-mail matched earlier in the conversation,
 * or the order was accepted for them in this turn. A signed-in customer's claim is checked against the order source
 * where the case is kept, at the edge.
 */
function provedOwner(orderNumber: string | undefined, conversation: ConversationState, situation: Situation): boolean {
  if (!orderNumber) return false;
  const number = normalizeOrderNumber(orderNumber);
  return (
    !!conversation.verifiedOrders?.some((verified) => normalizeOrderNumber(verified) === number) ||
    (!!situation.orders.order && normalizeOrderNumber(situation.orders.order.number) === number)
  );
}

/** The case after the turn: opened now, still being gathered by a flow that waits, or the open one. */
function caseAfter(situation: Situation, outcome: TurnOutcome, turn: PreparedTurn): CaseState | undefined {
  const gathered = situation.caseState?.state;
  if (outcome.opensCase && gathered)
    return { ...gathered, status: 'open', openedAt: turn.now.toISOString(), ownerVerified: provedOwner(gathered.orderNumber, turn.conversation, situation) };
  if (gathered?.status === 'open') return gathered;
  return outcome.form && gathered ? caseFromForm(outcome.form) : undefined;
}

/** The reply's locale: dates and money follow the shopper's own ("en-GB", "es-MX") when the reply is in its language. */
function replyLocale(turn: PreparedTurn, language: string): string {
  const shopperLocale = canonicalLocale(turn.locale);
  return shopperLocale && shopperLocale.split('-')[0] === language ? shopperLocale : language;
}

/** The turn's reply: the outcome's templates with the turn's values, and the product's card when it is about one. */
function replyOf(snapshot: Snapshot, turn: PreparedTurn, situation: Situation, outcome: TurnOutcome, caseState: CaseState | undefined): Reply | undefined {
  const { understood } = turn;
  const language = understood.language.language;
  const locale = replyLocale(turn, language);
  // The country a reply speaks of: the shipping question's, else the one a discount code was checked for.
  const country = situation.destination?.country ?? situation.promotions.country;
  const entities = country ? { ...understood.entities, country } : understood.entities;
  const product = productReply(snapshot, situation, language, locale);
  const composed = composeReply(snapshot, outcome.parts, {
    language,
    locale,
    entities,
    now: turn.now,
    timeZone: turn.context.timeZone,
    intent: understood.intent,
    variantSeed: turn.variantSeed ?? turn.conversation.turns,
    values: {
      ...templateValues(
        {
          orders: situation.orders,
          shipping: situation.shipping,
          duties: situation.duties,
          case: caseState ?? situation.caseState?.state,
          context: turn.context,
          promotions: situation.promotions,
          article: situation.help?.article,
        },
        { locale, timeZone: turn.context.timeZone ?? snapshot.settings.timeZone, language, defaultLanguage: snapshot.settings.defaultLanguage },
      ),
      ...product?.values,
    },
    dutiesNote: situation.duties ? `customs_duties.note.${situation.duties.note}` : undefined,
    promotions: situation.promotions,
  });
  return composed && product ? withProduct(composed, product) : composed;
}

function finish(snapshot: Snapshot, turn: PreparedTurn, situation: Situation, outcome: TurnOutcome, earlierEffects: Effect[] = []): PipelineResult {
  const { understood, interpretation } = turn;
  const caseState = caseAfter(situation, outcome, turn);
  const reply = replyOf(snapshot, turn, situation, outcome, caseState);
  const remembered = situation.product && {
    ...(situation.product.product ? { id: situation.product.product.id } : {}),
    ...(situation.product.facts.aspect ? { aspect: situation.product.facts.aspect } : {}),
  };
  const answeredByArticle = !!situation.help && outcome.parts.some((part) => part.template === HELP_TEMPLATE);
  const conversation = nextConversation({
    previous: turn.conversation,
    understood,
    interpretation,
    outcome,
    orders: situation.orders,
    caseState,
    caseUpdated: !!situation.caseState?.updated,
    settings: snapshot.flows.settings,
    answeredByArticle,
    ...(remembered ? { product: remembered } : {}),
  });
  const order = outcome.effects.find((effect): effect is Extract<Effect, { type: 'hand_off' }> => effect.type === 'hand_off')?.order ?? orderSummary(situation);
  const flowName = outcome.form?.flow ?? interpretation.started?.flow.name ?? interpretation.pending?.flow.name;
  const result: PipelineResult = {
    text: understood.text,
    language: understood.language,
    intent: understood.intent,
    entities: understood.entities,
    rule: outcome.rule,
    action: outcome.action,
    reply,
    handoff: outcome.handoff,
    tags: outcome.tags,
    conversation,
    effects: earlierEffects.length ? [...earlierEffects, ...outcome.effects] : outcome.effects,
  };
  // The optional parts are set only when present, without an object made and spread for each.
  if (interpretation.topic) result.topic = interpretation.topic;
  if (outcome.step && flowName) result.flow = { name: flowName, step: outcome.step, ...(outcome.form?.pending ? { waitingFor: outcome.form.pending } : {}) };
  if (order) result.order = order;
  if (situation.orders.error) result.orderError = situation.orders.error;
  if (situation.orders.failedLookup) result.failedLookup = situation.orders.failedLookup;
  return result;
}
