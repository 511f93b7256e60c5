// Redis crashing under traffic: two nodes keep running, refuse what they cannot store with a clear error, keep
// everything they acknowledged, and serve normally once Redis is back.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, Message } from '../../src/shared/protocol.js';
import { startServerProcess } from '../helpers.js';

const children: ChildProcess[] = [];
const sockets: Socket[] = [];
let redisDir: string | undefined;

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  for (const child of children) child.kill('SIGKILL');
  if (redisDir) await rm(redisDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
  return Date.now() - started;
}

/** A Redis of the test's own that persists every write to an append-only file, so a crash loses nothing acknowledged. */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir, '--daemonize', 'no'], {
    stdio: 'ignore',
  });
  children.push(child);
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: 0 });
  probe.on('error', () => undefined);
  await waitFor(async () => (await probe.ping().catch(() => '')) === 'PONG', 10_000, 'redis-server start');
  probe.disconnect();
  return child;
}

const readyStatus = (url: string) =>
  fetch(`${url}/readyz`).then(
    (response) => response.status,
    () => 0,
  );

interface Sent {
  clientMessageId: string;
  ack: Ack<{ id: string }> | 'no answer';
  /** From sending to the ack, in ms. */
  waited: number;
  duringOutage: boolean;
}

const TEXTS = ['hello', 'where is my order?', 'do you ship to Canada?', 'how do I return shoes?', 'thanks'];

describe('Redis going away under traffic', () => {
  it('keeps every acknowledged message, refuses the rest clearly, and serves again when Redis is back', async () => {
    const port = await freePort();
    redisDir = await mkdtemp(path.join(tmpdir(), 'borderless-redis-'));
    let redis = await startRedis(port, redisDir);
    const env = { REDIS_URL: `redis://127.0.0.1:${port}`, SHOPPER_MESSAGES_PER_MINUTE: '0', LOG_LEVEL: 'warn' };
    // Two nodes starting at once train their classifiers side by side: slow on a busy machine.
    const nodes = await Promise.all([startServerProcess(env, { startTimeoutMs: 90_000 }), startServerProcess(env, { startTimeoutMs: 90_000 })]);
    for (const node of nodes) children.push(node.child);
    const exits: (number | null | 'running')[] = ['running', 'running'];
    nodes.forEach((node, index) => void node.exited.then((code) => (exits[index] = code)));

    // Four shoppers, two on each node, each sending a message as soon as the previous one is answered.
    const shoppers = await Promise.all(
      [0, 1, 2, 3].map(async (index) => {
        const socket = connect(`${nodes[index % 2]!.url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false });
        sockets.push(socket);
        const session = await new Promise<{ token: string; conversationId: string }>((resolve) => socket.once('session', resolve));
        return { index, socket, ...session, sent: [] as Sent[] };
      }),
    );
    let outage = false;
    let sending = true;
    const traffic = shoppers.map(async (shopper) => {
      for (let turn = 0; sending; turn++) {
        const clientMessageId = randomUUID();
        const duringOutage = outage;
        const started = Date.now();
        const ack = (await shopper.socket
          .timeout(10_000)
          .emitWithAck('message', { text: TEXTS[turn % TEXTS.length], clientMessageId })
          .catch(() => 'no answer')) as Sent['ack'];
        shopper.sent.push({ clientMessageId, ack, waited: Date.now() - started, duringOutage: duringOutage || outage });
        await sleep(40);
      }
    });

    await sleep(1500);
    // Redis crashes: no chance to save or say goodbye.
    outage = true;
    redis.kill('SIGKILL');
    await new Promise((resolve) => redis.once('exit', resolve));
    const stoppedAt = Date.now();
    const notReady = await Promise.all(nodes.map((node) => waitFor(async () => (await readyStatus(node.url)) === 503, 5000, 'readyz 503')));
    await sleep(Math.max(0, 4000 - (Date.now() - stoppedAt)));
    const failedWhileDown = shoppers.flatMap((shopper) => shopper.sent.filter((sent) => sent.duringOutage && sent.ack !== 'no answer' && !sent.ack.ok));
    expect(failedWhileDown.length).toBeGreaterThan(0);

    redis = await startRedis(port, redisDir);
    const backAfter = await Promise.all(nodes.map((node) => waitFor(async () => (await readyStatus(node.url)) === 200, 10_000, 'readyz 200')));
    outage = false;
    await sleep(2500);
    sending = false;
    await Promise.all(traffic);

    const all = shoppers.flatMap((shopper) => shopper.sent);
    const refused = all.filter((sent) => sent.ack !== 'no answer' && !sent.ack.ok);
    // Every message had an answer, and every refusal says what happened.
    expect(all.filter((sent) => sent.ack === 'no answer')).toEqual([]);
    for (const sent of refused) {
      expect(sent.ack).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/try again/) } });
    }
    // Refusals come quickly: the shopper is not left waiting while Redis is away.
    const slowestRefusal = Math.max(...refused.map((sent) => sent.waited));
    expect(slowestRefusal).toBeLessThan(3500);
    // Each shopper's last messages, sent after Redis returned, were accepted.
    for (const shopper of shoppers) expect(shopper.sent.at(-1)!.ack).toMatchObject({ ok: true });

    // Everything acknowledged is in the history a returning shopper reads, on either node.
    let storedAfterRefusal = 0;
    for (const shopper of shoppers) {
      const returning = connect(`${nodes[(shopper.index + 1) % 2]!.url}/shopper`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token: shopper.token },
      });
      sockets.push(returning);
      const history = await new Promise<Message[]>((resolve) => returning.once('history', resolve));
      returning.disconnect();
      const storedIds = new Set(history.filter((message) => message.author === 'shopper').map((message) => message.id));
      const acknowledged = shopper.sent.flatMap((sent) => (sent.ack !== 'no answer' && sent.ack.ok ? [sent.ack.id] : []));
      expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
      storedAfterRefusal += storedIds.size - acknowledged.length;
    }

    // Both nodes answer a new shopper as before.
    for (const node of nodes) {
      const socket = connect(`${node.url}/shopper`, { transports: ['websocket'], forceNew: true, reconnection: false });
      sockets.push(socket);
      const replies: Message[] = [];
      socket.on('message', (message: Message) => replies.push(message));
      await new Promise((resolve) => socket.once('session', resolve));
      const ack = (await socket.timeout(5000).emitWithAck('message', { text: 'hello', clientMessageId: randomUUID() })) as Ack;
      expect(ack.ok).toBe(true);
      await waitFor(async () => replies.some((message) => message.author === 'bot'), 5000, 'a bot reply');
      socket.disconnect();
    }

    expect(exits).toEqual(['running', 'running']);
    for (const node of nodes) expect(node.output()).not.toMatch(/unhandled/i);
    console.info(
      `redis outage: ${all.length} messages, ${all.length - refused.length} accepted, ${refused.length} refused (slowest refusal ${slowestRefusal} ms, ` +
        `${storedAfterRefusal} of them stored anyway), readyz 503 after ${Math.max(...notReady)} ms, 200 again ${Math.max(...backAfter)} ms after restart`,
    );
  }, 240_000);
});
