import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { createRedisStore } from '../../src/store/index.js';
import { storeContract } from './contract.js';

// A real Redis (127.0.0.1:6379, started by .ci/run), each test under its own key prefix, all removed afterwards.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefixes: string[] = [];

storeContract('redis', async () => {
  const prefix = `borderless-test:${randomUUID()}:`;
  prefixes.push(prefix);
  return createRedisStore(REDIS_URL, { prefix });
});

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
});
