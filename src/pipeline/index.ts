// Where a message goes: normalize → language → intent → entities → rules → render. Each stage is a function from
// plain data to plain data over one immutable knowledge snapshot; nothing here reads files, clocks or sockets.
import type { Snapshot } from '../knowledge/snapshot.js';
import { caseFact, gatherCase, type CaseState } from './case.js';
import { buildFacts, decide, newConversationState, type Action, type ConversationState, type PipelineContext } from './decide.js';
import { extractEntities, type Entities } from './entities.js';
import { classifyIntent, type IntentResult } from './intent.js';
import type { LanguageResult } from './language.js';
import { replaceEmails } from '../shared/patterns.js';
import { normalizeText } from './normalize.js';
import { fillsSlot, LOOKUP_PAUSE_MINUTES, lookUpOrder, orderFacts, orderValues } from './orders.js';
import { canonicalLocale, renderReply, type Reply, type TemplateValue } from './render.js';
import { dutiesFacts, localeRegion, shippingFacts, shippingValues, type Destination } from './shipping.js';
import type { OrderSource } from '../orders/index.js';
import { findTemplate } from '../knowledge/snapshot.js';

export type { ConversationState, PipelineContext } from './decide.js';
export type { CaseFact, CaseState, ProblemKind } from './case.js';
export { guessProblem } from './case.js';
export { newConversationState } from './decide.js';
export type { Entities } from './entities.js';
export type { IntentResult } from './intent.js';
export type { LanguageResult } from './language.js';
export type { Reply } from './render.js';
export { ORDER_INTENTS } from './orders.js';

export interface PipelineInput {
  text: string;
  /** A quick reply's value, such as "intent:order_status". */
  payload?: string;
  /** The widget's locale (navigator.language). */
  locale?: string;
  /** A language the caller already knows (an operator's preview): detection is skipped. */
  language?: string;
  conversation?: ConversationState;
  now: Date;
  /** Chooses among a template's variants; by default the conversation's turn. */
  variantSeed?: number;
  context?: PipelineContext;
  /** What the message says, when the caller has already worked it out with understand(). */
  understood?: Understanding;
  /** Where orders are looked up: the one thing the rules stage awaits. Without it, look-ups are unavailable. */
  orders?: OrderSource;
  /** Ids of the pictures this message carries (already checked to belong to the conversation). */
  attachments?: string[];
}

export interface Understanding {
  text: string;
  language: LanguageResult;
  intent: IntentResult;
  entities: Entities;
}

export interface PipelineResult extends Understanding {
  rule?: string;
  action: Action['type'] | 'none';
  reply?: Reply;
  handoff?: { reason: string; priority: number };
  tags: string[];
  /** The conversation's state after this message, for the caller to keep. */
  conversation: ConversationState;
  /** The order the reply is about, for a person who takes over: its number, status and what became of a request. */
  order?: { number: string; status?: string; request?: string; storeSaid?: string };
  /** Why the order source failed, for the log. */
  orderError?: unknown;
}

export interface UnderstandOptions {
  locale?: string;
  conversationLanguage?: string;
  payload?: string;
  language?: string;
}

/** An e-mail address says nothing about the language ("emma.johnson@example.com" is not French). */
const withoutAddresses = (text: string) => replaceEmails(text, ' ');

/** The stages that need no rules: what the message says. */
export function understand(snapshot: Snapshot, text: string, options: UnderstandOptions = {}): Understanding {
  const normalized = normalizeText(text);
  const language: LanguageResult =
    options.language && snapshot.languages.includes(options.language)
      ? { language: options.language, detected: options.language, confidence: 1, isSupported: true, source: 'given' }
      : snapshot.languageModel.detect(withoutAddresses(normalized), options, snapshot.settings.defaultLanguage);
  const intent = classifyIntent(snapshot, normalized, language.language, options.payload);
  const entities = extractEntities(normalized, snapshot.countries);
  return { text: normalized, language, intent, entities };
}

function nextCase(gathered: CaseState | undefined, action: Action | undefined, now: Date): CaseState | undefined {
  if (gathered?.status === 'collecting' && action?.type === 'handoff' && action.params.openCase) {
    return { ...gathered, status: 'open', openedAt: now.toISOString() };
  }
  return gathered;
}

function nextConversation(
  previous: ConversationState,
  understood: Understanding,
  action: Action | undefined,
  tags: string[],
  topic: string,
  memory: Partial<ConversationState>,
  answeredQuestion: boolean,
  gathered: { state: CaseState; updated: boolean } | undefined,
  now: Date,
): ConversationState {
  // A bare answer to the bot's question ("100234"), or a photo or order number that went into the case, was
  // understood even though its text alone resembles no intent.
  const isUnderstood = understood.intent.confident || answeredQuestion || action?.type === 'handoff' || !!gathered?.updated;
  const next: ConversationState = {
    turns: previous.turns + 1,
    lowConfidenceStreak: isUnderstood ? 0 : previous.lowConfidenceStreak + 1,
    language: understood.language.isSupported ? understood.language.language : previous.language,
  };
  const allTags = [...new Set([...(previous.tags ?? []), ...tags])];
  if (allTags.length) next.tags = allTags;
  if (action?.type === 'ask') next.awaiting = { slot: action.params.slot, intent: action.params.intent ?? topic };
  for (const [key, value] of Object.entries(memory)) if (value !== undefined) Object.assign(next, { [key]: value });
  const kept = nextCase(gathered?.state, action, now);
  if (kept) next.case = kept;
  return next;
}

const SHIPPING_INTENTS = new Set(['shipping_info', 'customs_duties']);

/** Where a shipping or customs question is about: the country named, else the customer's, else the locale's. */
async function findDestination(input: PipelineInput, understood: Understanding, conversation: ConversationState): Promise<{ destination: Destination | null; customerCountry?: string }> {
  if (understood.entities.country) return { destination: { country: understood.entities.country, from: 'message' } };
  const { intent } = understood;
  const asked = conversation.awaiting?.slot === 'country' && SHIPPING_INTENTS.has(conversation.awaiting.intent ?? '');
  if (asked || !(intent.confident && SHIPPING_INTENTS.has(intent.intent))) return { destination: null };
  const customer = input.context?.customer;
  let country = customer?.country ?? conversation.customerCountry;
  if (!country && customer && input.orders) {
    // A signed-in customer's country is the one of their latest order; a failing source just leaves it unknown.
    const [latest] = await input.orders.listByCustomer(customer.id, 1).catch(() => []);
    country = latest?.customer.country ?? latest?.shipping.country;
  }
  if (country) return { destination: { country, from: 'customer' }, customerCountry: country };
  const region = localeRegion(input.locale);
  return { destination: region ? { country: region, from: 'locale' } : null };
}

export async function runPipeline(snapshot: Snapshot, input: PipelineInput): Promise<PipelineResult> {
  const conversation = input.conversation ?? newConversationState();
  const understood = input.understood ?? understand(snapshot, input.text, {
    locale: input.locale,
    conversationLanguage: conversation.language,
    payload: input.payload,
    language: input.language,
  });
  const attachments = input.attachments ?? [];
  const gathered = gatherCase(conversation.case, {
    text: understood.text,
    payload: input.payload,
    intent: understood.intent,
    entities: understood.entities,
    attachmentIds: attachments,
    awaiting: conversation.awaiting?.slot,
  });
  const language = understood.language.language;
  // Dates and money follow the shopper's own locale ("en-GB", "es-MX") when the reply is in its language.
  const shopperLocale = canonicalLocale(input.locale);
  const locale = shopperLocale && shopperLocale.split('-')[0] === language ? shopperLocale : language;
  // Rules stage. The order source is the only thing awaited: which order, and whether the shopper may see it, is
  // decided from the message and the conversation.
  const orders = await lookUpOrder({
    text: understood.text,
    payload: input.payload,
    intent: understood.intent,
    entities: understood.entities,
    conversation,
    now: input.now,
    source: input.orders,
    customerId: input.context?.customer?.id,
  });
  const { destination, customerCountry } = await findDestination(input, understood, { ...conversation, customerCountry: orders.state.customerCountry });
  const shipping = shippingFacts(snapshot.shipping, destination?.country);
  const duties = dutiesFacts(snapshot.shipping, destination?.country);
  const facts = buildFacts(understood.text, understood.language, understood.intent, understood.entities, conversation, input.now, snapshot.settings.timeZone, input.context, {
    order: orders.order && orderFacts(orders.order),
    orderIntent: orders.orderIntent,
    orderLookup: orders.lookup,
    orderRequest: orders.request,
    confirmation: orders.confirmation,
    destination,
    shipping,
    duties,
    message: { attachments: attachments.length },
    case: caseFact(gathered),
  });
  const decision = await decide(snapshot, facts);
  const { action } = decision;

  const entities = destination ? { ...understood.entities, country: destination.country } : understood.entities;
  const values: Record<string, TemplateValue> = {
    pauseMinutes: LOOKUP_PAUSE_MINUTES,
    ...(input.context?.reopensAt ? { reopensAt: input.context.reopensAt } : {}),
    ...shippingValues(shipping, duties, locale),
    ...(orders.orderNumber ? { orderNumber: orders.orderNumber } : {}),
    ...(orders.order ? orderValues(orders.order, locale) : {}),
    ...(gathered ? { caseOrderNumber: gathered.state.orderNumber, caseProblem: gathered.state.problem ?? 'other', casePhotos: gathered.state.attachmentIds.length } : {}),
  };
  const render = (templateId: string, extra: Partial<{ suggest: { count: number; intent: IntentResult } }> = {}) =>
    renderReply(snapshot, { templateId, language, entities, variantSeed: input.variantSeed ?? conversation.turns, now: input.now, values, timeZone: input.context?.timeZone, locale, ...extra });
  // A customs note is its own template (customs_duties.note.<note>), written into the reply as {dutiesNote}.
  if (duties && findTemplate(snapshot, language, `customs_duties.note.${duties.note}`)) values.dutiesNote = render(`customs_duties.note.${duties.note}`).text;
  const reply = action
    ? render(action.params.template, {
        suggest: action.type === 'reply' && action.params.suggestAlternatives ? { count: action.params.suggestAlternatives, intent: understood.intent } : undefined,
      })
    : undefined;
  const topic = orders.orderIntent ?? (conversation.awaiting?.slot === 'country' && !understood.intent.confident ? conversation.awaiting.intent : undefined) ?? understood.intent.intent;
  const orderNumber = orders.order?.number ?? orders.orderNumber;
  return {
    ...understood,
    rule: decision.rule,
    action: action?.type ?? 'none',
    reply,
    handoff: action?.type === 'handoff' ? { reason: action.params.reason, priority: action.params.priority } : undefined,
    tags: decision.tags,
    conversation: nextConversation(
      conversation,
      understood,
      action,
      decision.tags,
      topic,
      { ...orders.state, ...(customerCountry ? { customerCountry } : {}) },
      fillsSlot(conversation.awaiting?.slot, understood.entities, orders.confirmation),
      gathered,
      input.now,
    ),
    ...(orders.orderIntent && orderNumber
      ? { order: { number: orderNumber, status: orders.order?.status, request: orders.request ?? undefined, storeSaid: orders.requestMessage } }
      : {}),
    ...(orders.error ? { orderError: orders.error } : {}),
  };
}
