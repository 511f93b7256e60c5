// Queue updates as changes: a console that asks for them gets the whole queue once on connect, then one change per
// conversation; any other client still gets the whole queue on every change. Building an update reads no message,
// with the memory store and with Redis.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveAgent } from '../../src/handoff/agents.js';
import type { ConversationSummary, QueueChange } from '../../src/shared/protocol.js';
import { createMemoryStore, createRedisStore, type Store } from '../../src/store/index.js';
import { openShopper, removeRedisKeys, startTestServer, TEST_REDIS_URL, until } from '../helpers.js';

const PASSWORD = 'correct horse battery';
const prefixes: string[] = [];
afterAll(() => removeRedisKeys(prefixes));

/** The store, with a count of the times anything read a conversation's messages. */
function countingMessageReads(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const counted = Object.create(store) as Store;
  counted.listMessages = (conversationId) => {
    reads += 1;
    return store.listMessages(conversationId);
  };
  return { store: counted, reads: () => reads };
}

describe.each([
  ['memory', () => createMemoryStore()],
  [
    'redis',
    () => {
      const prefix = `borderless-test:${randomUUID()}:`;
      prefixes.push(prefix);
      return createRedisStore(TEST_REDIS_URL, { prefix });
    },
  ],
])('queue changes with the %s store', (_name, makeStore) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let dataDir: string;
  let counting: ReturnType<typeof countingMessageReads>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-agents-'));
    await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en'], role: 'agent', password: PASSWORD });
    counting = countingMessageReads(makeStore());
    server = await startTestServer({ DATA_DIR: dataDir, SHOPPER_MESSAGES_PER_MINUTE: '0' }, { store: counting.store });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  async function agent(queueChanges: boolean) {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@shop.example', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const socket = connect(`${server.url}/agent`, {
      transports: ['websocket'],
      auth: { token, ...(queueChanges ? { queueChanges: true } : {}) },
      forceNew: true,
      reconnection: false,
    });
    sockets.push(socket);
    const seen = { queues: [] as ConversationSummary[][], changes: [] as QueueChange[], socket };
    socket.on('queue', (queue: ConversationSummary[]) => seen.queues.push(queue));
    socket.on('queueChange', (change: QueueChange) => seen.changes.push(change));
    await until(() => seen.queues.length === 1);
    return seen;
  }

  const say = (socket: Socket, text: string) => socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID() });

  it('sends a console that asks for changes one change per conversation, and reads no message to build them', async () => {
    const console = await agent(true);
    const other = await agent(false);
    const shopper = await openShopper(server.url, sockets, { locale: 'en-US' });
    const id = shopper.session.conversationId;
    const readsBefore = counting.reads();

    await say(shopper.socket, 'can I talk to a human please');
    const added = await until(() => console.changes.find((change) => change.type === 'updated' && change.conversation.id === id));
    expect(added).toMatchObject({
      type: 'updated',
      conversation: { id, status: 'queued', handoffReason: expect.any(String), unread: 1, lastMessage: expect.any(String) },
    });
    // The console got no whole queue after connecting; a client that did not ask still gets it on every change.
    expect(console.queues).toHaveLength(1);
    await until(() => other.queues.some((queue) => queue.some((entry) => entry.id === id)));

    const claim = (await console.socket.timeout(5000).emitWithAck('claim', { conversationId: id })) as { ok: boolean };
    expect(claim.ok).toBe(true);
    await until(() =>
      console.changes.some((change) => change.type === 'updated' && change.conversation.id === id && change.conversation.status === 'assigned'),
    );
    // Every shopper message since an agent last replied counts, the one that asked for a person too.
    await say(shopper.socket, 'are you there?');
    await say(shopper.socket, 'hello?');
    const unread = await until(() =>
      console.changes.findLast((change) => change.type === 'updated' && change.conversation.id === id && change.conversation.unread === 3),
    );
    expect(unread).toMatchObject({ conversation: { lastMessage: 'hello?' } });
    expect(await console.socket.timeout(5000).emitWithAck('message', { conversationId: id, text: 'Yes, I am here.' })).toMatchObject({ ok: true });
    await until(() =>
      console.changes.findLast(
        (change) =>
          change.type === 'updated' &&
          change.conversation.id === id &&
          change.conversation.unread === 0 &&
          change.conversation.lastMessage === 'Yes, I am here.',
      ),
    );

    expect(await console.socket.timeout(5000).emitWithAck('resolve', { conversationId: id })).toMatchObject({ ok: true });
    await until(() => console.changes.some((change) => change.type === 'removed' && change.conversationId === id));
    expect(console.queues).toHaveLength(1);

    // Claiming returns the history (one read, asked for by the agent); no queue update read any message.
    expect(counting.reads() - readsBefore).toBe(1);
  }, 30_000);

  it('sends the whole queue again when the console reconnects', async () => {
    const console = await agent(true);
    const shopper = await openShopper(server.url, sockets, { locale: 'en-US' });
    await say(shopper.socket, 'can I talk to a human please');
    await until(() => console.changes.length > 0);
    const again = await agent(true);
    expect(again.queues[0]!.map((entry) => entry.id)).toContain(shopper.session.conversationId);
    expect(again.queues[0]!.find((entry) => entry.id === shopper.session.conversationId)).toMatchObject({
      unread: 1,
      lastMessage: expect.stringContaining('colleague'),
    });
  }, 30_000);
});
