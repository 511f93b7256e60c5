// No message left unanswered: a message a node stored but never answered (it stopped in between) is answered once,
// when the widget resends it with the same clientMessageId, or when a node starts. Memory store and Redis.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/shared/protocol.js';
import { openShopper, removeRedisKeys, startTestServer, TEST_REDIS_URL, until } from '../helpers.js';

const prefixes: string[] = [];
afterAll(() => removeRedisKeys(prefixes));

const redisEnv = () => {
  const prefix = `borderless-test:${randomUUID()}:`;
  prefixes.push(prefix);
  return { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
};

type Server = Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** A conversation with one answered message, then one the "stopped" node stored and never answered. */
async function conversationWithUnanswered(server: Server) {
  const shopper = await openShopper(server.url, sockets, { locale: 'en-US' });
  await shopper.socket.timeout(5000).emitWithAck('message', { text: 'hello', clientMessageId: randomUUID() });
  await until(() => shopper.messages.find((message) => message.author === 'bot'), 5000);
  const clientMessageId = randomUUID();
  const conversationId = shopper.session.conversationId;
  const stored: Message = { id: randomUUID(), conversationId, author: 'shopper', text: 'do you ship to Canada?', createdAt: new Date().toISOString() };
  await server.app.store.appendMessage(stored, clientMessageId);
  return { shopper, conversationId, clientMessageId, stored };
}

const botRepliesAfter = async (server: Server, conversationId: string, messageId: string) => {
  const messages = await server.app.store.listMessages(conversationId);
  return messages.slice(messages.findIndex((message) => message.id === messageId) + 1).filter((message) => message.author === 'bot');
};

describe.each([
  ['memory', () => ({})],
  ['redis', redisEnv],
])('unanswered messages with the %s store', (_name, env) => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '0', ...env() });
  }, 60_000);
  afterAll(() => server.close());

  it('answers a resent message that was stored but never answered, once', async () => {
    const { shopper, conversationId, clientMessageId, stored } = await conversationWithUnanswered(server);
    const before = shopper.messages.length;
    const resend = () => shopper.socket.timeout(5000).emitWithAck('message', { text: stored.text, clientMessageId });
    expect(await resend()).toEqual({ ok: true, id: stored.id });
    const reply = await until(() => shopper.messages.slice(before).find((message) => message.author === 'bot'), 5000);
    expect(reply.text).toMatch(/ship|Canada/i);
    expect(await resend()).toEqual({ ok: true, id: stored.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await botRepliesAfter(server, conversationId, stored.id)).toHaveLength(1);
  });

  it('answers the unanswered messages of recent conversations when asked at start, once', async () => {
    const { conversationId, stored } = await conversationWithUnanswered(server);
    expect(await server.app.conversations.answerUnanswered({ withinMs: 60_000, limit: 100 })).toBeGreaterThanOrEqual(1);
    expect(await botRepliesAfter(server, conversationId, stored.id)).toHaveLength(1);
    expect(await server.app.conversations.answerUnanswered({ withinMs: 60_000, limit: 100 })).toBe(0);
    expect(await botRepliesAfter(server, conversationId, stored.id)).toHaveLength(1);
  });
});

describe('a node that starts on a shared Redis', () => {
  it('answers a message the stopped node stored and never answered', async () => {
    const env = redisEnv();
    const first = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '0', ...env });
    const { conversationId, stored } = await conversationWithUnanswered(first);
    for (const socket of sockets.splice(0)) socket.disconnect();
    await first.close();
    const second = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '0', ...env });
    try {
      const started = Date.now();
      while ((await botRepliesAfter(second, conversationId, stored.id)).length === 0 && Date.now() - started < 5000)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await botRepliesAfter(second, conversationId, stored.id)).toHaveLength(1);
    } finally {
      await second.close();
    }
  }, 60_000);
});
