// One message must not hold the server: every regex in the source is linear, and any message up to the maximum
// length, long runs without spaces included, is understood and answered in a few milliseconds of CPU.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/knowledge/index.js';
import { understand } from '../../src/pipeline/index.js';
import { MAX_MESSAGE_LENGTH } from '../../src/pipeline/normalize.js';
import { findEmails, replaceEmails } from '../../src/shared/patterns.js';
import { maskPersonalData } from '../../src/shared/privacy.js';
import type { Message } from '../../src/shared/protocol.js';
import { loadDefaultSnapshot, openShopper, projectRoot, startTestServer } from '../helpers.js';
import { auditRegexes, unexplainedRegexes } from './regex-audit.js';

/** CPU milliseconds `work` takes, the least of a few tries: CPU time, unlike wall time, barely moves on a busy machine. */
function cpuMs(work: () => unknown, tries = 3): number {
  let least = Infinity;
  for (let attempt = 0; attempt < tries; attempt++) {
    const before = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(before);
    least = Math.min(least, (user + system) / 1000);
  }
  return least;
}

/** 2,000 characters without a space, of the kinds that took 100–200 ms before the e-mail shapes were linear. */
const LONG_RUNS: Record<string, string> = {
  japanese: 'ご注文の商品はいつ届きますか配送状況を教えてください'.repeat(80).slice(0, MAX_MESSAGE_LENGTH),
  'Cyrillic without spaces': 'здравствуйтегдемойзаказпожалуйста'.repeat(70).slice(0, MAX_MESSAGE_LENGTH),
  ﬃ: 'ﬃ'.repeat(MAX_MESSAGE_LENGTH),
  'U+FDFA': '\uFDFA'.repeat(MAX_MESSAGE_LENGTH),
};

describe('regular expressions in the source', () => {
  it('are all linear: safe-regex2 passes each, or a comment above it says why it is linear', () => {
    expect(auditRegexes(path.join(projectRoot, 'src'))).toEqual([]);
  });

  it('are caught when nested or built at run time without a word on why they are linear', () => {
    const source = [
      'const nested = /^(a+)+$/;',
      'const built = new RegExp(name);',
      '// linear: built from a literal the check has seen.',
      'const explained = new RegExp(other);',
      'const fine = /^[a-z]+$/;',
    ].join('\n');
    expect(unexplainedRegexes('example.ts', source)).toEqual([
      { where: 'example.ts:1', pattern: '^(a+)+$', reason: 'refused by safe-regex2' },
      { where: 'example.ts:2', pattern: 'new RegExp(name)', reason: 'built at run time' },
    ]);
  });
});

describe('e-mail addresses in text', () => {
  it('are found in Latin and in unspaced Japanese text, and masked', () => {
    expect(findEmails('mail ana.perez+shop@example.com or bo@mail.example.co.uk.').map((found) => found.email)).toEqual([
      'ana.perez+shop@example.com',
      'bo@mail.example.co.uk',
    ]);
    expect(findEmails('メールはtaro@example.jpです').map((found) => found.email)).toEqual(['メールはtaro@example.jpです']);
    expect(maskPersonalData('write to x@y.com, not a@b')).toBe('write to <email>, not a@b');
    expect(replaceEmails('no address here', '<email>')).toBe('no address here');
  });

  it('never overlap when one address runs into the next', () => {
    expect(findEmails('a@b.comx@c.org').map((found) => found.email)).toEqual(['a@b.comx']);
  });
});

describe('understanding a message', () => {
  let snapshot: Snapshot;
  beforeAll(async () => {
    snapshot = await loadDefaultSnapshot();
    understand(snapshot, 'warm up where is my order 100234 ana@example.com');
  });

  it('takes a few milliseconds of CPU for 2,000 characters without a space', () => {
    for (const [name, text] of Object.entries(LONG_RUNS)) {
      expect(
        cpuMs(() => understand(snapshot, text)),
        `${name}: CPU ms`,
      ).toBeLessThanOrEqual(15);
    }
  });

  it('takes a few milliseconds of CPU for any message up to the maximum length (fuzzed)', () => {
    // Runs of one character make the long unspaced stretches that are slow for a quadratic pattern; the alphabet
    // mixes the scripts, the expanding compatibility characters and what e-mail, number and tracking shapes read.
    const alphabet = [
      'a',
      'Z',
      '1',
      '٣',
      '@',
      '.',
      '-',
      '_',
      '+',
      '#',
      ' ',
      '\n',
      'é',
      'ß',
      'д',
      'Я',
      'ع',
      'ー',
      '注',
      'あ',
      'ア',
      'ﬃ',
      '\uFDFA',
      '①',
      '😀',
      '\u200B',
    ];
    const run = fc
      .record({ char: fc.constantFrom(...alphabet), length: fc.integer({ min: 1, max: MAX_MESSAGE_LENGTH }) })
      .map(({ char, length }) => char.repeat(length));
    const mixed = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: MAX_MESSAGE_LENGTH });
    const message = fc
      .array(fc.oneof(run, mixed), { minLength: 1, maxLength: 6 })
      .map((parts) => [...parts.join('')].slice(0, MAX_MESSAGE_LENGTH).join('').trim() || 'a');
    fc.assert(
      fc.property(message, (text) => {
        return cpuMs(() => understand(snapshot, text)) <= 15;
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });
});

describe('answering a long message end to end', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server.close();
  });

  /** CPU milliseconds of this process (server and client) from sending the message to the bot's reply. */
  async function answerCpuMs(text: string): Promise<number> {
    const shopper = await openShopper(server.url, sockets);
    const replied = new Promise<Message>((resolve) => shopper.socket.on('message', (message: Message) => message.author === 'bot' && resolve(message)));
    const before = process.cpuUsage();
    const ack = await shopper.socket.timeout(10_000).emitWithAck('message', { text, clientMessageId: randomUUID() });
    await replied;
    const { user, system } = process.cpuUsage(before);
    expect(ack).toMatchObject({ ok: true });
    shopper.socket.disconnect();
    return (user + system) / 1000;
  }

  it('answers 2,000 characters of Japanese, Cyrillic without spaces, ﬃ or U+FDFA in under 50 ms each', async () => {
    await answerCpuMs('hello, where is my order?');
    for (const [name, text] of Object.entries(LONG_RUNS)) {
      const ms = Math.min(await answerCpuMs(text), await answerCpuMs(text));
      expect(ms, `${name}: CPU ms`).toBeLessThan(50);
    }
  });
});
