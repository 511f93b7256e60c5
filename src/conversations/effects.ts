// The one place a decision touches the world: the order source (cancellations, changes: order-requests.ts), the
// store (the conversation, its messages, a contact address), the queue (hand-offs) and the sockets. The pipeline only lists
// effects; everything it decided is carried out here, in order, each message stored before it is sent.
import type { Metrics } from '../observability/index.js';
import type { OrderSource } from '../orders/index.js';
import type { Effect, PipelineResult, QueuedDecision } from '../pipeline/index.js';
import type { Message } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import { describeCase, describeOrder, type HandOff, queuedRecord } from './handoff-notes.js';
import { requestFromStore, withCaseOwner } from './order-requests.js';
import { transition } from './state.js';
import type { Logger, Publisher } from './types.js';
import { newMessage } from './views.js';

export interface EffectsDependencies {
  store: Store;
  publisher: Publisher;
  logger: Logger;
  metrics?: Metrics;
  orders?: OrderSource;
  now: () => Date;
}

export function createEffects({ store, publisher, logger, metrics, orders, now }: EffectsDependencies) {
  async function post(record: ConversationRecord, message: Message): Promise<void> {
    await store.appendMessage(message);
    publisher.message(record, message);
  }

  /** Keeps the bot's turn: the new state, the reply, a hand-off with its notes for the agent. */
  async function applyBotTurn(record: ConversationRecord, result: PipelineResult): Promise<void> {
    const opensCase = result.effects.some((effect) => effect.type === 'open_case');
    const state = opensCase ? await withCaseOwner(orders, record, result.conversation) : result.conversation;
    let updated: ConversationRecord = { ...record, state, updatedAt: now().toISOString() };
    if (record.status === 'closed') updated.status = transition('closed', 'bot');
    const handOff = result.effects.find((effect): effect is HandOff => effect.type === 'hand_off');
    if (handOff) updated = queuedRecord(updated, handOff, now().toISOString());
    await store.saveConversation(updated);
    if (updated.status !== record.status && !handOff) publisher.status(record.id, { status: updated.status });
    if (result.reply) {
      const { text, quickReplies, cards } = result.reply;
      await post(updated, newMessage(now, record.id, 'bot', text, { ...(quickReplies.length ? { quickReplies } : {}), ...(cards?.length ? { cards } : {}) }));
    }
    // The agent sees the case and the order in the conversation itself, as notes the shopper never gets.
    for (const effect of result.effects) {
      if (effect.type === 'open_case')
        await post(updated, newMessage(now, record.id, 'system', describeCase(effect, state.case?.ownerVerified !== false), { internal: true }));
    }
    if (handOff?.order) await post(updated, newMessage(now, record.id, 'system', describeOrder(handOff.order), { internal: true }));
    if (handOff) {
      metrics?.handoff(handOff.reason);
      logger.info({ conversationId: record.id, reason: handOff.reason, intent: handOff.intent, order: handOff.order?.number }, 'conversation handed off');
      publisher.queueChanged(record.id);
    }
  }

  /** While queued for a person who is away: a contact address kept, and the line that says so. */
  async function applyQueuedTurn(record: ConversationRecord, decision: QueuedDecision): Promise<void> {
    const email = decision.effects.find((effect) => effect.type === 'keep_contact_email')?.email;
    if (email || decision.hasNoEmail) {
      await store.saveConversation({
        ...record,
        ...(email ? { contactEmail: email } : {}),
        state: { ...record.state, ...(decision.hasNoEmail ? { hasNoEmail: true } : {}) },
        updatedAt: now().toISOString(),
      });
    }
    if (decision.reply) await post(record, newMessage(now, record.id, 'system', decision.reply.text));
  }

  return {
    /** Asks the store to cancel or change an order; a refusal or a failure is an outcome, never an exception. */
    requestFromStore: (requests: Effect[]) => requestFromStore(orders, logger, requests),
    applyBotTurn,
    applyQueuedTurn,
  };
}

export type Effects = ReturnType<typeof createEffects>;
