// What a hand-off changes in a conversation's record (queued, with why and how urgently) and the notes the agent
// who takes over reads in the conversation: the case that was opened and the order asked about.
import type { Effect, OrderSummary } from '../pipeline/index.js';
import type { ConversationRecord } from '../store/index.js';
import { transition } from './state.js';

export type HandOff = Extract<Effect, { type: 'hand_off' }>;

/** The record queued for a person, keeping the higher of its priorities. */
export function queuedRecord(record: ConversationRecord, handOff: HandOff, at: string): ConversationRecord {
  return {
    ...record,
    status: transition(record.status, 'queued'),
    handoff: {
      reason: handOff.reason,
      priority: handOff.priority,
      at,
      intent: handOff.intent,
      ...(handOff.order ? { order: { number: handOff.order.number, status: handOff.order.status, request: handOff.order.request } } : {}),
    },
    queuedAt: at,
    priority: Math.max(handOff.priority, record.priority ?? 0),
  };
}

/** For the agent who takes over: which order, where it stands, and what the store said to the shopper's request. */
export function describeOrder(order: OrderSummary): string {
  const parts = [`Order #${order.number}`, order.status ? `status ${order.status.replaceAll('_', ' ')}` : 'not verified'];
  if (order.request) parts.push(`request ${order.request}${order.storeSaid ? ` (the store said: ${order.storeSaid})` : ''}`);
  return parts.join(' · ');
}

export function describeCase(effect: Extract<Effect, { type: 'open_case' }>, ownerVerified: boolean): string {
  const order = effect.orderNumber ? `order #${effect.orderNumber}${ownerVerified ? '' : ' (owner not verified)'}` : 'no order number';
  return [`Case opened: ${effect.problem ?? 'problem'} item`, order, `${effect.photos} photo(s)`].join(' · ');
}
