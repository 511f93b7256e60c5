// The one place a decision touches the world: the order source (cancellations, changes), the store (the
// conversation, its messages, a contact address), the queue (hand-offs) and the sockets. The pipeline only lists
// effects; everything it decided is carried out here, in order, each message stored before it is sent.
import type { Metrics } from '../observability/index.js';
import type { OrderSource } from '../orders/index.js';
import type { Effect, EffectOutcome, OrderSummary, PipelineResult, QueuedDecision } from '../pipeline/index.js';
import { maskPersonalData, type Message } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
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

/** For the agent who takes over: which order, where it stands, and what the store said to the shopper's request. */
function describeOrder(order: OrderSummary): string {
  const parts = [`Order #${order.number}`, order.status ? `status ${order.status.replaceAll('_', ' ')}` : 'not verified'];
  if (order.request) parts.push(`request ${order.request}${order.storeSaid ? ` (the store said: ${order.storeSaid})` : ''}`);
  return parts.join(' · ');
}

function describeCase(effect: Extract<Effect, { type: 'open_case' }>, ownerVerified: boolean): string {
  const order = effect.orderNumber ? `order #${effect.orderNumber}${ownerVerified ? '' : ' (owner not verified)'}` : 'no order number';
  return [`Case opened: ${effect.problem ?? 'problem'} item`, order, `${effect.photos} photo(s)`].join(' · ');
}

export function createEffects({ store, publisher, logger, metrics, orders, now }: EffectsDependencies) {
  async function post(record: ConversationRecord, message: Message): Promise<void> {
    await store.appendMessage(message);
    publisher.message(record, message);
  }

  /** Asks the store to cancel or change an order; a refusal or a failure is an outcome, never an exception. */
  async function requestFromStore(requests: Effect[]): Promise<EffectOutcome[]> {
    const outcomes: EffectOutcome[] = [];
    for (const effect of requests) {
      try {
        const answer =
          effect.type === 'request_cancellation'
            ? await orders?.requestCancellation?.(effect.orderNumber, 'the shopper asked in the chat')
            : effect.type === 'request_change'
              ? await orders?.requestChange?.(effect.orderNumber, effect.change)
              : undefined;
        outcomes.push({
          type: effect.type,
          result: !answer ? 'unsupported' : answer.ok ? 'done' : 'failed',
          ...(answer?.message ? { message: answer.message } : {}),
        });
      } catch (error) {
        logger.warn({ source: orders?.name, err: maskPersonalData(String((error as Error).message ?? error)) }, 'order request failed');
        outcomes.push({ type: effect.type, result: 'failed', error });
      }
    }
    return outcomes;
  }

  function queued(record: ConversationRecord, handOff: Extract<Effect, { type: 'hand_off' }>): ConversationRecord {
    const at = now().toISOString();
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

  /**
   * A case a signed-in customer opened on an order number they did not look up: its owner is verified when the store
   * says the order is that customer's. A failing order source leaves it unverified, which is what the agent sees.
   */
  async function withCaseOwner(record: ConversationRecord, state: PipelineResult['conversation']): Promise<PipelineResult['conversation']> {
    const opened = state.case;
    if (!opened?.orderNumber || opened.ownerVerified !== false || !record.customerId || !orders) return state;
    const order = await orders.findByNumber(opened.orderNumber).catch(() => undefined);
    return order?.customer.id === record.customerId ? { ...state, case: { ...opened, ownerVerified: true } } : state;
  }

  /** Keeps the bot's turn: the new state, the reply, a hand-off with its notes for the agent. */
  async function applyBotTurn(record: ConversationRecord, result: PipelineResult): Promise<void> {
    const opensCase = result.effects.some((effect) => effect.type === 'open_case');
    const state = opensCase ? await withCaseOwner(record, result.conversation) : result.conversation;
    let updated: ConversationRecord = { ...record, state, updatedAt: now().toISOString() };
    if (record.status === 'closed') updated.status = transition('closed', 'bot');
    const handOff = result.effects.find((effect): effect is Extract<Effect, { type: 'hand_off' }> => effect.type === 'hand_off');
    if (handOff) updated = queued(updated, handOff);
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

  return { requestFromStore, applyBotTurn, applyQueuedTurn };
}

export type Effects = ReturnType<typeof createEffects>;
