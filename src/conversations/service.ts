// The conversation service: opens and resumes conversations, stores every message before it is published, runs
// the pipeline on shopper messages while the bot holds the conversation, and applies its decision (reply,
// hand-off to the queue) to the conversation.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Knowledge } from '../knowledge/index.js';
import type { Metrics } from '../observability/metrics.js';
import { maskPersonalData } from '../shared/privacy.js';
import { newConversationState, runPipeline, understand, type PipelineContext, type PipelineResult } from '../pipeline/index.js';
import { renderReply } from '../pipeline/render.js';
import { AppError } from '../shared/errors.js';
import type { OrderSource } from '../orders/index.js';
import type { Attachment, Message, QuickReply, StatusEvent } from '../shared/protocol.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { Serializer } from './serialize.js';
import { botAnswers, transition } from './state.js';

/** How the service reaches connected clients; the realtime layer implements it. */
export interface Publisher {
  /** To the shopper's sockets (never an internal note) and to the agent holding the conversation. */
  message(record: ConversationRecord, message: Message, options?: { exceptSocket?: string }): void;
  status(conversationId: string, event: StatusEvent): void;
  /** The queue changed: agents' queue views are sent again, queued shoppers hear their position. */
  queueChanged(): void;
}

export interface Logger {
  error(object: object, message: string): void;
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

export interface Session {
  conversation: ConversationRecord;
  /** The secret that resumes this conversation; only the shopper's browser keeps it. */
  token: string;
  history: Message[];
  isNew: boolean;
}

/** A shopper's message as the gateway hands it over: text (may be empty with pictures) and checked pictures. */
export interface IncomingShopperMessage {
  text: string;
  clientMessageId: string;
  payload?: string;
  /** Pictures already checked to belong to this conversation. */
  attachments?: Attachment[];
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What the shopper sees of a message: no notes, no agent-side details. */
export function forShopper(message: Message): Message {
  const { id, conversationId, author, text, quickReplies, attachments, createdAt } = message;
  return { id, conversationId, author, text, ...(quickReplies ? { quickReplies } : {}), ...(attachments?.length ? { attachments } : {}), createdAt };
}

const OFFLINE_REASONS = new Set(['offline', 'no_agents']);

export interface ConversationServiceDependencies {
  store: Store;
  knowledge: Knowledge;
  publisher: Publisher;
  logger: Logger;
  serialize: Serializer;
  /** Store hours and agents online, for the rules' facts. */
  context?: () => PipelineContext;
  metrics?: Metrics;
  now?: () => Date;
  /** Where the bot looks orders up for verified shoppers. */
  orders?: OrderSource;
}

/** For the agent who takes over: which order, where it stands, and what the store said to the shopper's request. */
function describeOrder(order: NonNullable<PipelineResult['order']>): string {
  const parts = [`Order #${order.number}`, order.status ? `status ${order.status.replaceAll('_', ' ')}` : 'not verified'];
  if (order.request) parts.push(`request ${order.request}${order.storeSaid ? ` (the store said: ${order.storeSaid})` : ''}`);
  return parts.join(' · ');
}

export function createConversationService({ store, knowledge, publisher, logger, serialize, context = () => ({}), metrics, now = () => new Date(), orders }: ConversationServiceDependencies) {
  const newMessage = (conversationId: string, author: Message['author'], text: string, extra: Partial<Message> = {}): Message => ({
    id: randomUUID(),
    conversationId,
    author,
    text,
    createdAt: now().toISOString(),
    ...extra,
  });

  function currentSnapshot() {
    const snapshot = knowledge.current();
    if (!snapshot) throw new AppError('unavailable', 'content is not loaded');
    return snapshot;
  }

  async function answer(record: ConversationRecord, shopperMessage: Message, payload: string | undefined, understood: ReturnType<typeof understand>): Promise<void> {
    const snapshot = currentSnapshot();
    const started = performance.now();
    const situation = context();
    const result = await runPipeline(snapshot, {
      text: shopperMessage.text,
      payload,
      locale: record.locale,
      conversation: record.state,
      now: now(),
      context: record.customerId ? { ...situation, customer: { ...situation.customer, id: record.customerId } } : situation,
      understood,
      orders,
      attachments: shopperMessage.attachments?.map((attachment) => attachment.id),
    });
    if (result.orderError) {
      // The source's own message, never the shopper's words: those may hold an e-mail address.
      logger.warn({ conversationId: record.id, source: orders?.name, err: maskPersonalData(String((result.orderError as Error).message ?? result.orderError)) }, 'order look-up failed');
    }
    const outcome = result.handoff ? 'handed_off' : !result.reply ? 'unanswered' : result.intent.confident ? 'answered' : 'clarified';
    metrics?.message(result.language.language, result.intent.intent, outcome, (performance.now() - started) / 1000);
    if (!result.intent.confident && result.language.isSupported && !payload && result.text) {
      await store.recordUnanswered({ text: maskPersonalData(result.text), language: result.language.language, guessedIntent: result.intent.intent, confidence: result.intent.confidence, at: now().toISOString() });
    }
    let updated: ConversationRecord = { ...record, state: result.conversation, updatedAt: now().toISOString() };
    if (record.status === 'closed') updated.status = transition('closed', 'bot');
    if (result.handoff) {
      updated = {
        ...updated,
        status: transition(updated.status, 'queued'),
        handoff: {
          ...result.handoff,
          at: now().toISOString(),
          intent: result.intent.intent,
          ...(result.order ? { order: { number: result.order.number, status: result.order.status, request: result.order.request } } : {}),
        },
        queuedAt: now().toISOString(),
        priority: Math.max(result.handoff.priority, record.priority ?? 0),
      };
    }
    await store.saveConversation(updated);
    if (updated.status !== record.status && !result.handoff) publisher.status(record.id, { status: updated.status });
    if (result.reply) {
      const reply = newMessage(record.id, 'bot', result.reply.text, result.reply.quickReplies.length ? { quickReplies: result.reply.quickReplies } : {});
      await store.appendMessage(reply);
      publisher.message(updated, reply);
    }
    if (result.handoff && result.order) {
      // The agent sees the order in the conversation itself, as a note the shopper never gets.
      const note = newMessage(record.id, 'system', describeOrder(result.order), { internal: true });
      await store.appendMessage(note);
      publisher.message(updated, note);
    }
    if (result.handoff) {
      metrics?.handoff(result.handoff.reason);
      logger.info({ conversationId: record.id, reason: result.handoff.reason, intent: result.intent.intent, order: result.order?.number }, 'conversation handed off');
      publisher.queueChanged();
    }
  }

  /** While the conversation waits for a person who is away, an e-mail address the shopper gives is kept for the reply. */
  async function keepContactEmail(record: ConversationRecord, email: string, language: string): Promise<void> {
    await store.saveConversation({ ...record, contactEmail: email, updatedAt: now().toISOString() });
    const text = renderReply(currentSnapshot(), { templateId: 'handoff.email_saved', language, entities: { email }, variantSeed: 0, now: now() }).text;
    const confirmation = newMessage(record.id, 'system', text);
    await store.appendMessage(confirmation);
    publisher.message(record, confirmation);
  }

  /** What the shopper sees of a conversation: everything but the agents' notes. */
  async function shopperHistory(conversationId: string): Promise<Message[]> {
    return (await store.listMessages(conversationId)).filter((message) => !message.internal).map(forShopper);
  }

  return {
    /** Resumes the conversation a valid token belongs to, or starts a new one. */
    async openSession(options: { token?: string; locale?: string; customerId?: string }): Promise<Session> {
      if (options.token) {
        let existing = await store.findConversationByTokenHash(hashToken(options.token));
        // A conversation of one signed-in customer is never resumed under another's identity.
        if (existing?.customerId && options.customerId && existing.customerId !== options.customerId) existing = undefined;
        if (existing) {
          if (options.customerId && !existing.customerId) {
            existing = { ...existing, customerId: options.customerId, updatedAt: now().toISOString() };
            await store.saveConversation(existing);
          }
          const history = await shopperHistory(existing.id);
          return { conversation: existing, token: options.token, history, isNew: false };
        }
      }
      // A signed-in customer without this device's token continues their latest conversation (where the store's
      // order messages went too) under a new token; the old one stops working, and signs in again the same way.
      if (options.customerId) {
        const [latest] = await store.listConversationsByCustomer(options.customerId);
        if (latest) {
          const token = randomBytes(32).toString('base64url');
          const resumed = await serialize(latest.id, async () => {
            const current = (await store.getConversation(latest.id)) ?? latest;
            const moved = { ...current, tokenHash: hashToken(token), updatedAt: now().toISOString() };
            await store.saveConversation(moved);
            return moved;
          });
          const history = await shopperHistory(resumed.id);
          return { conversation: resumed, token, history, isNew: false };
        }
      }
      const token = randomBytes(32).toString('base64url');
      const createdAt = now().toISOString();
      const conversation: ConversationRecord = {
        id: randomUUID(),
        tokenHash: hashToken(token),
        status: 'bot',
        locale: options.locale,
        ...(options.customerId ? { customerId: options.customerId } : {}),
        state: newConversationState(),
        createdAt,
        updatedAt: createdAt,
      };
      await store.createConversation(conversation);
      return { conversation, token, history: [], isNew: true };
    },

    /**
     * Stores the shopper's message (once per clientMessageId) with what the bot understood of it, then lets the bot
     * answer if the conversation is the bot's. A resent message is returned as it was, without a second answer.
     */
    receiveShopperMessage(conversationId: string, payload: IncomingShopperMessage, senderSocket?: string): Promise<Message> {
      return serialize(conversationId, async () => {
        const record = await store.getConversation(conversationId);
        if (!record) throw new AppError('not_found', 'this conversation does not exist');
        const snapshot = currentSnapshot();
        const understood = understand(snapshot, payload.text, { locale: record.locale, conversationLanguage: record.state.language, payload: payload.payload });
        const { message, isDuplicate } = await store.appendMessage(
          newMessage(conversationId, 'shopper', payload.text, {
            ...(payload.attachments?.length ? { attachments: payload.attachments } : {}),
            understanding: { language: understood.language.language, intent: understood.intent.intent, confidence: understood.intent.confidence },
          }),
          payload.clientMessageId,
        );
        if (isDuplicate) return message;
        // The queue shows what the shopper wants: the last intent the bot was sure of.
        const current: ConversationRecord = understood.intent.confident ? { ...record, lastIntent: understood.intent.intent } : record;
        publisher.message(current, message, { exceptSocket: senderSocket });
        // When the bot answers, its save of the conversation carries the new intent too: one write, not two.
        if (botAnswers(record.status)) {
          try {
            await answer(current, message, payload.payload, understood);
          } catch (error) {
            // The shopper's message is stored; a failing answer must not lose it or the conversation.
            logger.error({ err: error, conversationId }, 'the bot could not answer');
          }
          return message;
        }
        if (current !== record) await store.saveConversation(current);
        if (record.status === 'queued' && understood.entities.email && !record.contactEmail && OFFLINE_REASONS.has(record.handoff?.reason ?? '')) {
          await keepContactEmail(current, understood.entities.email, record.state.language ?? understood.language.language).catch((error: unknown) =>
            logger.error({ err: error, conversationId }, 'could not keep the contact e-mail'),
          );
        }
        publisher.queueChanged();
        return message;
      });
    },

    /**
     * A message from the store to a verified customer (an order-care message): it goes to the customer's most
     * recent conversation, or to a new one that the widget shows once it opens for that customer. Stored first,
     * then sent to the shopper's sockets if they are connected.
     */
    deliverToCustomer(customerId: string, outgoing: { text: string; quickReplies?: QuickReply[]; language: string; locale?: string }): Promise<{ conversation: ConversationRecord; message: Message; isNew: boolean }> {
      // One customer at a time on this node, so two events for a new customer open one conversation, not two.
      return serialize(`customer:${customerId}`, async () => {
        let [record] = await store.listConversationsByCustomer(customerId);
        const isNew = !record;
        if (!record) {
          const createdAt = now().toISOString();
          record = {
            id: randomUUID(),
            // A token nobody holds: the customer reaches this conversation by signing in through the widget.
            tokenHash: hashToken(randomBytes(32).toString('base64url')),
            status: 'bot',
            locale: outgoing.locale,
            state: { ...newConversationState(), language: outgoing.language },
            customerId,
            createdAt,
            updatedAt: createdAt,
          };
          await store.createConversation(record);
        }
        const conversationId = record.id;
        return serialize(conversationId, async () => {
          const current = (await store.getConversation(conversationId)) ?? record!;
          const message = newMessage(conversationId, 'bot', outgoing.text, outgoing.quickReplies?.length ? { quickReplies: outgoing.quickReplies } : {});
          await store.appendMessage(message);
          const updated = { ...current, updatedAt: now().toISOString() };
          await store.saveConversation(updated);
          publisher.message(updated, message);
          return { conversation: updated, message, isNew };
        });
      });
    },

    async rate(conversationId: string, rating: { score: number; comment?: string }): Promise<void> {
      const record = await store.getConversation(conversationId);
      if (!record) throw new AppError('not_found', 'this conversation does not exist');
      if (record.status !== 'closed') throw new AppError('forbidden', 'a conversation can be rated once it is closed');
      await store.saveConversation({ ...record, rating, updatedAt: now().toISOString() });
    },

    getConversation: (id: string) => store.getConversation(id),
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
