import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveAgent } from '../../src/handoff/agents.js';
import type { Ack, ConversationSummary, Message, StatusEvent } from '../../src/shared/protocol.js';
import { startTestServer, until } from '../helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let dataDir: string;
const sockets: Socket[] = [];
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-agents-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en', 'es'], role: 'agent', password: PASSWORD });
  await saveAgent(dataDir, { email: 'bo@shop.example', name: 'Bo', languages: ['ja'], role: 'agent', password: PASSWORD });
  await saveAgent(dataDir, { email: 'ops@shop.example', name: 'Ops', languages: ['en'], role: 'operator', password: PASSWORD });
  server = await startTestServer({ DATA_DIR: dataDir, AGENT_GRACE_SECONDS: '1', SHOPPER_MESSAGES_PER_MINUTE: '0' });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  // Let the grace period of disconnected agents pass, so tests start from an empty desk.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

const login = async (email: string, password = PASSWORD) =>
  fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

async function agent(email: string) {
  const { token, agent: profile } = (await (await login(email)).json()) as { token: string; agent: { id: string } };
  const socket = connect(`${server.url}/agent`, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  sockets.push(socket);
  const state = { socket, token, id: profile.id, queue: [] as ConversationSummary[], messages: [] as Message[] };
  socket.on('queue', (queue: ConversationSummary[]) => (state.queue = queue));
  socket.on('message', (message: Message) => state.messages.push(message));
  await new Promise((resolve, reject) => {
    socket.once('queue', resolve);
    socket.once('connect_error', reject);
  });
  return state;
}

async function shopper(locale = 'en-US') {
  const socket = connect(`${server.url}/shopper`, { transports: ['websocket'], auth: { locale }, forceNew: true, reconnection: false });
  sockets.push(socket);
  const state = { socket, conversationId: '', messages: [] as Message[], statuses: [] as StatusEvent[] };
  socket.on('message', (message: Message) => state.messages.push(message));
  socket.on('status', (status: StatusEvent) => state.statuses.push(status));
  state.conversationId = (await new Promise<{ conversationId: string }>((resolve) => socket.once('session', resolve))).conversationId;
  return state;
}

const say = (socket: Socket, text: string) => socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID() });
const act = (socket: Socket, event: string, payload: object) => socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack<Record<string, unknown>>>;

describe('agent sign-in', () => {
  it('refuses a wrong password and accepts the right one; logout ends the session', async () => {
    expect((await login('ana@shop.example', 'wrong password!')).status).toBe(401);
    expect((await login('nobody@shop.example')).status).toBe(401);
    const { token } = (await (await login('ana@shop.example')).json()) as { token: string };
    const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me.json()).agent).toMatchObject({ email: 'ana@shop.example', languages: ['en', 'es'] });
    expect((await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
    expect((await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('refuses an agent socket without a valid token', async () => {
    const socket = connect(`${server.url}/agent`, { transports: ['websocket'], auth: { token: 'made-up-token' }, forceNew: true, reconnection: false });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toMatch(/expired or does not exist/);
  });
});

describe('hand-off to an agent', () => {
  it('queues, claims, talks both ways, keeps notes internal, hands back to the bot', async () => {
    const ana = await agent('ana@shop.example');
    const customer = await shopper();
    await say(customer.socket, 'I want to talk to a real person');
    const queued = await until(() => customer.statuses.find((status) => status.status === 'queued' && status.queuePosition));
    expect(queued).toMatchObject({ queuePosition: 1, estimatedWaitSeconds: expect.any(Number) });
    const summary = await until(() => ana.queue.find((entry) => entry.id === customer.conversationId));
    expect(summary).toMatchObject({ status: 'queued', language: 'en', intent: 'human_agent', unread: 1 });

    const claimed = await act(ana.socket, 'claim', { conversationId: customer.conversationId });
    expect(claimed.ok).toBe(true);
    const history = (claimed as unknown as { history: Message[] }).history;
    expect(history.map((message) => message.author)).toEqual(['shopper', 'bot', 'system']);
    expect(history[0]!.understanding).toMatchObject({ language: 'en', intent: 'human_agent' });
    await until(() => customer.statuses.find((status) => status.status === 'assigned'));

    const shopperSeesTyping = new Promise((resolve) => customer.socket.once('typing', resolve));
    expect(await act(ana.socket, 'typing', { conversationId: customer.conversationId, typing: true })).toEqual({ ok: true });
    expect(await shopperSeesTyping).toEqual({ typing: true });
    expect(await act(ana.socket, 'message', { conversationId: customer.conversationId, text: 'Hi, I am Ana. How can I help?' })).toMatchObject({ ok: true });
    await until(() => customer.messages.find((message) => message.author === 'agent'));
    const botRepliesBefore = customer.messages.filter((message) => message.author === 'bot').length;
    await say(customer.socket, 'my parcel is late');
    await until(() => ana.messages.find((message) => message.author === 'shopper' && message.text === 'my parcel is late'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(customer.messages.filter((message) => message.author === 'bot')).toHaveLength(botRepliesBefore); // the bot stays silent

    expect(await act(ana.socket, 'note', { conversationId: customer.conversationId, text: 'asked twice already' })).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(customer.messages.some((message) => message.text === 'asked twice already')).toBe(false);

    expect(await act(ana.socket, 'release', { conversationId: customer.conversationId })).toEqual({ ok: true });
    await until(() => customer.statuses.find((status) => status.status === 'bot'));
    await say(customer.socket, 'do you accept paypal?');
    await until(() => customer.messages.filter((message) => message.author === 'bot').length > botRepliesBefore);
  });

  it('sends a canned reply in the shopper language', async () => {
    const ana = await agent('ana@shop.example');
    const customer = await shopper('ja-JP');
    await say(customer.socket, '担当者と話したいです');
    await until(() => ana.queue.find((entry) => entry.id === customer.conversationId));
    await act(ana.socket, 'claim', { conversationId: customer.conversationId });
    const canned = await fetch(`${server.url}/api/v1/agent/canned-replies?language=ja`, { headers: { authorization: `Bearer ${ana.token}` } });
    const { replies } = (await canned.json()) as { replies: { id: string; text: string; shopperText: string }[] };
    const returns = replies.find((reply) => reply.id === 'return_request')!;
    expect(returns.text).toMatch(/return/i); // Ana reads it in English …
    expect(returns.shopperText).toMatch(/[\u3040-\u30ff]/); // … the shopper gets Japanese
    await act(ana.socket, 'message', { conversationId: customer.conversationId, templateId: 'return_request' });
    const received = await until(() => customer.messages.find((message) => message.author === 'agent'));
    expect(received.text).toBe(returns.shopperText);
  });

  it('lets one of two agents claiming at once win, and keeps others out of it', async () => {
    const ana = await agent('ana@shop.example');
    const bo = await agent('bo@shop.example');
    const customer = await shopper();
    await say(customer.socket, 'I need a human please');
    await until(() => ana.queue.find((entry) => entry.id === customer.conversationId));
    const results = await Promise.all([
      act(ana.socket, 'claim', { conversationId: customer.conversationId }),
      act(bo.socket, 'claim', { conversationId: customer.conversationId }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const loser = results.find((result) => !result.ok)!;
    expect(loser).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'another agent has already claimed this conversation' } });
    const outsider = results[0]!.ok ? bo : ana;
    for (const event of ['release', 'resolve']) {
      expect(await act(outsider.socket, event, { conversationId: customer.conversationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await act(outsider.socket, 'message', { conversationId: customer.conversationId, text: 'hello' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await act(outsider.socket, 'claim', { conversationId: 'no-such-conversation' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await act(outsider.socket, 'message', { conversationId: customer.conversationId })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('resolves (the shopper can then rate) and transfers', async () => {
    const ana = await agent('ana@shop.example');
    const bo = await agent('bo@shop.example');
    const first = await shopper();
    await say(first.socket, 'let me speak to an operator');
    await until(() => ana.queue.find((entry) => entry.id === first.conversationId));
    await act(ana.socket, 'claim', { conversationId: first.conversationId });
    expect(await act(ana.socket, 'transfer', { conversationId: first.conversationId, agentId: bo.id })).toEqual({ ok: true });
    await until(() => bo.queue.find((entry) => entry.id === first.conversationId && entry.assignedTo === bo.id));
    expect(await act(bo.socket, 'resolve', { conversationId: first.conversationId })).toEqual({ ok: true });
    await until(() => first.statuses.find((status) => status.status === 'closed'));
    expect(await first.socket.timeout(5000).emitWithAck('rating', { score: 5 })).toEqual({ ok: true });
    const response = await fetch(`${server.url}/api/v1/admin/audit`, { headers: { authorization: 'Bearer test-operator-token-0123456789' } });
    const { entries } = (await response.json()) as { entries: { action: string; agentId: string; conversationId?: string }[] };
    const forConversation = entries.filter((entry) => entry.conversationId === first.conversationId);
    expect(forConversation.map((entry) => entry.action)).toEqual(['resolve', 'transfer', 'claim']);
    expect(forConversation.map((entry) => entry.agentId)).toEqual([bo.id, ana.id, ana.id]);
  });

  it('gives the conversation back to the queue when its agent does not return within the grace period', async () => {
    const ana = await agent('ana@shop.example');
    const customer = await shopper();
    await say(customer.socket, 'human agent please');
    await until(() => ana.queue.find((entry) => entry.id === customer.conversationId));
    await act(ana.socket, 'claim', { conversationId: customer.conversationId });
    ana.socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await server.app.store.getConversation(customer.conversationId))!.status).toBe('queued');
  });

  it('asks for an e-mail address when nobody is online, and shows it to agents later', async () => {
    const customer = await shopper();
    await say(customer.socket, 'I want to talk to a real person');
    const reply = await until(() => customer.messages.find((message) => message.author === 'bot'));
    expect(reply.text).toMatch(/e-mail/);
    await say(customer.socket, 'sure, it is ana.perez@example.com, my order never came');
    const confirmation = await until(() => customer.messages.find((message) => message.author === 'system'));
    expect(confirmation.text).toContain('ana.perez@example.com');
    const ana = await agent('ana@shop.example');
    const summary = await until(() => ana.queue.find((entry) => entry.id === customer.conversationId));
    expect(summary).toMatchObject({ contactEmail: 'ana.perez@example.com', unread: 2 });
  });

  it('shows the store analytics to operators only', async () => {
    const ana = await agent('ana@shop.example');
    const customer = await shopper();
    await say(customer.socket, 'I want to talk to a real person');
    await until(() => ana.queue.find((entry) => entry.id === customer.conversationId));
    await act(ana.socket, 'claim', { conversationId: customer.conversationId });
    await act(ana.socket, 'message', { conversationId: customer.conversationId, text: 'Hello!' });
    await act(ana.socket, 'resolve', { conversationId: customer.conversationId });
    await customer.socket.timeout(5000).emitWithAck('rating', { score: 4 });
    const asAgent = await fetch(`${server.url}/api/v1/admin/analytics`, { headers: { authorization: `Bearer ${ana.token}` } });
    expect(asAgent.status).toBe(401);
    const { token } = (await (await login('ops@shop.example')).json()) as { token: string };
    const analytics = await (await fetch(`${server.url}/api/v1/admin/analytics`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(analytics.conversations).toBeGreaterThan(0);
    expect(analytics.handoffRate).toBeGreaterThan(0);
    expect(analytics.handoffsByIntent.human_agent.handoffs).toBeGreaterThan(0);
    expect(analytics.averageWaitSeconds).toBeGreaterThanOrEqual(0);
    expect(analytics.averageFirstResponseSeconds).toBeGreaterThanOrEqual(0);
    expect(analytics.ratingAverage).toBeGreaterThan(0);
  });
});
