import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/store/index.js';
import { removeRedisKeys, TEST_REDIS_URL } from '../helpers.js';
import { conversation, storeContract } from './contract.js';

// A real Redis (the test run's own, or TEST_REDIS_URL), each test under its own key prefix, all removed afterwards.
const prefixes: string[] = [];

storeContract('redis', async () => {
  const prefix = `borderless-test:${randomUUID()}:`;
  prefixes.push(prefix);
  return createRedisStore(TEST_REDIS_URL, { prefix });
});

afterAll(() => removeRedisKeys(prefixes));

describe('redis store expiry', () => {
  it("lets an empty conversation's keys expire by themselves, until its first message", async () => {
    const prefix = `borderless-test:${randomUUID()}:`;
    prefixes.push(prefix);
    const store = createRedisStore(TEST_REDIS_URL, { prefix, emptyConversationMs: 60_000 });
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const record = conversation();
      await store.createConversation(record);
      for (const key of [`${prefix}conversation:${record.id}`, `${prefix}token:${record.tokenHash}`]) {
        expect(await redis.pttl(key)).toBeGreaterThan(60_000);
        expect(await redis.pttl(key)).toBeLessThanOrEqual(120_000);
      }
      await store.appendMessage({ id: randomUUID(), conversationId: record.id, author: 'shopper', text: 'hi', createdAt: record.createdAt });
      expect(await redis.pttl(`${prefix}conversation:${record.id}`)).toBe(-1);
      expect(await redis.pttl(`${prefix}token:${record.tokenHash}`)).toBe(-1);
    } finally {
      redis.disconnect();
      await store.close();
    }
  });
});
