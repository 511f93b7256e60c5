import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/shared/protocol.js';
import { openShopper, removeRedisKeys, startTestServer, TEST_REDIS_URL, until, type Shopper as OpenShopper } from '../helpers.js';

const OPERATOR_TOKEN = 'test-operator-token-0123456789';
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
])('privacy API with the %s store', (_name, env) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer(env());
  });
  afterAll(() => server.close());
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  type Shopper = OpenShopper & {
    /** Why the server closed the socket, once it has. */
    disconnectReason(): string | undefined;
  };

  async function shopper(auth: Record<string, unknown> = {}): Promise<Shopper> {
    const opened = await openShopper(server.url, sockets, auth);
    let reason: string | undefined;
    opened.socket.once('disconnect', (why) => (reason = why));
    return { ...opened, disconnectReason: () => reason };
  }

  /** A shopper who asked about an order and got the bot's answer. */
  async function shopperWithAnswer(): Promise<Shopper> {
    const chat = await shopper();
    await chat.socket.timeout(5000).emitWithAck('message', { text: 'where is my order 100234?', clientMessageId: randomUUID() });
    await until(() => chat.messages.find((message) => message.author === 'bot'));
    return chat;
  }

  /** Marks a conversation as a verified customer's, as the identity check does. */
  async function verify(conversationId: string, customerId: string, contactEmail?: string) {
    const record = (await server.app.store.getConversation(conversationId))!;
    await server.app.store.saveConversation({ ...record, customerId, ...(contactEmail ? { contactEmail } : {}) });
  }

  const call = (method: 'GET' | 'DELETE', url: string, token: string | null = OPERATOR_TOKEN) =>
    server.app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const exportOf = (query: string) => call('GET', `/api/v1/privacy/export?${query}`);
  const deleteOf = (query: string) => call('DELETE', `/api/v1/privacy/data?${query}`);

  it('refuses both routes without the operator token, and deletes nothing', async () => {
    const { session } = await shopperWithAnswer();
    for (const token of [null, 'not-the-operator-token']) {
      const exported = await call('GET', `/api/v1/privacy/export?conversationId=${session.conversationId}`, token);
      expect(exported.statusCode).toBe(401);
      expect(exported.json().error.code).toBe('unauthorized');
      expect((await call('DELETE', `/api/v1/privacy/data?conversationId=${session.conversationId}`, token)).statusCode).toBe(401);
    }
    expect(await server.app.store.getConversation(session.conversationId)).toBeDefined();
  });

  it('explains a request that names neither, both, or something else', async () => {
    for (const query of ['', 'customerId=c1&conversationId=x', 'customerId=']) {
      const response = await deleteOf(query);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_payload');
    }
    expect((await exportOf('')).json().error.message).toBe('give exactly one of customerId or conversationId');
    expect((await exportOf('email=ana@example.com')).json().error.message).toBe('unknown parameter email: give customerId or conversationId');
  });

  it('answers 404 when nothing matches', async () => {
    for (const query of [`conversationId=${randomUUID()}`, `customerId=nobody-${randomUUID()}`]) {
      expect((await exportOf(query)).statusCode).toBe(404);
      const response = await deleteOf(query);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('exports a conversation with its messages, without the token hash', async () => {
    const { session } = await shopperWithAnswer();
    const response = await exportOf(`conversationId=${session.conversationId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const [item, ...others] = response.json().conversations;
    expect(others).toEqual([]);
    expect(item.conversation).toMatchObject({ id: session.conversationId, status: 'bot' });
    expect(item.conversation).not.toHaveProperty('tokenHash');
    expect(JSON.stringify(response.json())).not.toContain((await server.app.store.getConversation(session.conversationId))!.tokenHash);
    expect(item.messages.map((message: Message) => message.author)).toEqual(['shopper', 'bot']);
    expect(item.messages[0].text).toBe('where is my order 100234?');
    expect(item.messages[1].text).toContain('100234');
  });

  it("exports every conversation of a verified customer with the e-mail left for agents, and no one else's", async () => {
    const customerId = `cust-${randomUUID()}`;
    const [first, second, stranger] = await Promise.all([shopperWithAnswer(), shopperWithAnswer(), shopperWithAnswer()]);
    await verify(first.session.conversationId, customerId, 'ana@example.com');
    await verify(second.session.conversationId, customerId);
    await verify(stranger.session.conversationId, `cust-${randomUUID()}`);
    const { conversations } = (await exportOf(`customerId=${customerId}`)).json();
    expect(conversations.map((item: { conversation: { id: string } }) => item.conversation.id).sort()).toEqual(
      [first.session.conversationId, second.session.conversationId].sort(),
    );
    expect(
      conversations.find((item: { conversation: { id: string } }) => item.conversation.id === first.session.conversationId).conversation.contactEmail,
    ).toBe('ana@example.com');
    for (const item of conversations) expect(item.messages.length).toBeGreaterThanOrEqual(2);
  });

  it('deletes a conversation: its widget is disconnected and the old token starts a fresh conversation', async () => {
    const chat = await shopperWithAnswer();
    const { conversationId, token } = chat.session;
    await verify(conversationId, `cust-${randomUUID()}`, 'ana@example.com');
    const stored = (await server.app.store.listMessages(conversationId)).length;

    const response = await deleteOf(`conversationId=${conversationId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ deleted: { conversations: 1, messages: stored } });
    expect(await until(chat.disconnectReason)).toBe('io server disconnect');

    expect((await exportOf(`conversationId=${conversationId}`)).statusCode).toBe(404);
    expect(await server.app.store.listMessages(conversationId)).toEqual([]);
    const resumed = await shopper({ token });
    expect(resumed.session.conversationId).not.toBe(conversationId);
    expect(resumed.session.token).not.toBe(token);
    expect(resumed.history).toEqual([]);

    const entries = (await call('GET', '/api/v1/admin/audit?limit=5')).json().entries;
    const entry = entries.find((candidate: { action: string }) => candidate.action === 'privacy-delete');
    expect(entry).toMatchObject({ agentId: 'operator', detail: { by: 'conversationId', conversations: 1, messages: stored } });
    expect(JSON.stringify(entries)).not.toContain(conversationId);
    expect(JSON.stringify(entries)).not.toContain('ana@example.com');
  });

  it("deletes every conversation of a customer and leaves other shoppers' alone", async () => {
    const customerId = `cust-${randomUUID()}`;
    const [first, second, stranger] = await Promise.all([shopperWithAnswer(), shopperWithAnswer(), shopperWithAnswer()]);
    await verify(first.session.conversationId, customerId);
    await verify(second.session.conversationId, customerId);

    const { deleted } = (await deleteOf(`customerId=${customerId}`)).json();
    expect(deleted.conversations).toBe(2);
    expect(deleted.messages).toBeGreaterThanOrEqual(4);
    expect((await exportOf(`customerId=${customerId}`)).statusCode).toBe(404);
    expect(await server.app.store.getConversation(first.session.conversationId)).toBeUndefined();
    expect(await server.app.store.getConversation(second.session.conversationId)).toBeUndefined();
    expect(await server.app.store.listMessages(stranger.session.conversationId)).not.toEqual([]);
    expect(stranger.socket.connected).toBe(true);
  });
});
