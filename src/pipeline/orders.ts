// The order stage: which order a message is about, and whether this shopper may see it (a signed-in customer's
// own order, or the order number together with the e-mail on it). Pure: the orders it reads were fetched before
// the pipeline ran (prefetch), and what the stage would need is said by orderFetches().
import { normalizeOrderNumber, type Order } from '../orders/index.js';
import type { ConversationState } from './state.js';
import { fold } from '../shared/index.js';

export { orderFacts } from './order-values.js';

export const ORDER_INTENTS = new Set(['order_status', 'refund_status', 'cancel_order', 'change_order']);
/** Wrong number-and-e-mail tries before look-ups pause, and for how long. */
export const MAX_FAILED_LOOKUPS = 5;
export const LOOKUP_PAUSE_MINUTES = 15;
/** Verified order numbers a conversation remembers. */
const REMEMBERED_ORDERS = 10;

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

/** Orders read before the pipeline ran: by number (null: no such order), and a customer's latest. */
export interface PrefetchedOrders {
  byNumber?: Record<string, Order | null>;
  /** The signed-in customer's latest order (null: none), when it was read. */
  latest?: Order | null;
  /** The source failed: look-ups that needed it are unavailable. */
  error?: unknown;
  /**
   * Until when look-ups by e-mail of this order number, e-mail or address pause, shared by every conversation (too
   * many wrong tries there); read with the order.
   */
  lookupsPausedUntil?: string;
}

/** What the order stage needs read: an order by its number, the signed-in customer's latest order. */
export interface OrderFetches {
  orderNumber?: string;
  latestOf?: string;
  /** The e-mail the order will be checked against: its shared pause is read too. */
  email?: string;
}

export interface OrderStageInput {
  /** The order intent this message is about, else null. */
  orderIntent: string | null;
  /** The number the message names, else the flow's, else the conversation's. */
  orderNumber?: string;
  /** The e-mail the message or the flow gave. */
  email?: string;
  confirmation: 'yes' | 'no' | null;
  conversation: ConversationState;
  now: Date;
  /** The store's customer id, when the widget's identity was signed by the store. */
  customerId?: string;
}

export interface OrderStage {
  orderIntent: string | null;
  confirmation: 'yes' | 'no' | null;
  lookup: OrderLookup | null;
  request: OrderRequestResult | null;
  order?: Order;
  /** The order number the reply is about, even when the shopper may not see the order. */
  orderNumber?: string;
  /** Why the source failed, for the log; never shown to the shopper. */
  error?: unknown;
  /** A wrong number-and-e-mail try, for the lockouts every conversation shares. */
  failedLookup?: { orderNumber: string; email: string };
  /** The conversation's order memory after this message. */
  state: Pick<ConversationState, 'orderNumber' | 'verifiedOrders' | 'failedLookups' | 'lookupsPausedUntil' | 'customerCountry'>;
}

type Route = 'none' | 'declined' | 'need_number' | 'latest' | 'trusted' | 'paused' | 'need_email' | 'by_email';

/** How this message's order is found: the same reasoning decides what to fetch and, later, what was found. */
function route(input: OrderStageInput, number: string | undefined): Route {
  if (!input.orderIntent) return 'none';
  if (input.confirmation === 'no') return 'declined';
  if (!number) return input.customerId ? 'latest' : 'need_number';
  if (input.conversation.verifiedOrders?.includes(number) || input.customerId) return 'trusted';
  return afterTrust(input);
}

function afterTrust(input: OrderStageInput): Route {
  const until = input.conversation.lookupsPausedUntil;
  if (until && Date.parse(until) > input.now.getTime()) return 'paused';
  return input.email ? 'by_email' : 'need_email';
}

const numberOf = (input: OrderStageInput) => (input.orderNumber ? normalizeOrderNumber(input.orderNumber) : undefined);

export function orderFetches(input: OrderStageInput): OrderFetches {
  const number = numberOf(input);
  const way = route(input, number);
  if (way === 'latest') return { latestOf: input.customerId };
  if (way !== 'trusted' && way !== 'by_email') return {};
  return { orderNumber: number, ...(input.email ? { email: input.email } : {}) };
}

const remember = (list: string[] | undefined, orderNumber: string) =>
  [...(list ?? []).filter((number) => number !== orderNumber), orderNumber].slice(-REMEMBERED_ORDERS);

export function lookUpOrder(input: OrderStageInput, prefetched: PrefetchedOrders = {}): OrderStage {
  const { conversation, now } = input;
  const state: OrderStage['state'] = {
    orderNumber: conversation.orderNumber,
    verifiedOrders: conversation.verifiedOrders,
    failedLookups: conversation.failedLookups,
    lookupsPausedUntil: conversation.lookupsPausedUntil,
    customerCountry: conversation.customerCountry,
  };
  const stage: OrderStage = { orderIntent: input.orderIntent, confirmation: input.confirmation, lookup: null, request: null, state };
  const number = numberOf(input);
  let way = route(input, number);
  if (way === 'none') return stage;
  stage.orderNumber = number;
  if (number) state.orderNumber = number;
  if (way === 'declined') return { ...stage, request: 'declined' };
  /** An order that was needed but not read: the source failed, or there is none. */
  const unavailable = () => ({ ...stage, lookup: 'unavailable' as const, error: prefetched.error ?? new Error('no order source') });
  const accept = (order: Order): OrderStage => {
    state.orderNumber = order.number;
    state.customerCountry = order.customer.country ?? order.shipping.country;
    return { ...stage, lookup: 'found', order, orderNumber: order.number };
  };
  if (way === 'latest') {
    if (prefetched.latest === undefined) return unavailable();
    return prefetched.latest ? accept(prefetched.latest) : { ...stage, lookup: 'no_orders' };
  }
  if (way === 'need_number' || way === 'need_email' || way === 'paused') return { ...stage, lookup: way };
  const order = prefetched.byNumber?.[number!];
  if (order === undefined) return unavailable();
  if (way === 'trusted') {
    if (order && (conversation.verifiedOrders?.includes(order.number) || order.customer.id === input.customerId)) return accept(order);
    way = afterTrust(input);
    if (way !== 'by_email') return { ...stage, lookup: way as OrderLookup };
  }
  const sharedPause = prefetched.lookupsPausedUntil;
  if (sharedPause && Date.parse(sharedPause) > now.getTime()) return { ...stage, lookup: 'paused' };
  const email = order?.customer.email;
  // The same answer whether the number is unknown or the e-mail is wrong: nobody learns which orders exist.
  if (!order || !email || fold(email) !== fold(input.email!)) {
    stage.failedLookup = { orderNumber: number!, email: input.email! };
    const failed = (conversation.failedLookups ?? 0) + 1;
    if (failed < MAX_FAILED_LOOKUPS) {
      state.failedLookups = failed;
      return { ...stage, lookup: 'no_match' };
    }
    state.failedLookups = 0;
    state.lookupsPausedUntil = new Date(now.getTime() + LOOKUP_PAUSE_MINUTES * 60_000).toISOString();
    return { ...stage, lookup: 'paused' };
  }
  state.verifiedOrders = remember(conversation.verifiedOrders, order.number);
  state.failedLookups = 0;
  return accept(order);
}
