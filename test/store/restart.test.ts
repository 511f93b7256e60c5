import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/shared/protocol.js';
import { removeRedisKeys, startTestServer, TEST_REDIS_URL as REDIS_URL, until } from '../helpers.js';

const REDIS_PREFIX = `borderless-test:${randomUUID()}:`;

afterAll(() => removeRedisKeys([REDIS_PREFIX]));

describe('state in Redis', () => {
  it('serves an existing conversation, with its history and language, right after a restart', async () => {
    const first = await startTestServer({ REDIS_URL, REDIS_PREFIX });
    const shopper = connect(`${first.url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false });
    const { token, conversationId } = await new Promise<{ token: string; conversationId: string }>((resolve) => shopper.once('session', resolve));
    const replies: Message[] = [];
    shopper.on('message', (message: Message) => replies.push(message));
    await shopper.emitWithAck('message', { text: 'hola, quiero devolver unas zapatillas', clientMessageId: randomUUID() });
    await until(() => replies.length > 0);
    shopper.disconnect();
    await first.close();

    const second = await startTestServer({ REDIS_URL, REDIS_PREFIX });
    try {
      const again = connect(`${second.url}/shopper`, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
      const sessionEvent = new Promise<{ conversationId: string; language: string }>((resolve) => again.once('session', resolve));
      const historyEvent = new Promise<Message[]>((resolve) => again.once('history', resolve));
      const [session, history] = await Promise.all([sessionEvent, historyEvent]);
      expect(session).toMatchObject({ conversationId, language: 'es' });
      expect(history.map((message) => message.author)).toEqual(['shopper', 'bot']);
      again.disconnect();
      expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
