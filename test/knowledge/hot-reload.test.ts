import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { makeContentDir, tinyContent } from '../helpers.js';

const OPERATOR_TOKEN = 'test-operator-token-0123456789';
let app: FastifyInstance;
let content: Awaited<ReturnType<typeof makeContentDir>>;
const rulesFile = () => path.join(content.dir, 'rules/answers.json');

beforeAll(async () => {
  content = await makeContentDir(tinyContent());
  app = await buildApp(loadConfig({ CONTENT_DIR: content.dir, LOG_LEVEL: 'silent', OPERATOR_TOKEN }));
});
afterAll(async () => {
  await app.close();
  await content.cleanup();
});

const answer = async (text: string) => {
  const response = await app.inject({ method: 'POST', url: '/api/v1/preview', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` }, payload: { text } });
  return response.json() as { rule: string; reply: { text: string } };
};
const status = async () => (await app.inject({ url: '/api/v1/admin/status', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json();

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

describe('hot reload of content', () => {
  it('serves an edited rule within 2 seconds', async () => {
    expect((await answer('hello there')).rule).toBe('hello');
    const rules = JSON.parse(await readFile(rulesFile(), 'utf8'));
    rules.rules[1].name = 'hello-asks-back';
    rules.rules[1].event.params.template = 'clarify';
    await writeFile(rulesFile(), JSON.stringify(rules, null, 2));
    const elapsed = await waitFor(async () => (await answer('hello there')).rule === 'hello-asks-back', 2000);
    expect(elapsed).toBeLessThan(2000);
    expect((await answer('hello there')).reply.text).toBe('Sorry?');
  });

  it('keeps the last good content serving after a broken edit and shows the error', async () => {
    const before = await answer('hello there');
    const good = await readFile(rulesFile(), 'utf8');
    await writeFile(rulesFile(), '{ "rules": [ { "name": "broken", } ] }');
    await waitFor(async () => (await status()).lastReload?.ok === false, 2000);
    const { lastReload } = await status();
    expect(lastReload.problems).toContain('rules/answers.json:1:34 invalid JSON: PropertyNameExpected');
    expect(await answer('hello there')).toEqual(before);

    await writeFile(rulesFile(), good);
    await waitFor(async () => (await status()).lastReload?.ok === true, 2000);
  });

  it('refuses the status endpoint without the operator token', async () => {
    expect((await app.inject('/api/v1/admin/status')).statusCode).toBe(401);
  });
});
