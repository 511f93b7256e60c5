// The conversation service: the pieces of a conversation's life put together behind one object (sessions,
// inbound shopper messages and the bot's turn, deliveries from the store, ratings).
import type { Knowledge } from '../knowledge/index.js';
import type { Metrics } from '../observability/index.js';
import type { OrderSource } from '../orders/index.js';
import type { PipelineContext } from '../pipeline/index.js';
import { AppError } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { createBotTurn } from './bot-turn.js';
import { createDelivery } from './delivery.js';
import { createEffects } from './effects.js';
import { createHandoffLimiter, type HandoffLimits } from './handoff-limits.js';
import { createInbound } from './inbound.js';
import type { ConversationLock } from './lock.js';
import { createSessions } from './session.js';
import type { Logger, Publisher } from './types.js';

export interface ConversationServiceDependencies {
  store: Store;
  knowledge: Knowledge;
  publisher: Publisher;
  logger: Logger;
  withConversationLock: ConversationLock;
  /** Store hours and agents online, for the rules' facts. */
  context?: () => PipelineContext;
  metrics?: Metrics;
  now?: () => Date;
  /** Where the bot looks orders up for verified shoppers, and asks for cancellations and changes. */
  orders?: OrderSource;
  /** Caps on hand-offs to a person (0: none). */
  handoffLimits?: HandoffLimits;
}

export function createConversationService({
  store,
  knowledge,
  publisher,
  logger,
  withConversationLock,
  context = () => ({}),
  metrics,
  now = () => new Date(),
  orders,
  handoffLimits = { perAddressPerHour: 0, perMinute: 0 },
}: ConversationServiceDependencies) {
  const effects = createEffects({ store, publisher, logger, metrics, orders, now });
  const answer = createBotTurn({ store, knowledge, effects, logger, context, metrics, orders, now, handoffs: createHandoffLimiter(store, handoffLimits) });
  const sessions = createSessions({ store, withConversationLock, now });
  const inbound = createInbound({ store, knowledge, publisher, logger, effects, withConversationLock, answer, now });
  return {
    openSession: sessions.openSession,
    storeNewConversation: sessions.storeNew,
    receiveShopperMessage: inbound.receiveShopperMessage,

    /**
     * Answers the shopper messages left unanswered when a node stopped: the last message of each conversation the
     * bot holds that changed within `withinMs`, at most `limit` conversations. Returns how many were answered.
     */
    async answerUnanswered({ withinMs, limit }: { withinMs: number; limit: number }): Promise<number> {
      const since = now().getTime() - withinMs;
      const recent = (await store.listRecentConversations(limit)).filter((record) => record.status === 'bot' && Date.parse(record.updatedAt) >= since);
      let answered = 0;
      for (const record of recent) if (await inbound.answerIfUnanswered(record.id).catch(() => false)) answered += 1;
      return answered;
    },
    deliverToCustomer: createDelivery({ store, publisher, withConversationLock, now }),

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
