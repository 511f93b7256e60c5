// Before the tests: checks that Chromium is there for the browser tests, bundles the widget so that they run the
// current source, and gives the tests a Redis: the one TEST_REDIS_URL names, else a redis-server of their own on a
// free port, stopped after the run. It also trains the shipped content's intent models once, into the model caches
// the tests read (the temporary folder's and ./data/models), so that no test file trains them again.
import { access } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { loadSnapshot, modelCacheDirIn } from '../src/knowledge/index.js';
import { buildWeb } from '../scripts/build-web.js';
import { CHROMIUM } from './e2e/browser.js';
import { startRedisServer } from './support/redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await access(CHROMIUM).catch(() => {
    throw new Error(`the browser tests need Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  });
  await buildWeb();
  const projectRoot = new URL('../', import.meta.url).pathname;
  await loadSnapshot(projectRoot);
  await loadSnapshot(projectRoot, { modelCacheDir: modelCacheDirIn('./data') });
  const given = process.env.TEST_REDIS_URL;
  const redis = given ? undefined : await startRedisServer();
  project.provide('redisUrl', given ?? redis!.url);
  if (redis) console.log(`tests use their own redis-server at ${redis.url}`);
  return async () => redis?.stop();
}
