// Two nodes sharing one Redis: a shopper on node A and an agent on node B talk as if on one server.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAgent } from '../../src/handoff/agents.js';
import type { Ack, ConversationSummary, Message, StatusEvent } from '../../src/shared/protocol.js';
import { removeRedisKeys, startTestServer, TEST_REDIS_URL, until } from '../helpers.js';

const REDIS_PREFIX = `borderless-test:${randomUUID()}:`;
let dataDir: string;
let nodeA: Awaited<ReturnType<typeof startTestServer>>;
let nodeB: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-cluster-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en'], role: 'agent', password: 'correct horse battery' });
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX, DATA_DIR: dataDir, SHOPPER_MESSAGES_PER_MINUTE: '0' };
  nodeA = await startTestServer(env);
  nodeB = await startTestServer(env);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await nodeA?.close();
  await nodeB?.close();
  await rm(dataDir, { recursive: true, force: true });
  await removeRedisKeys([REDIS_PREFIX]);
});

describe('two nodes on Redis', () => {
  it('connects a shopper on node A with an agent on node B, both ways, with one queue', async () => {
    const login = await fetch(`${nodeB.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@shop.example', password: 'correct horse battery' }),
    });
    const { token } = (await login.json()) as { token: string };
    const agent = connect(`${nodeB.url}/agent`, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
    sockets.push(agent);
    let queue: ConversationSummary[] = [];
    const agentMessages: Message[] = [];
    agent.on('queue', (next: ConversationSummary[]) => (queue = next));
    agent.on('message', (message: Message) => agentMessages.push(message));
    await new Promise((resolve) => agent.once('queue', resolve));

    const shopper = connect(`${nodeA.url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(shopper);
    const shopperMessages: Message[] = [];
    const statuses: StatusEvent[] = [];
    shopper.on('message', (message: Message) => shopperMessages.push(message));
    shopper.on('status', (status: StatusEvent) => statuses.push(status));
    const { conversationId } = await new Promise<{ conversationId: string }>((resolve) => shopper.once('session', resolve));

    // Node A knows the agent on node B is online: the bot hands off to a person, not to "leave your e-mail".
    await new Promise((resolve) => setTimeout(resolve, 200)); // the agent's arrival reaches node A through Redis
    await shopper.emitWithAck('message', { text: 'I want to talk to a real person', clientMessageId: randomUUID() });
    const botReply = await until(() => shopperMessages.find((message) => message.author === 'bot'));
    expect(botReply.text).not.toMatch(/e-mail/);
    await until(() => queue.find((entry) => entry.id === conversationId));

    const claimed = (await agent.timeout(5000).emitWithAck('claim', { conversationId })) as Ack;
    expect(claimed.ok).toBe(true);
    await until(() => statuses.find((status) => status.status === 'assigned'));
    await agent.timeout(5000).emitWithAck('message', { conversationId, text: 'Hi, Ana here, on node B.' });
    expect((await until(() => shopperMessages.find((message) => message.author === 'agent'))).text).toBe('Hi, Ana here, on node B.');
    await shopper.emitWithAck('message', { text: 'great, my parcel is late', clientMessageId: randomUUID() });
    expect((await until(() => agentMessages.find((message) => message.author === 'shopper'))).text).toBe('great, my parcel is late');

    // The same queue from both nodes' point of view.
    const fromA = await nodeA.app.desk.queueFor({ id: 'x', email: 'x@shop.example', name: 'X', languages: ['en'], role: 'operator' });
    const fromB = await nodeB.app.desk.queueFor({ id: 'x', email: 'x@shop.example', name: 'X', languages: ['en'], role: 'operator' });
    expect(fromA.map((entry) => [entry.id, entry.status, entry.assignedTo])).toEqual(fromB.map((entry) => [entry.id, entry.status, entry.assignedTo]));
  });
});
