// Shoppers' data deleted on request, when a memory store evicts a conversation, and after the retention period.
import fp from 'fastify-plugin';
import { createEraser, startRetention, type Eraser } from '../privacy/index.js';
import { disconnectShoppers } from '../realtime/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    eraser: Eraser;
  }
}

export default fp(
  async (app) => {
    const { store, attachments, config } = app;
    const eraser = createEraser({
      store,
      withConversationLock: app.withConversationLock,
      deleteAttachments: (id) => attachments.deleteConversationAttachments(id),
      disconnectShoppers: (id) => disconnectShoppers(app.io, id),
      queueChanged: (...conversationIds) => app.publisher.queueChanged(...conversationIds),
    });
    app.decorate('eraser', eraser);
    store.onEvicted?.(
      (id) =>
        void eraser
          .forgetEvicted(id)
          .catch((error: unknown) => app.log.error({ err: error, conversationId: id }, 'could not delete the pictures of an evicted conversation')),
    );
    // Only a started app purges; it stops before the store closes.
    let retention: ReturnType<typeof startRetention> | undefined;
    app.addHook('onReady', async () => {
      retention = startRetention({
        store,
        eraser,
        retentionDays: config.RETENTION_DAYS,
        emptyHours: config.EMPTY_CONVERSATION_HOURS,
        now: app.clock,
        logger: app.log,
      });
    });
    app.addHook('preClose', async () => retention?.stop());
  },
  { name: 'privacy', dependencies: ['store', 'attachments', 'realtime'] },
);
