import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContentDir, projectRoot, tinyContent } from '../helpers.js';

const run = promisify(execFile);

/** Runs the CLI from source, as `npx borderless` runs it from the build. */
async function borderless(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const child = run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', ...options.env },
  });
  if (options.input !== undefined) {
    child.child.stdin!.end(options.input);
  }
  try {
    const { stdout, stderr } = await child;
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

describe('borderless check', () => {
  it('passes the default content', async () => {
    const { code, stdout } = await borderless(['check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/content is valid: 0 error\(s\)/);
  });

  it('exits 1 with file:line:col lines for broken content', async () => {
    const content = await makeContentDir({ ...tinyContent(), 'templates/en/replies.json': '{ "greeting": { "variants": ["hi"] }, }' });
    cleanup = content.cleanup;
    const { code, stdout } = await borderless(['check'], { env: { CONTENT_DIR: content.dir } });
    expect(code).toBe(1);
    expect(stdout).toContain('templates/en/replies.json:1:39 invalid JSON: PropertyNameExpected');
    expect(stdout).toMatch(/content has errors: \d+ error\(s\)/);
  });
});

describe('borderless try', () => {
  it('shows the reply with language, intent and rule', async () => {
    const { code, stdout } = await borderless(['try', 'wo ist mein Paket 100234']);
    expect(code).toBe(0);
    expect(stdout).toContain('100234');
    expect(stdout).toMatch(/language\s+de/);
    expect(stdout).toMatch(/intent\s+order_status/);
    expect(stdout).toMatch(/rule\s+\(none\) → ask/);
    expect(stdout).toMatch(/flow\s+order_status: ask, waiting for email/);
  });

  it('prints the full result as JSON with --json, in a given language', async () => {
    const { stdout } = await borderless(['try', 'ok', '--lang', 'it', '--json']);
    expect(JSON.parse(stdout).language).toMatchObject({ language: 'it', source: 'given' });
  });
});

describe('borderless classify', () => {
  it('writes one JSON line per input line, in order, with the contract fields', async () => {
    const input = ['{"text": "hello"}', '{"text": "je veux retourner ma robe", "id": 7}', 'not json', '{"text": "ok", "hint": "es-ES"}'].join('\n');
    const { code, stdout } = await borderless(['classify'], { input });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(Object.keys(lines[0])).toEqual(['text', 'language', 'languageConfidence', 'intent', 'confidence', 'confident', 'alternatives', 'entities']);
    expect(lines[0]).toMatchObject({ text: 'hello', language: 'en', intent: 'greeting', confident: true });
    expect(lines[1]).toMatchObject({ language: 'fr', intent: 'return_request' });
    expect(lines[2]).toMatchObject({ text: null, error: expect.any(String) });
    expect(lines[3].language).toBe('es');
  });
});

describe('borderless test', () => {
  it('prints the step, the expected and the actual reply of a failing test, and exits 1', async () => {
    const content = await makeContentDir({
      'failing.json': { tests: [{ name: 'greets back', steps: [{ say: 'hello there', expect: { intent: 'greeting', reply: 'goodbye' } }] }] },
    });
    cleanup = content.cleanup;
    const { code, stdout } = await borderless(['test', `${content.dir}/failing.json`]);
    expect(code).toBe(1);
    expect(stdout).toContain('✗');
    expect(stdout).toContain('greets back › step 1: the shopper says "hello there"');
    expect(stdout).toContain('expected  intent "greeting", reply "goodbye"');
    expect(stdout).toMatch(/actual {4}language "en", intent "greeting" \([\d.]+\), rule "answer-greeting" → reply "greeting"/);
    expect(stdout).toMatch(/reply {5}"/);
    expect(stdout).toContain('1 conversation tests (1 steps) in 1 files: 0 passed, 1 failed');
  });

  it('passes the default conversation tests', async () => {
    const { code, stdout } = await borderless(['test']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/in \d+ files: (\d+) passed, 0 failed/);
  });
});

describe('borderless chat', () => {
  it('answers each line and shows language, intent, confidence and rule; a number picks a quick reply', async () => {
    const { code, stdout } = await borderless(['chat'], { input: 'hola\n4\n/quit\n' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/bot › ¡Hola!/);
    expect(stdout).toMatch(/language es · intent greeting 1\.00/);
    expect(stdout).toContain('rule answer-greeting → reply greeting');
    expect(stdout).toContain('rule asks-for-a-person → handoff handoff.requested');
  });

  it('carries the conversation from line to line and lists the cancellation it would ask for without asking it', async () => {
    const { code, stdout } = await borderless(['chat'], { input: 'please cancel my order 100251, my email is emma.johnson@example.com\nyes\n/quit\n' });
    expect(code).toBe(0);
    expect(stdout).toContain('Shall I cancel it?');
    expect(stdout).toContain('flow cancel_order: ask');
    expect(stdout).toContain('Done: order #100251 is cancelled.');
    expect(stdout).toMatch(/effects request_cancellation \{"orderNumber":"100251"\} \(not performed; assumed done\)/);
  });
});
