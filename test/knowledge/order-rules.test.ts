import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadSnapshot } from '../../src/knowledge/index.js';
import { formatProblem } from '../../src/shared/errors.js';
import { makeOrder, orderContent } from '../care/fixtures.js';
import { makeContentDir } from '../helpers.js';

const OPERATOR_TOKEN = 'test-operator-token-0123456789';

let cleanup: (() => Promise<void>) | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await cleanup?.();
  cleanup = undefined;
});

async function problemsOf(files: Record<string, string | object>): Promise<string[]> {
  const content = await makeContentDir(files);
  cleanup = content.cleanup;
  const { snapshot, problems } = await loadSnapshot(content.dir);
  const errors = problems.filter((problem) => problem.severity === 'error').map(formatProblem);
  expect(!!snapshot).toBe(errors.length === 0);
  return errors;
}

describe('care and package rules in check', () => {
  it('accepts valid care and package rules', async () => {
    expect(await problemsOf(orderContent())).toEqual([]);
  });

  it('points at an unknown template with a suggestion', async () => {
    const files = orderContent();
    files['care/orders.json'] = JSON.stringify(files['care/orders.json'] as { rules: object[] }, null, 2).replace('"care.shipped"', '"care.shiped"');
    expect(await problemsOf(files)).toEqual(['care/orders.json:17:11 unknown template "care.shiped"; did you mean "care.shipped"?']);
  });

  it('points at broken JSON, a bad event and an unknown operator in their files', async () => {
    const files = orderContent();
    files['packages/inserts.json'] = '{ "rules": [ { "name": "card", } ] }';
    files['care/orders.json'] = {
      rules: [
        {
          name: 'shipped',
          conditions: { all: [{ fact: 'event', operator: 'equals', value: 'order.shipped' }] },
          event: { type: 'reply', params: { template: 'care.shipped' } },
        },
      ],
    };
    const problems = await problemsOf(files);
    expect(problems).toContain('packages/inserts.json:1:32 invalid JSON: PropertyNameExpected');
    expect(problems.some((problem) => /^care\/orders\.json:\d+:\d+ rules\[0\]\.event\.type: /.test(problem))).toBe(true);
  });

  it('lets order templates use the order values and the values their rules pass, and chat templates only the order values', async () => {
    const files = orderContent();
    files['templates/en/packages.json'] = {
      'packages.thank_you_card': { variants: ['Thank you, {firstName}! {discountCode}'] },
      'packages.cashback_card': { variants: ['{cashbackPercent}% back.'] },
    };
    files['templates/en/replies.json'] = {
      ...(files['templates/en/replies.json'] as object),
      greeting: { variants: ['Hello, {firstName}! {cashbackPercent}% back.'] },
    };
    const problems = await problemsOf(files);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^templates\/en\/packages\.json:\d+:\d+ the message uses \{discountCode\}, which no rule or fact provides/);
    expect(problems[1]).toMatch(/^templates\/en\/replies\.json:\d+:\d+ the message uses \{cashbackPercent\}/);
  });
});

describe('hot reload of package rules', () => {
  it('serves an edited package rule, and keeps the last good rules after a broken edit', async () => {
    const content = await makeContentDir(orderContent());
    cleanup = content.cleanup;
    app = await buildApp(loadConfig({ CONTENT_DIR: content.dir, LOG_LEVEL: 'silent', OPERATOR_TOKEN }));
    const inserts = async () => {
      const response = await app!.inject({
        method: 'POST',
        url: '/api/v1/package-suggestions',
        headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
        payload: { order: makeOrder({ customer: { orderCount: 2 } }) },
      });
      return (response.json() as { inserts: { id: string; text: string }[] }).inserts.map((insert) => insert.text);
    };
    const status = async () => (await app!.inject({ url: '/api/v1/admin/status', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json();
    const waitFor = async (check: () => Promise<boolean>) => {
      const started = Date.now();
      while (!(await check())) {
        if (Date.now() - started > 3000) throw new Error('not within 3 s');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    expect(await inserts()).toEqual(['Thank you!', '5% back on your next order.']);

    const file = path.join(content.dir, 'packages/inserts.json');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('"cashbackPercent": 5', '"cashbackPercent": 10'));
    await waitFor(async () => (await inserts()).includes('10% back on your next order.'));

    await writeFile(file, '{ "rules": [ { "name": "card", } ] }');
    await waitFor(async () => (await status()).lastReload?.ok === false);
    expect((await status()).lastReload.problems).toContain('packages/inserts.json:1:32 invalid JSON: PropertyNameExpected');
    expect(await inserts()).toEqual(['Thank you!', '10% back on your next order.']);
  });
});
