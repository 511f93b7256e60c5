// A shopper's message: stored once (per clientMessageId) with what the bot understood of it, sent on to the agent
// holding the conversation, then answered by the bot while the conversation is the bot's; while it waits for a
// person who is away, only an e-mail address (or "I have none") gets a line back.
import type { Knowledge } from '../knowledge/index.js';
import { decideWhileQueued, understand } from '../pipeline/index.js';
import { AppError, type Message } from '../shared/index.js';
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
      understood,
      reason: record.handoff?.reason,
      contactEmail: record.contactEmail,
      hasNoEmail: record.state.hasNoEmail,
      language: record.state.language ?? understood.language.language,
      now: now(),
    });
    await effects
      .applyQueuedTurn(record, decision)
      .catch((error: unknown) => logger.error({ err: error, conversationId: record.id }, 'could not answer while queued'));
  }

  /** A shopper's message is answered once anything follows it: the bot's reply, or the next message. */
  async function isUnanswered(message: Message): Promise<boolean> {
    const messages = await store.listMessages(message.conversationId);
    return messages.at(-1)?.id === message.id;
  }

  /**
   * After a restart: the bot answers the last message of a conversation it answers, if nothing followed it (the node
   * that stored it stopped before the reply). Under the conversation's lock, so that of several nodes one answers.
   */
  function answerIfUnanswered(conversationId: string): Promise<boolean> {
    return withConversationLock(conversationId, async () => {
      const record = await store.getConversation(conversationId);
      if (!record || !botAnswers(record.status)) return false;
      const last = (await store.listMessages(conversationId)).at(-1);
      if (last?.author !== 'shopper') return false;
      const understood = understand(currentSnapshot(knowledge), last.text, { locale: record.locale, conversationLanguage: record.state.language });
      await answer(understood.intent.confident ? { ...record, lastIntent: understood.intent.intent } : record, last, undefined, understood);
      return true;
    });
  }

  function receiveShopperMessage(conversationId: string, payload: IncomingShopperMessage, senderSocket?: string): Promise<Message> {
    return withConversationLock(conversationId, async () => {
      const record = await store.getConversation(conversationId);
      if (!record) throw new AppError('not_found', 'this conversation does not exist');
      const understood = understand(currentSnapshot(knowledge), payload.text, {
        locale: record.locale,
        conversationLanguage: record.state.language,
        payload: payload.payload,
      });
      const { message, isDuplicate } = await store.appendMessage(
        newMessage(now, conversationId, 'shopper', payload.text, {
          ...(payload.attachments?.length ? { attachments: payload.attachments } : {}),
          understanding: { language: understood.language.language, intent: understood.intent.intent, confidence: understood.intent.confidence },
        }),
        payload.clientMessageId,
      );
      // The queue shows what the shopper wants: the last intent the bot was sure of.
      const current: ConversationRecord = understood.intent.confident ? { ...record, lastIntent: understood.intent.intent } : record;
      const botTurn = async () => {
        try {
          await answer(current, message, payload.payload, understood, { address: payload.address, page: payload.page });
        } catch (error) {
          // The shopper's message is stored; a failing answer must not lose it or the conversation.
          logger.error({ err: error, conversationId }, 'the bot could not answer');
        }
      };
      if (isDuplicate) {
        // A resend of a message stored but never answered (its node stopped in between): the bot's turn runs now,
        // once, since its reply then follows the message.
        if (botAnswers(record.status) && (await isUnanswered(message))) await botTurn();
        return message;
      }
      publisher.message(current, message, { exceptSocket: senderSocket });
      // When the bot answers, its save of the conversation carries the new intent too: one write, not two.
      if (botAnswers(record.status)) {
        await botTurn();
        return message;
      }
      if (current !== record) await store.saveConversation(current);
      await whileQueued(current, understood);
      publisher.queueChanged(conversationId);
      return message;
    });
  }

  return { receiveShopperMessage, answerIfUnanswered };
}
