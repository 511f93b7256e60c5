// One shopper on two nodes at once (a reconnect landed elsewhere while the first node was still answering): the
// nodes take turns, so messages and answers stay in the order the shopper sent them.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Ack, Message } from '../../src/shared/protocol.js';
import { createRedisStore, type Store } from '../../src/store/index.js';
import { loadDefaultSnapshot, projectRoot, removeRedisKeys, TEST_REDIS_URL } from '../helpers.js';

const REDIS_PREFIX = `borderless-test:${randomUUID()}:`;
const apps: FastifyInstance[] = [];
const sockets: Socket[] = [];

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  for (const app of apps) await app.close();
  await removeRedisKeys([REDIS_PREFIX]);
});

/** A node whose store takes its time over shopper messages, as one busy with a slow order look-up would. */
async function startNode(slowShopperWritesMs = 0): Promise<string> {
  const config = loadConfig({
    CONTENT_DIR: projectRoot,
    LOG_LEVEL: 'silent',
    OPERATOR_TOKEN: 'test-operator-token-0123456789',
    HOST: '127.0.0.1',
    PORT: '0',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX,
    SHOPPER_MESSAGES_PER_MINUTE: '0',
  });
  const redisStore = createRedisStore(TEST_REDIS_URL, { prefix: REDIS_PREFIX });
  const store: Store = {
    ...redisStore,
    async appendMessage(message, clientMessageId) {
      if (message.author === 'shopper') await new Promise((resolve) => setTimeout(resolve, slowShopperWritesMs));
      return redisStore.appendMessage(message, clientMessageId);
    },
  };
  const app = await buildApp(config, { snapshot: await loadDefaultSnapshot(), store });
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

const shopperSocket = (url: string, token?: string) => {
  const socket = connect(`${url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false, ...(token ? { auth: { token } } : {}) });
  sockets.push(socket);
  return socket;
};

describe('one shopper on two nodes', () => {
  it('keeps the messages and the answers in the order the shopper sent them', async () => {
    const [slowNode, fastNode] = [await startNode(600), await startNode()];
    const first = shopperSocket(slowNode);
    const { token } = await new Promise<{ token: string }>((resolve) => first.once('session', resolve));
    const firstAck = first.timeout(10_000).emitWithAck('message', { text: 'where is my order?', clientMessageId: randomUUID() }) as Promise<
      Ack<{ id: string }>
    >;

    // While the first node is still on message one, the same shopper writes again through the other node.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const second = shopperSocket(fastNode, token);
    await new Promise((resolve) => second.once('session', resolve));
    const secondAck = (await second.timeout(10_000).emitWithAck('message', { text: 'thanks', clientMessageId: randomUUID() })) as Ack<{ id: string }>;
    const firstAnswer = await firstAck;
    expect(firstAnswer.ok && secondAck.ok).toBe(true);

    const reader = shopperSocket(fastNode, token);
    const history = await new Promise<Message[]>((resolve) => reader.once('history', resolve));
    expect(history.map((message) => [message.author, message.author === 'shopper' ? message.text : ''])).toEqual([
      ['shopper', 'where is my order?'],
      ['bot', ''],
      ['shopper', 'thanks'],
      ['bot', ''],
    ]);
  }, 30_000);
});
