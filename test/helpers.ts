// Shared test fixtures: the default content's snapshot (trained once per test file) and small content folders.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import { inject } from 'vitest';
import { loadSnapshot, type Snapshot } from '../src/knowledge/index.js';
import { formatProblem } from '../src/shared/errors.js';
import type { Message, SessionEvent } from '../src/shared/protocol.js';

export const projectRoot = fileURLToPath(new URL('../', import.meta.url));

let defaultSnapshot: Promise<Snapshot> | undefined;

export function loadDefaultSnapshot(): Promise<Snapshot> {
  defaultSnapshot ??= loadSnapshot(projectRoot).then(({ snapshot, problems }) => {
    if (!snapshot) throw new Error(`default content does not load:\n${problems.map((problem) => problem.message).join('\n')}`);
    return snapshot;
  });
  return defaultSnapshot;
}

/** Writes a content folder from a map of relative path → file text (objects are written as JSON). */
export async function makeContentDir(files: Record<string, string | object>): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'borderless-content-'));
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Loads a content folder written from files and removed afterwards; problems also as `file:line:col` lines. */
export function contentLoader() {
  let cleanup: (() => Promise<void>) | undefined;
  return {
    async load(files: Record<string, string | object>) {
      const content = await makeContentDir(files);
      cleanup = content.cleanup;
      const result = await loadSnapshot(content.dir);
      return { ...result, lines: result.problems.map(formatProblem) };
    },
    async cleanup() {
      await cleanup?.();
      cleanup = undefined;
    },
  };
}

const utterances = (...phrases: string[]) => phrases;

/** A small valid content folder in two languages, for tests that edit content. */
export const tinyContent = (): Record<string, object> => ({
  'locales/settings.json': { defaultLanguage: 'en', confidenceThreshold: 0.3 },
  'locales/en/intents.json': {
    greeting: utterances('hi', 'hello', 'hello there', 'good morning', 'hey'),
    order_status: utterances('where is my order', 'my package has not arrived', 'track my parcel', 'order status', 'where is my parcel'),
  },
  'locales/es/intents.json': {
    greeting: utterances('hola', 'buenos dias', 'buenas tardes', 'hola que tal', 'buenas'),
    order_status: utterances('donde esta mi pedido', 'mi paquete no ha llegado', 'rastrear mi pedido', 'estado del pedido', 'donde esta mi paquete'),
  },
  'templates/en/replies.json': {
    greeting: { variants: ['Hello!', 'Hi there!'] },
    order_status: { variants: ['Your order {orderNumber} is on its way.'] },
    clarify: { variants: ['Sorry?'] },
  },
  'templates/es/replies.json': {
    greeting: { variants: ['¡Hola!'] },
    order_status: { variants: ['Tu pedido {orderNumber} está en camino.'] },
    clarify: { variants: ['¿Perdón?'] },
  },
  'rules/answers.json': {
    rules: [
      {
        name: 'unclear',
        priority: 50,
        conditions: { all: [{ fact: 'confident', operator: 'equal', value: false }] },
        event: { type: 'reply', params: { template: 'clarify' } },
      },
      {
        name: 'hello',
        priority: 10,
        conditions: { all: [{ fact: 'intent', operator: 'equal', value: 'greeting' }] },
        event: { type: 'reply', params: { template: 'greeting' } },
      },
      {
        name: 'order',
        priority: 10,
        conditions: { all: [{ fact: 'intent', operator: 'equal', value: 'order_status' }] },
        event: { type: 'reply', params: { template: 'order_status' } },
      },
    ],
  },
});

/** Starts the whole app on a free port for socket tests; close() stops it. */
export async function startTestServer(env: Record<string, string> = {}, overrides: Omit<import('../src/app.js').AppOverrides, 'snapshot'> = {}) {
  const { buildApp } = await import('../src/app.js');
  const { loadConfig } = await import('../src/config.js');
  // Every test shopper comes from 127.0.0.1: the caps on new conversations and hand-offs per address are off unless a
  // test sets them.
  const config = loadConfig({
    CONTENT_DIR: projectRoot,
    LOG_LEVEL: 'silent',
    OPERATOR_TOKEN: 'test-operator-token-0123456789',
    HOST: '127.0.0.1',
    PORT: '0',
    NEW_CONVERSATIONS_PER_IP_PER_MINUTE: '0',
    HANDOFFS_PER_IP_PER_HOUR: '0',
    HANDOFFS_PER_MINUTE: '0',
    ...env,
  });
  const app = await buildApp(config, { ...overrides, snapshot: await loadDefaultSnapshot() });
  await app.listen({ port: 0, host: config.HOST });
  const { port } = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Polls until read() gives a value (not undefined or false), or fails after timeoutMs. */
export async function until<T>(read: () => T | undefined | false, timeoutMs = 4000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The Redis the tests use: TEST_REDIS_URL, or the redis-server the global set-up started for this run. */
export const TEST_REDIS_URL = inject('redisUrl');

/** Removes every key a test wrote under its own prefix. */
export async function removeRedisKeys(prefixes: string[]): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(TEST_REDIS_URL);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
}

/**
 * A real server process (`borderless start` from source) on a free port, ready when /readyz answers. Its standard
 * output is kept for tests that read its log.
 */
export async function startServerProcess(env: Record<string, string> = {}, { startTimeoutMs = 20_000, args = [] as string[] } = {}) {
  const { spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'start', ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPERATOR_TOKEN: 'test-operator-token-0123456789',
      LOG_LEVEL: 'info',
      NEW_CONVERSATIONS_PER_IP_PER_MINUTE: '0',
      HANDOFFS_PER_IP_PER_HOUR: '0',
      HANDOFFS_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (
    !(await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (Date.now() - started > startTimeoutMs) throw new Error(`the server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, child, exited, output: () => output };
}

export interface Shopper {
  socket: Socket;
  session: SessionEvent;
  history: Message[];
  /** Every message the server sent after the history. */
  messages: Message[];
}

/** A widget's socket on /shopper, once its session and history have arrived; `sockets` collects it for closing. */
export async function openShopper(url: string, sockets: Socket[], auth: Record<string, unknown> = {}): Promise<Shopper> {
  const socket = connect(`${url}/shopper`, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  sockets.push(socket);
  const messages: Message[] = [];
  socket.on('message', (message: Message) => messages.push(message));
  const session = new Promise<SessionEvent>((resolve) => socket.once('session', resolve));
  const history = new Promise<Message[]>((resolve) => socket.once('history', resolve));
  return { socket, session: await session, history: await history, messages };
}
