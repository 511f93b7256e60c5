// The Redis store with no Redis to talk to: every call fails quickly with one clear error, however many are made.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.js';
import { createRedisStore } from '../../src/store/index.js';

const unusedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('the Redis store while Redis is unreachable', () => {
  it('refuses every call within two seconds with an unavailable error, and reports itself not ready', async () => {
    const store = createRedisStore(`redis://127.0.0.1:${await unusedPort()}`, { prefix: `borderless-test:${randomUUID()}:` });
    try {
      const started = Date.now();
      const message = { id: randomUUID(), conversationId: randomUUID(), author: 'shopper' as const, text: 'hello', createdAt: new Date().toISOString() };
      // A burst, as from many shoppers at once: none of it waits for Redis to come back.
      const results = await Promise.allSettled([
        ...Array.from({ length: 200 }, () => store.appendMessage(message, randomUUID())),
        store.getConversation(message.conversationId),
        store.listConversationsByStatus(['queued']),
      ]);
      expect(Date.now() - started).toBeLessThan(2000);
      for (const result of results) {
        expect(result.status).toBe('rejected');
        const reason = (result as PromiseRejectedResult).reason as AppError;
        expect(reason).toBeInstanceOf(AppError);
        expect(reason.toJSON()).toEqual({ code: 'unavailable', message: expect.stringMatching(/try again/) });
      }
      expect(await store.ping()).toBe(false);
    } finally {
      await store.close();
    }
  });
});
