// The conversation service: shoppers' messages in, the bot's turn, replies out; with the context each turn reads
// (opening hours in the store's time zone, agents online).
import fp from 'fastify-plugin';
import { createConversationService, type ConversationService } from '../conversations/index.js';
import { isOpen, nextOpening, parseBusinessHours } from '../shared/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    conversations: ConversationService;
  }
}

export default fp(
  async (app) => {
    const { config, knowledge, clock } = app;
    const hours = parseBusinessHours(config.BUSINESS_HOURS);
    // One time zone for opening hours and the rules' localTime: the configuration's, else the content's.
    const context = () => {
      const at = clock();
      const timeZone = config.BUSINESS_TIMEZONE ?? knowledge.current()?.settings.timeZone ?? 'UTC';
      const storeOpen = isOpen(hours, at, timeZone);
      return {
        storeOpen,
        agentsOnline: app.agentsOnline(),
        reopensAt: storeOpen ? undefined : nextOpening(hours, at, timeZone),
        timeZone,
        catalogue: app.products.current(),
      };
    };
    const conversations = createConversationService({
      store: app.store,
      knowledge,
      publisher: app.publisher,
      logger: app.log,
      withConversationLock: app.withConversationLock,
      context,
      metrics: app.metrics,
      now: clock,
      orders: app.orders,
      handoffLimits: { perAddressPerHour: config.HANDOFFS_PER_IP_PER_HOUR, perMinute: config.HANDOFFS_PER_MINUTE },
    });
    app.decorate('conversations', conversations);
    // A message a stopped node stored but never answered is answered once this one is ready (the last 10 minutes').
    app.addHook('onReady', async () => {
      void conversations.answerUnanswered({ withinMs: 10 * 60_000, limit: 500 }).then(
        (answered) => answered && app.log.info({ answered }, 'answered messages left unanswered by a stopped node'),
        (error: unknown) => app.log.error({ err: error }, 'could not look for unanswered messages'),
      );
    });
  },
  { name: 'conversations', dependencies: ['store', 'knowledge', 'orders', 'products', 'realtime', 'metrics'] },
);
