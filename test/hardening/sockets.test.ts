// Hostile traffic against a real server: malformed packets, floods, oversized upgrades, prototype pollution.
import { randomUUID } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Message } from '../../src/shared/protocol.js';
import { startTestServer } from '../helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '20' });
});
afterAll(() => server.close());
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function shopper(url = server.url): Promise<Socket> {
  const socket = connect(`${url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  await new Promise((resolve) => socket.once('history', resolve));
  return socket;
}

/** The server still answers a fresh shopper: the check after every attack. */
async function stillServes(): Promise<void> {
  const socket = await shopper();
  const reply = new Promise<Message>((resolve) => socket.on('message', (message: Message) => message.author === 'bot' && resolve(message)));
  expect(await socket.timeout(5000).emitWithAck('message', { text: 'do you ship to Spain?', clientMessageId: randomUUID() })).toMatchObject({ ok: true });
  expect((await reply).text).toMatch(/Spain/);
}

describe('hardening: sockets', () => {
  it('survives malformed Socket.IO packets and wrong argument types', async () => {
    const socket = await shopper();
    const engine = socket.io.engine;
    for (const packet of [
      '42/shopper,["message",{"text":',
      '4',
      '42/shopper,{"not":"an array"}',
      '42/shopper,[null]',
      '42/shopper,["message",' + '['.repeat(5000),
      '99',
      '40/nowhere,',
      '\u0000\u0001\u0002',
    ]) {
      engine.write(packet);
    }
    const other = await shopper();
    for (const payload of [[], 42, 'text', { text: ['a'] }, { text: 'hi', clientMessageId: 42 }, { text: { toString: 'x' }, clientMessageId: randomUUID() }]) {
      const ack = (await other.timeout(5000).emitWithAck('message', payload)) as Ack;
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    other.emit('rating', { score: '5' }, 'not-a-function');
    other.emit('typing');
    other.emit('constructor', {});
    other.emit('__proto__', { polluted: true });
    await stillServes();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an upgrade request with thousands of headers and stays up', async () => {
    const { port } = new URL(server.url);
    const response = await new Promise<string>((resolve) => {
      const socket = tcpConnect(Number(port), '127.0.0.1', () => {
        const headers = Array.from({ length: 5000 }, (_, index) => `x-filler-${index}: ${'a'.repeat(20)}`).join('\r\n');
        socket.write(
          `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n${headers}\r\n\r\n`,
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      socket.on('error', () => resolve(received));
      socket.on('close', () => resolve(received));
    });
    expect(response === '' || /^HTTP\/1\.1 431/.test(response)).toBe(true);
    await stillServes();
  });

  it('treats __proto__ and constructor keys in JSON bodies as data', async () => {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": "a@b.co", "password": "x", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    });
    expect([400, 401]).toContain(response.status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hardening: a flood', () => {
  let flooded: Awaited<ReturnType<typeof startTestServer>>;
  let port: string;
  beforeAll(async () => {
    flooded = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '20', HOST: '::' });
    port = new URL(flooded.url).port;
  });
  afterAll(() => flooded.close());

  it('keeps other shoppers fast while one socket floods events', async () => {
    const flooder = await shopper(`http://127.0.0.1:${port}`);
    const acks: Promise<unknown>[] = [];
    for (let index = 0; index < 2000; index++)
      acks.push(
        flooder
          .timeout(10_000)
          .emitWithAck('message', { text: `spam ${index}`, clientMessageId: randomUUID() })
          .catch(() => undefined),
      );
    // Another address (IPv6 loopback): the per-address limit must not hit a different shopper.
    const calm = await shopper(`http://[::1]:${port}`);
    const latencies: number[] = [];
    for (let index = 0; index < 10; index++) {
      const started = performance.now();
      const answered = new Promise((resolve) => calm.once('message', resolve));
      await calm.timeout(5000).emitWithAck('message', { text: 'thanks', clientMessageId: randomUUID() });
      await answered;
      latencies.push(performance.now() - started);
    }
    const results = (await Promise.all(acks)) as (Ack | undefined)[];
    expect(results.filter((result) => result && !result.ok && result.error.code === 'rate_limited').length).toBeGreaterThan(1900);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
});
