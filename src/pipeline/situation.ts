// Everything a turn knows before it decides: the order (from orders read beforehand), the destination of a
// shipping question, the case, and the rules' facts over all of it. Pure.
import type { Snapshot } from '../content/index.js';
import { addToOpenCase, caseFact, caseFromForm, type CaseState } from './case.js';
import { recent } from './context.js';
import { buildFacts, localTime, type Facts, type PipelineContext } from './decide.js';
import type { ConversationState } from './state.js';
import type { IntentResult } from './intent.js';
import type { FormInProgress, Interpretation } from './interpret.js';
import type { Understanding } from './understand.js';
import {
  lookUpOrder,
  ORDER_INTENTS,
  orderFacts,
  orderFetches,
  type OrderFetches,
  type OrderStage,
  type OrderStageInput,
  type PrefetchedOrders,
} from './orders.js';
import { PLACE_ASPECTS, PRODUCT_INTENT } from './product-aspects.js';
import { articleOverProduct, helpFor } from './help-articles.js';
import type { HelpMatch } from '../faq/index.js';
import type { ProductStage } from './product-facts.js';
import { productStage, withDestination } from './products.js';
import { promotionStage, type PromotionStage } from '../promotions/index.js';
import { asksInQuantity } from './quantity.js';
import { localeRegion } from '../shared/index.js';
import { chooseDestination, dutiesFacts, SHIPPING_INTENTS, shippingFacts, type Destination, type DutiesFacts, type ShippingFacts } from '../shipping/index.js';

export interface TurnInput {
  understood: Understanding;
  interpretation: Interpretation;
  conversation: ConversationState;
  now: Date;
  locale?: string;
  context: PipelineContext;
  attachments: string[];
  /** The value of the quick reply clicked, if any. */
  payload?: string;
}

export interface Situation {
  /** The intent the bot acts on, as the rules see it. */
  intent: IntentResult;
  /** The flow whose slots this message is about. */
  inPlay?: FormInProgress;
  orders: OrderStage;
  destination: Destination | null;
  shipping: ShippingFacts | null;
  duties: DutiesFacts | null;
  /** The case with this message taken in: one being gathered by a flow, or the open one. */
  caseState?: { state: CaseState; updated: boolean };
  /** The product a pre-sale question is about, when it is one. */
  product: ProductStage | null;
  /** The codes named and what is wrong with them, or the codes that apply now. */
  promotions: PromotionStage;
  /** The help article that answers the message, when one scores high enough. */
  help?: HelpMatch;
  facts: Facts;
}

/** The flow this message is about: one it starts, else the one it answers (or failed to answer). */
function formInPlay({ relation, started, pending }: Interpretation): FormInProgress | undefined {
  return started ?? (relation === 'answer' || relation === 'repeat' || relation === 'noise' || relation === 'unknown' ? pending : undefined);
}

const slotText = (inPlay: FormInProgress | undefined, name: string) => {
  const value = inPlay?.form.slots[name];
  return typeof value === 'string' ? value : undefined;
};

/** The intent the turn works on: its topic, else (for a question asked again) the flow's. */
function workingIntent(turn: TurnInput): string | undefined {
  return turn.interpretation.topic?.intent ?? formInPlay(turn.interpretation)?.form.intent;
}

function orderInput(turn: TurnInput): OrderStageInput {
  const inPlay = formInPlay(turn.interpretation);
  const intent = workingIntent(turn);
  const yesNo = inPlay?.filled.map((name) => inPlay.flow.slots.find((slot) => slot.name === name)).find((slot) => slot?.fill.kind === 'yesNo');
  const confirmation = yesNo ? (inPlay!.form.slots[yesNo.name] as 'yes' | 'no') : null;
  return {
    orderIntent: intent && ORDER_INTENTS.has(intent) ? intent : null,
    orderNumber: turn.understood.entities.orderNumber ?? slotText(inPlay, 'orderNumber') ?? turn.conversation.orderNumber,
    email: turn.understood.entities.email ?? slotText(inPlay, 'email'),
    confirmation,
    conversation: turn.conversation,
    now: turn.now,
    customerId: turn.context.customer?.id,
  };
}

function destinationInput(turn: TurnInput, rememberTurns: number, customerCountry: string | undefined, product?: ProductStage | null) {
  const { conversation } = turn;
  const intent = product ? PRODUCT_INTENT : workingIntent(turn);
  const isAboutPlace = !!product?.facts.aspect && PLACE_ASPECTS.has(product.facts.aspect);
  const earlier = slotText(formInPlay(turn.interpretation), 'country') ?? recent(conversation.context?.country, conversation.turns, rememberTurns)?.code;
  return {
    named: turn.understood.entities.country,
    earlier,
    customer: turn.context.customer?.country ?? customerCountry,
    locale: turn.locale,
    isAboutShipping: (!!intent && SHIPPING_INTENTS.has(intent)) || isAboutPlace,
  };
}

/** What to read before the turn can be decided: an order by its number, the customer's latest order. */
export function turnFetches(turn: TurnInput, rememberTurns: number): OrderFetches {
  const fetches = orderFetches(orderInput(turn));
  const customerId = turn.context.customer?.id;
  const place = destinationInput(turn, rememberTurns, turn.conversation.customerCountry);
  // A signed-in customer's country is the one of their latest order, read only when nothing nearer is known.
  if (customerId && place.isAboutShipping && !place.named && !place.earlier && !place.customer) fetches.latestOf = customerId;
  return fetches;
}

function caseOf(turn: TurnInput, inPlay: FormInProgress | undefined, opensCase: (flow: string) => boolean): { state: CaseState; updated: boolean } | undefined {
  const open = turn.conversation.case?.status === 'open' ? turn.conversation.case : undefined;
  if (inPlay && opensCase(inPlay.flow.name) && !open) return { state: caseFromForm(inPlay.form), updated: inPlay.filled.length > 0 };
  if (!open) return undefined;
  const { intent } = turn.understood;
  return addToOpenCase(
    open,
    turn.attachments,
    intent.confident && !turn.interpretation.started?.flow.done?.effects.some((effect) => effect.type === 'open_case'),
  );
}

const namesOrderOrCode = (entities: TurnInput['understood']['entities']) => !!(entities.orderNumber || entities.trackingCode || entities.promoCodes?.length);

/** The product a pre-sale question is about, from the catalogue the context carries. */
function productOf(snapshot: Snapshot, turn: TurnInput, intent: IntentResult, inPlay: FormInProgress | undefined): ProductStage | null {
  const language = turn.understood.language.language;
  return productStage({
    catalogue: turn.context.catalogue,
    page: turn.context.page,
    text: turn.understood.text,
    payload: turn.payload,
    language,
    defaultLanguage: snapshot.settings.defaultLanguage,
    lexicon: snapshot.lexicons.get(language),
    defaultLexicon: snapshot.lexicons.get(snapshot.settings.defaultLanguage),
    intent,
    namesCountry: !!turn.understood.entities.country,
    ...(turn.understood.intent.confident ? { ownIntent: turn.understood.intent.intent } : {}),
    reportsProblem: turn.interpretation.topic?.from === 'words',
    namesOrderOrCode: namesOrderOrCode(turn.understood.entities),
    isFlowAnswer: !!inPlay && inPlay !== turn.interpretation.started,
    memory: turn.conversation.context?.product,
    turn: turn.conversation.turns,
    rememberTurns: snapshot.flows.settings.rememberTurns,
  });
}

/** The intent as the rules see it: the topic, confidently; the message's own when there is none. */
function actingIntent(turn: TurnInput): IntentResult {
  const own = turn.understood.intent;
  const topic = turn.interpretation.topic;
  if (!topic) return own;
  return topic.intent === own.intent ? { ...own, confident: true } : { intent: topic.intent, confidence: 1, confident: true, alternatives: own.alternatives };
}

/**
 * What the promotions stage knows of the shopper: the country named, else the chat's, the customer's, the
 * locale's; the amount named, else the cart's, else the order's; a first order only for a customer with none.
 */
function promotionsOf(snapshot: Snapshot, turn: TurnInput, intent: string, orders: OrderStage, customerCountry: string | undefined): PromotionStage {
  const { entities } = turn.understood;
  const recentCountry = recent(turn.conversation.context?.country, turn.conversation.turns, snapshot.flows.settings.rememberTurns)?.code;
  const country = entities.country ?? recentCountry ?? turn.context.customer?.country ?? customerCountry ?? localeRegion(turn.locale);
  const order = orders.order;
  const cart = turn.context.cart;
  const amount =
    entities.amount ?? (cart ? { amount: cart.total, currency: cart.currency } : order ? { amount: order.total, currency: order.currency } : undefined);
  const count = turn.context.customer?.orders;
  const { language } = turn.understood.language;
  const bulk = asksInQuantity(intent, entities, turn.understood.text, snapshot.lexicons.get(language), turn.context.catalogue, language);
  return promotionStage(snapshot.promotions, {
    intent,
    codes: entities.promoCodes ?? [],
    bulk,
    today: localTime(turn.now, turn.context.timeZone ?? snapshot.settings.timeZone).date,
    ...(country ? { country } : {}),
    ...(cart || order ? { currency: cart?.currency ?? order!.currency } : {}),
    ...(amount ? { amount } : {}),
    ...(count === undefined ? {} : { firstOrder: count === 0 }),
  });
}

export function situate(snapshot: Snapshot, turn: TurnInput, prefetched: PrefetchedOrders): Situation {
  const { understood, conversation, interpretation } = turn;
  const inPlay = formInPlay(interpretation);
  const orders = lookUpOrder(orderInput(turn), prefetched);
  const topicIntent = actingIntent(turn);
  const question = turn.understood.language.isSupported ? productOf(snapshot, turn, topicIntent, inPlay) : null;
  const unnamed = question ? articleOverProduct(snapshot, turn.understood, topicIntent, question) : undefined;
  const asked = unnamed ? null : question;
  const place = destinationInput(
    turn,
    snapshot.flows.settings.rememberTurns,
    orders.state.customerCountry ?? prefetched.latest?.customer.country ?? prefetched.latest?.shipping.country,
    asked,
  );
  const destination = chooseDestination(place);
  if (destination?.from === 'customer') orders.state.customerCountry ??= destination.country;
  const shipping = shippingFacts(snapshot.shipping, destination?.country);
  const duties = dutiesFacts(snapshot.shipping, destination?.country);
  const opensCase = (name: string) => !!snapshot.flows.flows.get(name)?.done?.effects.some((effect) => effect.type === 'open_case');
  const caseState = caseOf(turn, inPlay, opensCase);
  const product = asked && withDestination(asked, shipping, destination?.country);
  // A question about a product is answered as one, whatever the classifier made of "and in L?".
  const intent: IntentResult = product
    ? {
        ...topicIntent,
        intent: PRODUCT_INTENT,
        confident: true,
        confidence: Math.max(topicIntent.confidence, topicIntent.intent === PRODUCT_INTENT ? topicIntent.confidence : 0.9),
      }
    : topicIntent;
  const promotions = promotionsOf(snapshot, turn, intent.intent, orders, orders.state.customerCountry);
  // The catalogue answers a question about one of its products; a help article, what nothing else does.
  const help = product ? undefined : (unnamed ?? helpFor(snapshot, turn.understood, intent));
  const facts = buildFacts(
    understood.text,
    understood.language,
    intent,
    understood.entities,
    conversation,
    turn.now,
    snapshot.settings.timeZone,
    turn.context,
    {
      messageIntent: understood.intent.intent,
      followUp: interpretation.topic?.from === 'follow_up',
      form: inPlay
        ? { name: inPlay.flow.name, intent: inPlay.form.intent, pending: inPlay.form.pending ?? null, slots: inPlay.form.slots, asks: inPlay.form.asks }
        : null,
      order: orders.order && orderFacts(orders.order),
      orderIntent: orders.orderIntent,
      orderLookup: orders.lookup,
      orderRequest: orders.request,
      confirmation: orders.confirmation,
      destination,
      shipping,
      duties,
      message: { attachments: turn.attachments.length },
      case: caseFact(caseState),
      product: product?.facts ?? null,
      promotion: promotions.promotion,
      promotions: promotions.promotions,
      helpArticle: help ? { id: help.article.id, score: Math.round(help.score * 100) / 100, strong: help.strong } : null,
    },
  );
  // A flow this message's words started (shipping_info asks for a country) gives way to the product's answer.
  const flowInPlay = product && inPlay === interpretation.started ? undefined : inPlay;
  return { intent, inPlay: flowInPlay, orders, destination, shipping, duties, caseState, product, promotions, ...(help ? { help } : {}), facts };
}
