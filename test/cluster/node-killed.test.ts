// A node killed mid-conversation: the shopper reconnects to another node with its token and finds everything.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, Message } from '../../src/shared/protocol.js';
import { removeRedisKeys, startServerProcess, TEST_REDIS_URL, until } from '../helpers.js';

const REDIS_PREFIX = `borderless-test:${randomUUID()}:`;
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await removeRedisKeys([REDIS_PREFIX]);
});

const startNode = async () => {
  const node = await startServerProcess(
    { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX, SHOPPER_MESSAGES_PER_MINUTE: '0', LOG_LEVEL: 'warn' },
    { startTimeoutMs: 90_000 },
  );
  children.push(node.child);
  return node;
};

describe('a node killed mid-conversation', () => {
  it('loses nothing and doubles nothing when the shopper moves to another node', async () => {
    const [nodeA, nodeB] = await Promise.all([startNode(), startNode()]);
    const shopper = connect(`${nodeA.url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false });
    const { token, conversationId } = await new Promise<{ token: string; conversationId: string }>((resolve) => shopper.once('session', resolve));
    const replies: Message[] = [];
    shopper.on('message', (message: Message) => replies.push(message));
    const texts = ['hola, quiero devolver unas zapatillas', '¿cuánto tarda el reembolso?', 'gracias'];
    const ids: string[] = [];
    const lastClientMessageId = randomUUID();
    for (const [index, text] of texts.entries()) {
      const ack = (await shopper
        .timeout(5000)
        .emitWithAck('message', { text, clientMessageId: index === texts.length - 1 ? lastClientMessageId : randomUUID() })) as Ack<{ id: string }>;
      expect(ack.ok).toBe(true);
      if (ack.ok) ids.push(ack.id);
      await until(() => replies.length > index);
    }

    nodeA.child.kill('SIGKILL');
    await new Promise((resolve) => shopper.once('disconnect', resolve));

    const moved = connect(`${nodeB.url}/shopper`, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
    const sessionEvent = new Promise<{ conversationId: string; language: string }>((resolve) => moved.once('session', resolve));
    const historyEvent = new Promise<Message[]>((resolve) => moved.once('history', resolve));
    const [session, history] = await Promise.all([sessionEvent, historyEvent]);
    expect(session).toMatchObject({ conversationId, language: 'es' });
    expect(history.filter((message) => message.author === 'shopper').map((message) => message.id)).toEqual(ids);
    expect(history.filter((message) => message.author === 'bot')).toHaveLength(3);

    // The widget resends what it never saw acknowledged: the same clientMessageId is not stored twice.
    const resent = (await moved.timeout(5000).emitWithAck('message', { text: 'gracias', clientMessageId: lastClientMessageId })) as Ack<{ id: string }>;
    expect(resent).toEqual({ ok: true, id: ids[2] });
    moved.disconnect();
  }, 60_000);
});
