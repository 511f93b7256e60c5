import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeOrder, orderContent } from '../care/fixtures.js';
import { makeContentDir, projectRoot } from '../helpers.js';

const run = promisify(execFile);

// Each run starts a process that loads and trains the content: allow for a busy machine.

async function borderless(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('borderless packages', () => {
  it('prints the inserts for {order, customer} with their reasons as a table', async () => {
    const folder = await makeContentDir({});
    cleanup = folder.cleanup;
    const file = path.join(folder.dir, 'order.json');
    const order = makeOrder({
      customer: { locale: 'de-DE', name: 'Jonas Weber' },
      items: [{ sku: 'VASE-1', title: 'Vase', quantity: 1, price: 60, fragile: true }],
    });
    await writeFile(file, JSON.stringify({ order, customer: { orderCount: 3 } }));

    const table = await borderless(['packages', file]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('order 100234, written in de');
    expect(table.stdout).toMatch(/^gift\s+A repeat customer \(this is their third order or more\) gets a small gift\. \(rule gift-for-repeat-customer\)$/m);
    expect(table.stdout).toContain('“Ein kleines Geschenk für Sie, Jonas – danke, dass Sie wieder bei uns bestellt haben!”');
    expect(table.stdout).toMatch(/^care_note\s+The order has fragile items/m);
  }, 60_000);

  it('prints JSON with --json for a bare order file', async () => {
    const folder = await makeContentDir({});
    cleanup = folder.cleanup;
    const file = path.join(folder.dir, 'order.json');
    const order = makeOrder({
      customer: { locale: 'de-DE', name: 'Jonas Weber' },
      items: [{ sku: 'VASE-1', title: 'Vase', quantity: 1, price: 60, fragile: true }],
    });
    await writeFile(file, JSON.stringify(order));
    const json = await borderless(['packages', file, '--json']);
    expect(json.code).toBe(0);
    const suggestion = JSON.parse(json.stdout);
    expect(suggestion.language).toBe('de');
    expect(suggestion.inserts.map((insert: { id: string }) => insert.id)).toEqual(['thank_you_card', 'care_note', 'review_card']);
  }, 60_000);

  it('says what is wrong with an order file', async () => {
    const folder = await makeContentDir({ 'order.json': { order: { number: '1' } } });
    cleanup = folder.cleanup;
    const result = await borderless(['packages', path.join(folder.dir, 'order.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/order\.json: order\.id: /);
  }, 60_000);
});

describe('borderless check on care and package rules', () => {
  it('exits 1 with file:line:col for a broken care rule file', async () => {
    const content = await makeContentDir({ ...orderContent(), 'care/orders.json': '{ "rules": [\n  { "name": "shipped" }\n' });
    cleanup = content.cleanup;
    const { code, stdout } = await borderless(['check'], { CONTENT_DIR: content.dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^care\/orders\.json:3:1 invalid JSON: /m);
  }, 60_000);
});
