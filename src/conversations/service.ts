// The conversation service: opens and resumes conversations, stores every message before it is published, runs
// the pipeline on shopper messages and applies its decision (reply, hand-off) to the conversation.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Knowledge } from '../knowledge/index.js';
import { maskPersonalData } from '../learning/suggestions.js';
import { newConversationState, runPipeline } from '../pipeline/index.js';
import { AppError } from '../shared/errors.js';
import type { Message, ShopperMessagePayload, StatusEvent } from '../shared/protocol.js';
import type { ConversationRecord, Store } from '../store/index.js';
import { botAnswers, transition } from './state.js';

/** How the service reaches connected clients; the realtime layer implements it. */
export interface Publisher {
  message(conversationId: string, message: Message, options?: { exceptSocket?: string }): void;
  status(conversationId: string, event: StatusEvent): void;
}

export interface Logger {
  error(object: object, message: string): void;
  info(object: object, message: string): void;
}

export interface Session {
  conversation: ConversationRecord;
  /** The secret that resumes this conversation; only the shopper's browser keeps it. */
  token: string;
  history: Message[];
  isNew: boolean;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ConversationServiceDependencies {
  store: Store;
  knowledge: Knowledge;
  publisher: Publisher;
  logger: Logger;
  now?: () => Date;
}

export function createConversationService({ store, knowledge, publisher, logger, now = () => new Date() }: ConversationServiceDependencies) {
  // One shopper message at a time per conversation, so each sees the state the previous one left.
  const queues = new Map<string, Promise<unknown>>();
  function serialize<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(conversationId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(conversationId, settled);
    void settled.then(() => {
      if (queues.get(conversationId) === settled) queues.delete(conversationId);
    });
    return next;
  }

  const newMessage = (conversationId: string, author: Message['author'], text: string, extra: Partial<Message> = {}): Message => ({
    id: randomUUID(),
    conversationId,
    author,
    text,
    createdAt: now().toISOString(),
    ...extra,
  });

  async function setStatus(record: ConversationRecord, status: ConversationRecord['status']): Promise<ConversationRecord> {
    const updated = { ...record, status: transition(record.status, status), updatedAt: now().toISOString() };
    await store.saveConversation(updated);
    publisher.status(record.id, { status: updated.status });
    return updated;
  }

  async function answer(record: ConversationRecord, shopperMessage: Message, payload: string | undefined): Promise<void> {
    const snapshot = knowledge.current();
    if (!snapshot) throw new AppError('unavailable', 'content is not loaded');
    const result = await runPipeline(snapshot, {
      text: shopperMessage.text,
      payload,
      locale: record.locale,
      conversation: record.state,
      now: now(),
    });
    if (!result.intent.confident && result.language.isSupported && !payload) {
      await store.recordUnanswered({
        text: maskPersonalData(result.text),
        language: result.language.language,
        guessedIntent: result.intent.intent,
        confidence: result.intent.confidence,
        at: now().toISOString(),
      });
    }
    let updated: ConversationRecord = { ...record, state: result.conversation, updatedAt: now().toISOString() };
    if (record.status === 'closed') updated.status = transition('closed', 'bot');
    await store.saveConversation(updated);
    if (updated.status !== record.status) publisher.status(record.id, { status: updated.status });
    if (result.reply) {
      const reply = newMessage(record.id, 'bot', result.reply.text, result.reply.quickReplies.length ? { quickReplies: result.reply.quickReplies } : {});
      await store.appendMessage(reply);
      publisher.message(record.id, reply);
    }
    if (result.handoff) {
      updated = { ...updated, handoff: { ...result.handoff, at: now().toISOString() } };
      await setStatus(updated, 'queued');
      logger.info({ conversationId: record.id, reason: result.handoff.reason, intent: result.intent.intent }, 'conversation handed off');
    }
  }

  return {
    /** Resumes the conversation a valid token belongs to, or starts a new one. */
    async openSession(options: { token?: string; locale?: string }): Promise<Session> {
      if (options.token) {
        const existing = await store.findConversationByTokenHash(hashToken(options.token));
        if (existing) return { conversation: existing, token: options.token, history: await store.listMessages(existing.id), isNew: false };
      }
      const token = randomBytes(32).toString('base64url');
      const createdAt = now().toISOString();
      const conversation: ConversationRecord = {
        id: randomUUID(),
        tokenHash: hashToken(token),
        status: 'bot',
        locale: options.locale,
        state: newConversationState(),
        createdAt,
        updatedAt: createdAt,
      };
      await store.createConversation(conversation);
      return { conversation, token, history: [], isNew: true };
    },

    /**
     * Stores the shopper's message (once per clientMessageId), then lets the bot answer if the conversation is
     * the bot's. Returns the stored message; a resent one is returned as it was, without a second answer.
     */
    receiveShopperMessage(conversationId: string, payload: ShopperMessagePayload, senderSocket?: string): Promise<Message> {
      return serialize(conversationId, async () => {
        const record = await store.getConversation(conversationId);
        if (!record) throw new AppError('not_found', 'this conversation does not exist');
        const { message, isDuplicate } = await store.appendMessage(newMessage(conversationId, 'shopper', payload.text), payload.clientMessageId);
        if (isDuplicate) return message;
        publisher.message(conversationId, message, { exceptSocket: senderSocket });
        if (botAnswers(record.status)) {
          try {
            await answer(record, message, payload.payload);
          } catch (error) {
            // The shopper's message is stored; a failing answer must not lose it or the conversation.
            logger.error({ err: error, conversationId }, 'the bot could not answer');
          }
        }
        return message;
      });
    },

    async rate(conversationId: string, rating: { score: number; comment?: string }): Promise<void> {
      const record = await store.getConversation(conversationId);
      if (!record) throw new AppError('not_found', 'this conversation does not exist');
      if (record.status !== 'closed') throw new AppError('forbidden', 'a conversation can be rated once it is closed');
      await store.saveConversation({ ...record, rating, updatedAt: now().toISOString() });
    },

    async close(conversationId: string): Promise<void> {
      const record = await store.getConversation(conversationId);
      if (!record) throw new AppError('not_found', 'this conversation does not exist');
      await setStatus(record, 'closed');
    },

    getConversation: (id: string) => store.getConversation(id),
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
