// A shopper's message: stored once (per clientMessageId) with what the bot understood of it, sent on to the agent
// holding the conversation, then answered by the bot while the conversation is the bot's; while it waits for a
// person who is away, only an e-mail address (or "I have none") gets a line back.
import type { Knowledge } from '../knowledge/index.js';
import { decideWhileQueued, understand } from '../pipeline/index.js';
import { AppError } from '../shared/errors.js';
import type { Message } from '../shared/protocol.js';
import type { ConversationRecord, Store } from '../store/index.js';
import { currentSnapshot, type createBotTurn } from './bot-turn.js';
import type { Effects } from './effects.js';
import type { ConversationLock } from './lock.js';
import { botAnswers } from './state.js';
import type { IncomingShopperMessage, Logger, Publisher } from './types.js';
import { newMessage } from './views.js';

export interface InboundDependencies {
  store: Store;
  knowledge: Knowledge;
  publisher: Publisher;
  logger: Logger;
  effects: Effects;
  withConversationLock: ConversationLock;
  answer: ReturnType<typeof createBotTurn>;
  now: () => Date;
}

export function createInbound({ store, knowledge, publisher, logger, effects, withConversationLock, answer, now }: InboundDependencies) {
  /** While queued: the bot's one line about a contact address, if the message gives one or says there is none. */
  async function whileQueued(record: ConversationRecord, understood: ReturnType<typeof understand>): Promise<void> {
    if (record.status !== 'queued') return;
    const decision = decideWhileQueued(currentSnapshot(knowledge), {
      understood, reason: record.handoff?.reason, contactEmail: record.contactEmail, hasNoEmail: record.state.hasNoEmail, language: record.state.language ?? understood.language.language, now: now(),
    });
    await effects.applyQueuedTurn(record, decision).catch((error: unknown) => logger.error({ err: error, conversationId: record.id }, 'could not answer while queued'));
  }

  return function receiveShopperMessage(conversationId: string, payload: IncomingShopperMessage, senderSocket?: string): Promise<Message> {
    return withConversationLock(conversationId, async () => {
      const record = await store.getConversation(conversationId);
      if (!record) throw new AppError('not_found', 'this conversation does not exist');
      const understood = understand(currentSnapshot(knowledge), payload.text, { locale: record.locale, conversationLanguage: record.state.language, payload: payload.payload });
      const { message, isDuplicate } = await store.appendMessage(
        newMessage(now, conversationId, 'shopper', payload.text, {
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
          await answer(current, message, payload.payload, understood, payload.page);
        } catch (error) {
          // The shopper's message is stored; a failing answer must not lose it or the conversation.
          logger.error({ err: error, conversationId }, 'the bot could not answer');
        }
        return message;
      }
      if (current !== record) await store.saveConversation(current);
      await whileQueued(current, understood);
      publisher.queueChanged();
      return message;
    });
  };
}
