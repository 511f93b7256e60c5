import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { createRedisStore } from '../../src/store/index.js';
import { removeRedisKeys, TEST_REDIS_URL } from '../helpers.js';
import { storeContract } from './contract.js';

// A real Redis (the test run's own, or TEST_REDIS_URL), each test under its own key prefix, all removed afterwards.
const prefixes: string[] = [];

storeContract('redis', async () => {
  const prefix = `borderless-test:${randomUUID()}:`;
  prefixes.push(prefix);
  return createRedisStore(TEST_REDIS_URL, { prefix });
});

afterAll(() => removeRedisKeys(prefixes));
