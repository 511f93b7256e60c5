// The lines a shopper reads when people join, hand over, hand back and close, in the conversation's language
// (not the page's), and what the agents see of the same moments.
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
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-lines-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en', 'es'], role: 'agent', password: PASSWORD });
  await saveAgent(dataDir, { email: 'bo@shop.example', name: 'Bo', languages: ['ja'], role: 'agent', password: PASSWORD });
  server = await startTestServer({ DATA_DIR: dataDir, SHOPPER_MESSAGES_PER_MINUTE: '0', AGENT_GRACE_SECONDS: '1' });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function agent(email: string) {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { token, agent: profile } = (await response.json()) as { token: string; agent: { id: string } };
  const socket = connect(`${server.url}/agent`, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  sockets.push(socket);
  const state = { socket, id: profile.id, queue: [] as ConversationSummary[], messages: [] as Message[] };
  socket.on('queue', (queue: ConversationSummary[]) => (state.queue = queue));
  socket.on('message', (message: Message) => state.messages.push(message));
  await new Promise((resolve) => socket.once('queue', resolve));
  return state;
}

/** A shopper on an English page who writes Japanese. */
async function shopper() {
  const socket = connect(`${server.url}/shopper`, { transports: ['websocket'], auth: { locale: 'en-US' }, forceNew: true, reconnection: false });
  sockets.push(socket);
  const state = { socket, conversationId: '', token: '', messages: [] as Message[], statuses: [] as StatusEvent[] };
  socket.on('message', (message: Message) => state.messages.push(message));
  socket.on('status', (status: StatusEvent) => state.statuses.push(status));
  Object.assign(state, await new Promise<{ conversationId: string; token: string }>((resolve) => socket.once('session', resolve)));
  return state;
}

const act = (socket: Socket, event: string, payload: object) => socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack<Record<string, unknown>>>;
const lines = (messages: Message[]) => messages.filter((message) => message.author === 'system').map((message) => message.text);

describe('system lines in the conversation language', () => {
  it('tells a Japanese shopper on an English page who joined, who took over, and that the bot is back, in Japanese', async () => {
    const ana = await agent('ana@shop.example');
    const bo = await agent('bo@shop.example');
    const customer = await shopper();
    await customer.socket.timeout(5000).emitWithAck('message', { text: '担当者と話したいです', clientMessageId: randomUUID() });

    const queued = await until(() => customer.statuses.find((status) => status.status === 'queued' && status.text));
    expect(queued.text).toMatch(/1番目/);

    await until(() => ana.queue.find((entry) => entry.id === customer.conversationId));
    expect(await act(ana.socket, 'claim', { conversationId: customer.conversationId })).toMatchObject({ ok: true });
    await until(() => lines(customer.messages).length === 1);
    expect(lines(customer.messages)).toEqual(['Anaがチャットに参加しました。']);

    await act(ana.socket, 'message', { conversationId: customer.conversationId, text: 'Hello!' });
    const reply = await until(() => customer.messages.find((message) => message.author === 'agent'));
    expect(reply).toMatchObject({ authorName: 'Ana' });
    expect(reply).not.toHaveProperty('agentId');

    expect(await act(ana.socket, 'transfer', { conversationId: customer.conversationId, agentId: bo.id })).toEqual({ ok: true });
    await until(() => lines(customer.messages).length === 2);
    expect(lines(customer.messages)[1]).toBe('ここからはBoが対応いたします。');

    expect(await act(bo.socket, 'release', { conversationId: customer.conversationId })).toEqual({ ok: true });
    await until(() => lines(customer.messages).length === 3);
    expect(lines(customer.messages)[2]).toBe('アシスタントとの会話に戻りました。');

    // The agents see the same moments in the log, told in what happened rather than in the shopper's words.
    const { history } = (await act(ana.socket, 'history', { conversationId: customer.conversationId })) as unknown as { history: Message[] };
    expect(history.filter((message) => message.author === 'system').map((message) => message.event)).toEqual([
      { kind: 'claimed', agentName: 'Ana' },
      { kind: 'transferred', agentName: 'Ana', toAgentName: 'Bo' },
      { kind: 'released', agentName: 'Bo' },
    ]);
    // Ana held it when the transfer happened: she saw it live.
    expect(ana.messages.filter((message) => message.author === 'system').map((message) => message.event?.kind)).toEqual(['claimed', 'transferred']);
  });

  it('closes in the conversation language and asks a returning widget for its rating until it is given', async () => {
    const ana = await agent('ana@shop.example');
    const customer = await shopper();
    await customer.socket.timeout(5000).emitWithAck('message', { text: '担当者と話したいです', clientMessageId: randomUUID() });
    await until(() => ana.queue.find((entry) => entry.id === customer.conversationId));
    await act(ana.socket, 'claim', { conversationId: customer.conversationId });
    await act(ana.socket, 'resolve', { conversationId: customer.conversationId });
    await until(() => lines(customer.messages).length === 2);
    expect(lines(customer.messages)[1]).toBe('この会話は終了しました。');

    const reopen = async () => {
      const socket = connect(`${server.url}/shopper`, { transports: ['websocket'], auth: { token: customer.token }, forceNew: true, reconnection: false });
      sockets.push(socket);
      return new Promise<{ status: string; awaitingRating?: boolean }>((resolve) => socket.once('session', resolve));
    };
    expect(await reopen()).toMatchObject({ status: 'closed', awaitingRating: true });
    expect(await customer.socket.timeout(5000).emitWithAck('rating', { score: 5 })).toEqual({ ok: true });
    expect(await reopen()).not.toHaveProperty('awaitingRating');
  });

  it('tells the shopper when the agent had to leave and the conversation is back in the queue', async () => {
    const ana = await agent('ana@shop.example');
    const customer = await shopper();
    await customer.socket.timeout(5000).emitWithAck('message', { text: 'I want to talk to a person please', clientMessageId: randomUUID() });
    await until(() => ana.queue.find((entry) => entry.id === customer.conversationId));
    await act(ana.socket, 'claim', { conversationId: customer.conversationId });
    ana.socket.disconnect();
    await until(() => lines(customer.messages).length === 2, 5000);
    expect(lines(customer.messages)).toEqual(['Ana joined the chat.', "Ana had to leave. You're back in line for the next person."]);
  });
});
