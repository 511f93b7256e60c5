// Where conversations live (Redis when REDIS_URL is set, else memory), and the per-conversation lock that nodes
// sharing Redis take turns with.
import fp from 'fastify-plugin';
import { createConversationLock, type ConversationLock } from '../conversations/index.js';
import { createMemoryStore, createRedisLock, createRedisStore, type Store } from '../store/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** Runs a change to one conversation after the changes before it, on this node and, with Redis, on every node. */
    withConversationLock: ConversationLock;
  }
}

export interface StoreOptions {
  store?: Store;
}

export default fp<StoreOptions>(
  async (app, options) => {
    const { config } = app;
    const store =
      options.store ??
      (config.REDIS_URL
        ? createRedisStore(config.REDIS_URL, { prefix: config.REDIS_PREFIX, emptyConversationMs: config.EMPTY_CONVERSATION_HOURS * 3_600_000 })
        : createMemoryStore({ maxConversations: config.MAX_CONVERSATIONS, freeze: config.NODE_ENV === 'test' }));
    const lock = config.REDIS_URL ? createRedisLock(config.REDIS_URL, { prefix: config.REDIS_PREFIX }) : undefined;
    app.decorate('store', store);
    app.decorate('withConversationLock', createConversationLock(lock));
    // Registered first, closed last: everything else is done with the store by then.
    app.addHook('onClose', async () => {
      await store.close();
      await lock?.close();
    });
  },
  { name: 'store' },
);
