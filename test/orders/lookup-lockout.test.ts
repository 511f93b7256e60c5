// Order look-up lockouts that hold: wrong number-and-e-mail tries count per order number, per e-mail and per address
// across conversations (and nodes: they live in the store). With the memory store and with Redis.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/shared/protocol.js';
import { openShopper, removeRedisKeys, startTestServer, TEST_REDIS_URL, until } from '../helpers.js';

const prefixes: string[] = [];
afterAll(() => removeRedisKeys(prefixes));

const redisEnv = () => {
  const prefix = `borderless-test:${randomUUID()}:`;
  prefixes.push(prefix);
  return { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
};

const NO_MATCH = "couldn't match";
const PAUSED = 'paused order look-ups';

describe.each([
  ['memory', () => ({})],
  ['redis', redisEnv],
])('order look-up lockouts with the %s store', (_name, env) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const sockets: Socket[] = [];

  // A server per test: each starts with no failures counted for its address.
  beforeEach(async () => {
    server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '0', NEW_CONVERSATIONS_PER_IP_PER_MINUTE: '0', ...env() });
  }, 60_000);
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await server.close();
  });

  /** A new conversation that asks one thing and returns the bot's answer. */
  async function askInNewConversation(text: string): Promise<string> {
    const shopper = await openShopper(server.url, sockets, { locale: 'en-US' });
    expect(await shopper.socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID() })).toMatchObject({ ok: true });
    const reply = await until(() => shopper.messages.find((message: Message) => message.author === 'bot'), 5000);
    shopper.socket.disconnect();
    return reply.text;
  }

  it('pauses look-ups of one order after wrong e-mails from ten new conversations, even with the right e-mail', async () => {
    const answers: string[] = [];
    for (let guess = 0; guess < 10; guess += 1) answers.push(await askInNewConversation(`where is my order 100234? my e-mail is guess${guess}@example.com`));
    expect(answers.slice(0, 5).every((answer) => answer.includes(NO_MATCH))).toBe(true);
    expect(answers.slice(5).every((answer) => answer.includes(PAUSED))).toBe(true);
    const right = await askInNewConversation('where is my order 100234? my e-mail is emma.johnson@example.com');
    expect(right).toContain(PAUSED);
    expect(right).not.toContain('UPS');
    // Another order of the same shopper, from the same address, is still answered.
    expect(await askInNewConversation('where is my order 100198? my e-mail is emma.johnson@example.com')).not.toContain(PAUSED);
  });

  it('pauses look-ups with one e-mail after it was tried on ten order numbers', async () => {
    for (let number = 100100; number < 100110; number += 1) {
      expect(await askInNewConversation(`where is my order ${number}? my e-mail is emma.johnson@example.com`)).toContain(NO_MATCH);
    }
    const right = await askInNewConversation('where is my order 100234? my e-mail is emma.johnson@example.com');
    expect(right).toContain(PAUSED);
    expect(right).not.toContain('UPS');
  });

  it('pauses look-ups from one address after twenty wrong tries, whatever the order and e-mail', async () => {
    let attempt = 0;
    for (let conversation = 0; conversation < 4; conversation += 1) {
      const shopper = await openShopper(server.url, sockets, { locale: 'en-US' });
      for (let inConversation = 0; inConversation < 5; inConversation += 1) {
        attempt += 1;
        const before = shopper.messages.length;
        await shopper.socket
          .timeout(5000)
          .emitWithAck('message', { text: `where is my order ${100300 + attempt}? my e-mail is someone${attempt}@example.com`, clientMessageId: randomUUID() });
        await until(() => shopper.messages.slice(before).find((message) => message.author === 'bot'), 5000);
      }
    }
    expect(await askInNewConversation('where is my order 100234? my e-mail is emma.johnson@example.com')).toContain(PAUSED);
  });
});
