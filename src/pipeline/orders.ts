// The order part of the rules stage: which order a message is about, whether this shopper may see it (a signed-in
// customer's own order, or the order number together with the e-mail on it), and what the order source says. The
// source is the one thing awaited here; everything else is decided from the message and the conversation.
import { normalizeOrderNumber, NOT_YET_SHIPPED, type Order, type OrderChange, type OrderSource, OrderSourceUnavailable } from '../orders/index.js';
import type { ConversationState } from './decide.js';
import type { Entities } from './entities.js';
import type { IntentResult } from './intent.js';
import { fold, words } from './text.js';

export const ORDER_INTENTS = new Set(['order_status', 'refund_status', 'cancel_order', 'change_order']);
/** Slots the bot asks for while talking about an order. */
const ORDER_SLOTS = new Set(['orderNumber', 'email', 'confirmation']);
/** Wrong number-and-e-mail tries before look-ups pause, and for how long. */
export const MAX_FAILED_LOOKUPS = 5;
export const LOOKUP_PAUSE_MINUTES = 15;
/** Verified order numbers a conversation remembers. */
const REMEMBERED_ORDERS = 10;

const SHIPPED = new Set<Order['status']>(['shipped', 'out_for_delivery', 'delivered']);

/**
 * - found: the order is in `order` and the shopper may see it;
 * - need_number / need_email: the bot must ask for the order number, or for the e-mail on the order;
 * - no_match: the number and e-mail do not belong together, or there is no such order (never told apart);
 * - paused: too many wrong tries; look-ups by e-mail wait;
 * - unavailable: the order source did not answer;
 * - no_orders: a signed-in customer without orders.
 */
export type OrderLookup = 'found' | 'need_number' | 'need_email' | 'no_match' | 'paused' | 'unavailable' | 'no_orders';
/** What became of a cancellation or change the shopper confirmed (or turned down). */
export type OrderRequestResult = 'done' | 'failed' | 'unsupported' | 'declined';

export interface OrderStage {
  /** The order intent this message is about: its own, or the one the bot asked a question for. */
  orderIntent: string | null;
  /** The shopper's answer when the bot asked to confirm. */
  confirmation: 'yes' | 'no' | null;
  lookup: OrderLookup | null;
  request: OrderRequestResult | null;
  order?: Order;
  /** The order number the reply is about, even when the shopper may not see the order. */
  orderNumber?: string;
  /** The store's words on a request, for the agent who takes over. */
  requestMessage?: string;
  /** Why the source failed, for the log; never shown to the shopper. */
  error?: unknown;
  /** The conversation's order memory after this message. */
  state: Pick<ConversationState, 'orderNumber' | 'verifiedOrders' | 'failedLookups' | 'lookupsPausedUntil' | 'pendingChange' | 'customerCountry'>;
}

const YES = ['yes', 'yeah', 'yep', 'sure', 'ok', 'okay', 'confirm', 'si', 'claro', 'vale', 'confirmo', 'oui', 'ja', 'genau', 'certo', 'sim', 'graag', 'tak', 'да', 'evet', 'نعم', 'اجل', 'أجل', 'はい', 'お願いします'];
const NO = ['no', 'nope', 'nah', 'non', 'nein', 'nao', 'nee', 'nie', 'нет', 'hayir', 'hayır', 'لا', 'いいえ'];

/** "confirm:yes" from a quick reply, or a short yes or no in any of the store's languages. */
export function readConfirmation(text: string, payload: string | undefined): 'yes' | 'no' | null {
  if (payload === 'confirm:yes') return 'yes';
  if (payload === 'confirm:no') return 'no';
  const tokens = words(fold(text));
  if (tokens.length === 0 || tokens.length > 5) return null;
  const folded = tokens.join(' ');
  const says = (list: string[]) => tokens.some((token) => list.includes(token)) || list.some((word) => /[^\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}]/u.test(word) && folded.includes(word));
  const yes = says(YES);
  const no = says(NO);
  return yes === no ? null : yes ? 'yes' : 'no';
}

/** The kind of change the shopper's words ask for: the address, the items (size, colour), or something else. */
export function changeKind(text: string): OrderChange['kind'] {
  const folded = fold(text);
  if (/address|direccion|adresse|indirizzo|endereco|adres|адрес|عنوان|住所|お届け先/u.test(folded)) return 'address';
  if (/size|colou?r|talla|color|taille|couleur|grosse|farbe|taglia|colore|tamanho|cor\b|maat|kleur|rozmiar|kolor|размер|цвет|beden|renk|مقاس|لون|サイズ|色/u.test(folded)) return 'items';
  return 'other';
}

function orderIntentOf(intent: IntentResult, entities: Entities, conversation: ConversationState, confirmation: 'yes' | 'no' | null): string | null {
  const awaiting = conversation.awaiting;
  // A question for an order number saved without its intent was always "where is my order".
  const askedIntent = awaiting?.intent ?? (awaiting?.slot === 'orderNumber' ? 'order_status' : undefined);
  const asked = askedIntent && ORDER_INTENTS.has(askedIntent) && ORDER_SLOTS.has(awaiting!.slot) ? askedIntent : undefined;
  // The answer to the bot's question continues that question's intent, whatever else the words resemble.
  if (asked && fillsSlot(awaiting!.slot, entities, confirmation)) return asked;
  if (intent.confident && ORDER_INTENTS.has(intent.intent)) return intent.intent;
  // A question to confirm is answered by yes or no; anything else moves the conversation on.
  return asked && awaiting!.slot !== 'confirmation' ? asked : null;
}

/** Whether a message gives what the bot asked for. */
export function fillsSlot(slot: string | undefined, entities: Entities, confirmation: 'yes' | 'no' | null): boolean {
  switch (slot) {
    case 'orderNumber':
      return !!entities.orderNumber;
    case 'email':
      return !!entities.email;
    case 'confirmation':
      return !!confirmation;
    case 'country':
      return !!entities.country;
    default:
      return false;
  }
}

const remember = (list: string[] | undefined, orderNumber: string) => [...(list ?? []).filter((number) => number !== orderNumber), orderNumber].slice(-REMEMBERED_ORDERS);

export interface OrderStageInput {
  text: string;
  payload?: string;
  intent: IntentResult;
  entities: Entities;
  conversation: ConversationState;
  now: Date;
  source?: OrderSource;
  /** The store's customer id, when the widget's identity was signed by the store. */
  customerId?: string;
}

export async function lookUpOrder(input: OrderStageInput): Promise<OrderStage> {
  const { conversation, entities, source, customerId, now } = input;
  const confirmation = conversation.awaiting?.slot === 'confirmation' ? readConfirmation(input.text, input.payload) : null;
  const orderIntent = orderIntentOf(input.intent, entities, conversation, confirmation);
  const state: OrderStage['state'] = {
    orderNumber: conversation.orderNumber,
    verifiedOrders: conversation.verifiedOrders,
    failedLookups: conversation.failedLookups,
    lookupsPausedUntil: conversation.lookupsPausedUntil,
    pendingChange: conversation.pendingChange,
    customerCountry: conversation.customerCountry,
  };
  const stage: OrderStage = { orderIntent, confirmation, lookup: null, request: null, state };
  if (!orderIntent) return stage;
  const orderNumber = entities.orderNumber ? normalizeOrderNumber(entities.orderNumber) : conversation.orderNumber;
  stage.orderNumber = orderNumber;
  if (orderNumber) state.orderNumber = orderNumber;
  if (orderIntent === 'change_order' && input.intent.confident && input.intent.intent === 'change_order') state.pendingChange = input.text;
  if (confirmation === 'no') {
    stage.request = 'declined';
    return stage;
  }
  try {
    const found = await findOrder(input, stage, orderNumber);
    if (found && confirmation === 'yes') await request(input, stage, found);
  } catch (error) {
    stage.lookup = 'unavailable';
    stage.error = error;
  }
  return stage;

  /** Without a source the questions to ask are still known; only a look-up itself is unavailable. */
  function orders(): OrderSource {
    if (!source) throw new OrderSourceUnavailable('none', 'no order source is configured');
    return source;
  }

  async function findOrder(input: OrderStageInput, stage: OrderStage, orderNumber: string | undefined): Promise<Order | undefined> {
    const accept = (order: Order) => {
      stage.lookup = 'found';
      stage.order = order;
      stage.orderNumber = order.number;
      state.orderNumber = order.number;
      state.customerCountry = order.customer.country ?? order.shipping.country;
      return order;
    };
    if (!orderNumber) {
      if (!customerId) return void (stage.lookup = 'need_number');
      const [latest] = await orders().listByCustomer(customerId, 1);
      if (!latest) return void (stage.lookup = 'no_orders');
      return accept(latest);
    }
    const provenEarlier = conversation.verifiedOrders?.includes(orderNumber);
    if (provenEarlier || customerId) {
      const order = await orders().findByNumber(orderNumber);
      if (order && (provenEarlier || order.customer.id === customerId)) return accept(order);
    }
    const paused = conversation.lookupsPausedUntil && Date.parse(conversation.lookupsPausedUntil) > now.getTime();
    if (paused) return void (stage.lookup = 'paused');
    if (!entities.email) return void (stage.lookup = 'need_email');
    const order = await orders().findByNumber(orderNumber);
    const email = order?.customer.email;
    // The same answer whether the number is unknown or the e-mail is wrong: nobody learns which orders exist.
    if (!order || !email || fold(email) !== fold(entities.email)) {
      const failed = (conversation.failedLookups ?? 0) + 1;
      stage.lookup = 'no_match';
      if (failed >= MAX_FAILED_LOOKUPS) {
        state.failedLookups = 0;
        state.lookupsPausedUntil = new Date(now.getTime() + LOOKUP_PAUSE_MINUTES * 60_000).toISOString();
        stage.lookup = 'paused';
      } else {
        state.failedLookups = failed;
      }
      return undefined;
    }
    state.verifiedOrders = remember(conversation.verifiedOrders, order.number);
    state.failedLookups = 0;
    return accept(order);
  }

  async function request(input: OrderStageInput, stage: OrderStage, order: Order): Promise<void> {
    const kind = input.conversation.awaiting?.intent === 'change_order' ? 'change' : 'cancel';
    let result;
    try {
      result = kind === 'cancel'
        ? await orders().requestCancellation?.(order.number, 'the shopper asked in the chat')
        : await orders().requestChange?.(order.number, { kind: changeKind(state.pendingChange ?? ''), details: state.pendingChange ?? '' });
    } catch (error) {
      stage.request = 'failed';
      stage.error = error;
      return;
    }
    stage.request = !result ? 'unsupported' : result.ok ? 'done' : 'failed';
    if (result?.message) stage.requestMessage = result.message;
    if (kind === 'change') state.pendingChange = undefined;
  }
}

/** The order as rules see it: plain values under plain dot paths (order.status, order.shipped, order.refund.status). */
export function orderFacts(order: Order): Record<string, unknown> {
  const { shipping, refund } = order;
  return {
    number: order.number,
    status: order.status,
    shipped: SHIPPED.has(order.status),
    delivered: order.status === 'delivered',
    /** Not shipped, not cancelled, not refunded: it can still be cancelled or changed. */
    changeable: NOT_YET_SHIPPED.has(order.status),
    carrier: shipping.carrier ?? null,
    trackingCode: shipping.trackingCode ?? null,
    trackingUrl: shipping.trackingUrl ?? null,
    hasTracking: !!shipping.trackingUrl,
    estimatedDelivery: shipping.estimatedDelivery ?? null,
    country: shipping.country,
    currency: order.currency,
    total: order.total,
    items: order.items.reduce((sum, item) => sum + item.quantity, 0),
    hasRefund: !!refund,
    refund: refund ? { status: refund.status, amount: refund.amount, issuedAt: refund.issuedAt ?? null } : null,
  };
}

/** Values order templates may use, besides orderNumber and trackingCode. */
export const ORDER_VALUES = ['orderStatus', 'carrier', 'hasCarrier', 'trackingUrl', 'hasTracking', 'estimatedDelivery', 'hasEstimate', 'orderTotal', 'refundStatus', 'refundAmount', 'refundDate', 'hasRefundDate', 'pauseMinutes'];

/** A day ("2026-12-03") is read at noon UTC, so that it is the same day in every time zone the reply is written in. */
const moment = (value: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
const money = (amount: number, currency: string, language: string) => new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);

export function orderValues(order: Order, language: string): Record<string, string | number | boolean | Date> {
  const { shipping, refund } = order;
  const values: Record<string, string | number | boolean | Date> = {
    orderNumber: order.number,
    orderStatus: order.status,
    hasCarrier: !!shipping.carrier,
    hasTracking: !!shipping.trackingUrl,
    hasEstimate: !!shipping.estimatedDelivery,
    orderTotal: money(order.total, order.currency, language),
    hasRefundDate: !!refund?.issuedAt,
  };
  if (shipping.carrier) values.carrier = shipping.carrier;
  if (shipping.trackingCode) values.trackingCode = shipping.trackingCode;
  if (shipping.trackingUrl) values.trackingUrl = shipping.trackingUrl;
  if (shipping.estimatedDelivery) values.estimatedDelivery = moment(shipping.estimatedDelivery);
  if (refund) {
    values.refundStatus = refund.status;
    values.refundAmount = money(refund.amount, order.currency, language);
    if (refund.issuedAt) values.refundDate = moment(refund.issuedAt);
  }
  return values;
}
