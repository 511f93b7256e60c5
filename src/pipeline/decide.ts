// Rules stage: the operator's json-rules-engine rules run over the facts of this message and conversation; the
// matching rule with the highest priority decides what to do (reply, ask for something, hand off), and every
// matching "tag" rule adds its tag.
import type { MatchedRule, RuleEvent, Snapshot } from '../content/index.js';
import type { CaseFact } from './case.js';
import type { ConversationState } from './state.js';
import type { Entities } from './entities.js';
import type { IntentResult } from './intent.js';
import type { LanguageResult } from '../nlu/index.js';
import type { OrderLookup, OrderRequestResult } from './orders.js';
import type { ProductFacts } from './product-facts.js';
import type { Destination, DutiesFacts, ShippingFacts } from '../shipping/index.js';
import { wallClock } from '../shared/index.js';
import type { Catalogue } from '../products/index.js';
import type { PromotionFact, PromotionsFact } from '../promotions/index.js';

/** What the world around the conversation looks like; the service fills it, tests and previews may too. */
export interface PipelineContext {
  /** The store's verified customer, when the widget signed one in. */
  customer?: { id: string; email?: string; orders?: number; totalSpent?: number; vip?: boolean; country?: string };
  /** The order the conversation is about, when it has been looked up for a verified shopper. */
  order?: Record<string, unknown>;
  /** Whether the store's people are working now (business hours). */
  storeOpen?: boolean;
  /** How many agents are online and could take a hand-off. */
  agentsOnline?: number;
  /** When the store's people are next at work, while it is closed. */
  reopensAt?: Date;
  /** The store's time zone, when the server's configuration names one (else the content's setting). */
  timeZone?: string;
  /** The store's products, searchable; without it product questions get the general answer. */
  catalogue?: Catalogue;
  /** The page the shopper is on: the product it shows (the widget's data-product) and its address. */
  page?: { product?: string; url?: string };
  /** The shopper's cart, when the store's page passes it: its total decides a code's minimum order. */
  cart?: { total: number; currency: string };
}

export interface Facts {
  text: string;
  language: string;
  detectedLanguage: string;
  /** The intent of the message on its own; `intent` is the one the bot acts on (a follow-up's or a flow's). */
  messageIntent: string;
  /** The message continues the last topic ("and to Japan?"): `intent` is that topic. */
  followUp: boolean;
  /** The flow this message is about: its name, the slot asked for, the slots gathered (path slots.<name>). */
  form: { name: string; intent: string; pending: string | null; slots: Record<string, unknown>; asks: number } | null;
  languageSupported: boolean;
  intent: string;
  confidence: number;
  confident: boolean;
  alternatives: IntentResult['alternatives'];
  entities: Entities;
  conversation: ConversationState;
  /** Shortcut for conversation.awaiting.slot. */
  awaiting: string | null;
  customer: PipelineContext['customer'] | null;
  order: PipelineContext['order'] | null;
  /** Null where nobody knows, as in previews and conversation tests without a context. */
  storeOpen: boolean | null;
  agentsOnline: number | null;
  /** The store's local time: hour 0-23, weekday 1 (Monday) to 7, date YYYY-MM-DD. */
  localTime: { hour: number; weekday: number; date: string };
  /** The order intent this message is about (its own, or the one the bot asked a question for), else null. */
  orderIntent: string | null;
  /** What looking the order up gave: found, need_number, need_email, no_match, paused, unavailable, no_orders. */
  orderLookup: OrderLookup | null;
  /** A confirmed cancellation or change: done, failed, unsupported; declined when the shopper said no. */
  orderRequest: OrderRequestResult | null;
  /** The shopper's yes or no to the bot's question to confirm. */
  confirmation: 'yes' | 'no' | null;
  /** Where a shipping or customs question is about, and where the bot learnt it: message, customer or locale. */
  destination: Destination | null;
  /** The shipping zone of the destination (ships, carriers, minDays, maxDays, cost, currency, freeOver). */
  shipping: ShippingFacts | null;
  /** The customs note for the destination (note, threshold). */
  duties: DutiesFacts | null;
  /** This message beyond its text: how many pictures it carries. */
  message: { attachments: number };
  /** The case with this message taken in (order number, problem, photos), or null when there is none. */
  case: CaseFact | null;
  /** A pre-sale question about a product: which one, what is asked, what the catalogue says. */
  product: ProductFacts | null;
  /** The first discount code named, diagnosed (code, status, unchecked, minimum…), or null. */
  promotion: PromotionFact | null;
  /** A discount question naming no code: the codes that apply now (available, codes, country), or null. */
  promotions: PromotionsFact | null;
  /** The help article that answers the message (id, score), when one scores above faq/settings.json's minScore;
   * strong: it fits well enough to answer over an intent the classifier is sure of. */
  helpArticle: { id: string; score: number; strong: boolean } | null;
}

/** What the stages before the rules worked out: the order, the destination, the case, the flow. */
export interface StageFacts {
  messageIntent?: string;
  followUp?: boolean;
  form?: Facts['form'];
  order?: Record<string, unknown>;
  orderIntent?: string | null;
  orderLookup?: OrderLookup | null;
  orderRequest?: OrderRequestResult | null;
  confirmation?: 'yes' | 'no' | null;
  destination?: Destination | null;
  shipping?: ShippingFacts | null;
  duties?: DutiesFacts | null;
  message?: { attachments: number };
  case?: CaseFact | null;
  product?: ProductFacts | null;
  promotion?: PromotionFact | null;
  promotions?: PromotionsFact | null;
  helpArticle?: { id: string; score: number; strong: boolean } | null;
}

export function localTime(now: Date, timeZone: string): Facts['localTime'] {
  const { hour, weekday, date } = wallClock(now, timeZone);
  return { hour, weekday, date };
}

export function buildFacts(
  text: string,
  language: LanguageResult,
  intent: IntentResult,
  entities: Entities,
  conversation: ConversationState,
  now: Date,
  timeZone = 'UTC',
  context: PipelineContext = {},
  stage: StageFacts = {},
): Facts {
  return {
    text,
    language: language.language,
    detectedLanguage: language.detected,
    messageIntent: stage.messageIntent ?? intent.intent,
    followUp: stage.followUp ?? false,
    form: stage.form ?? null,
    languageSupported: language.isSupported,
    intent: intent.intent,
    confidence: intent.confidence,
    confident: intent.confident,
    alternatives: intent.alternatives,
    entities,
    conversation,
    awaiting: conversation.awaiting?.slot ?? null,
    customer: context.customer ?? null,
    order: stage.order ?? context.order ?? null,
    storeOpen: context.storeOpen ?? null,
    agentsOnline: context.agentsOnline ?? null,
    localTime: localTime(now, context.timeZone ?? timeZone),
    orderIntent: stage.orderIntent ?? null,
    orderLookup: stage.orderLookup ?? null,
    orderRequest: stage.orderRequest ?? null,
    confirmation: stage.confirmation ?? null,
    destination: stage.destination ?? null,
    shipping: stage.shipping ?? null,
    duties: stage.duties ?? null,
    message: stage.message ?? { attachments: 0 },
    case: stage.case ?? null,
    product: stage.product ?? null,
    promotion: stage.promotion ?? null,
    promotions: stage.promotions ?? null,
    helpArticle: stage.helpArticle ?? null,
  };
}

export type Action = Exclude<RuleEvent, { type: 'tag' }>;

export interface Decision {
  /** The rule that chose the action, if any did. */
  rule?: string;
  action?: Action;
  tags: string[];
}

/** The rules' decision; at once when every rule is compiled, after json-rules-engine's run when some are not. */
export function decide(snapshot: Snapshot, facts: Facts): Decision | Promise<Decision> {
  const matched = snapshot.engine.run(facts as unknown as Record<string, unknown>);
  return Array.isArray(matched) ? decisionOf(matched) : matched.then(decisionOf);
}

/** The first rule that acts (anything but a tag) chooses the action; every matching tag rule adds its tag. */
function decisionOf(matched: MatchedRule[]): Decision {
  let chosen: MatchedRule | undefined;
  const tags: string[] = [];
  for (const match of matched) {
    if (match.event.type === 'tag') tags.push(match.event.params.tag);
    else chosen ??= match;
  }
  return { rule: chosen?.name, action: chosen?.event as Action | undefined, tags };
}
