// A conversation flood: sessions nobody writes in store nothing, and one address starts only so many conversations a
// minute. With the memory store and with Redis.
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, SessionEvent } from '../../src/shared/protocol.js';
import { openShopper, removeRedisKeys, startTestServer, TEST_REDIS_URL } from '../helpers.js';

const prefixes: string[] = [];
afterAll(() => removeRedisKeys(prefixes));

const redisEnv = () => {
  const prefix = `borderless-test:${randomUUID()}:`;
  prefixes.push(prefix);
  return { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
};

describe.each([
  ['memory', () => ({})],
  ['redis', redisEnv],
])('a conversation flood with the %s store', (_name, env) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '0', NEW_CONVERSATIONS_PER_IP_PER_MINUTE: '3', ...env() });
  }, 60_000);
  afterAll(() => server.close());
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  const stored = async () => (await server.app.store.listRecentConversations(2000)).length;
  const send = (socket: Socket, text: string) =>
    socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID() }) as Promise<Ack<{ id: string }>>;

  /** A widget that opens its session and leaves without writing. */
  function emptySession(): Promise<SessionEvent> {
    const socket = connect(`${server.url}/shopper`, { transports: ['websocket'], reconnection: false, forceNew: true });
    return new Promise((resolve, reject) => {
      socket.once('session', (session: SessionEvent) => {
        socket.disconnect();
        resolve(session);
      });
      socket.once('connect_error', reject);
    });
  }

  it('stores nothing for 1,000 empty sessions from one address, each still given what the widget needs', async () => {
    const before = await stored();
    const sessions: SessionEvent[] = [];
    for (let batch = 0; batch < 20; batch += 1) sessions.push(...(await Promise.all(Array.from({ length: 50 }, emptySession))));
    expect(sessions).toHaveLength(1000);
    expect(new Set(sessions.map((session) => session.conversationId)).size).toBe(1000);
    expect(sessions[0]).toEqual({ conversationId: expect.any(String), token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), language: 'en', status: 'bot' });
    expect(await stored()).toBe(before);
    expect((await server.app.store.analyticsTotals()).conversations ?? 0).toBe(0);
  }, 120_000);

  it('stores a conversation on its first message, then resumes it by its token; past the limit an address starts no more', async () => {
    const first = await openShopper(server.url, sockets);
    expect(await server.app.store.getConversation(first.session.conversationId)).toBeUndefined();
    expect(await send(first.socket, 'hello')).toMatchObject({ ok: true });
    expect((await server.app.store.getConversation(first.session.conversationId))?.id).toBe(first.session.conversationId);
    const resumed = await openShopper(server.url, sockets, { token: first.session.token });
    expect(resumed.session.conversationId).toBe(first.session.conversationId);
    expect(resumed.history.map((message) => message.text)).toContain('hello');

    // A picture first: the optional start event stores the conversation the upload needs.
    const second = await openShopper(server.url, sockets);
    expect(await second.socket.timeout(5000).emitWithAck('start')).toEqual({ ok: true });
    expect(await server.app.store.getConversation(second.session.conversationId)).toBeDefined();
    await openShopper(server.url, sockets).then((third) => send(third.socket, 'hi'));

    const fourth = await openShopper(server.url, sockets);
    expect(await send(fourth.socket, 'hello?')).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await server.app.store.getConversation(fourth.session.conversationId)).toBeUndefined();
    // Conversations already started carry on.
    expect(await send(resumed.socket, 'are you there?')).toMatchObject({ ok: true });
  });
});
