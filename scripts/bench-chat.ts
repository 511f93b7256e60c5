// The end-to-end chat benchmark: simulated shoppers on real sockets against a Borderless server process (or several
// sharing Redis), side by side with a bare Socket.IO echo server under the same load, and the memory an idle
// connected shopper costs.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';

const root = path.resolve(import.meta.dirname, '..');

export interface LoadResult {
  shoppers: number;
  seconds: number;
  replies: number;
  repliesPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Stops the process and resolves once it has exited. */
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
    return exited.finally(() => clearTimeout(forced));
  };
}

/**
 * A `borderless start` process on a free port, in memory unless `env` gives it REDIS_URL; `args` go to the command
 * (`--workers 2`), `nodeArgs` to Node (`--cpu-prof`).
 */
export async function startBorderless(
  env: Record<string, string> = {},
  { args = [], nodeArgs = [] }: { args?: string[]; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin/borderless.js'), 'start', ...args], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHOPPER_MESSAGES_PER_MINUTE: '0',
      MAX_CONNECTIONS_PER_IP: '0',
      NEW_CONVERSATIONS_PER_IP_PER_MINUTE: '0',
      OPERATOR_TOKEN: 'bench-operator-token-0123456789',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  await waitForHttp(`${url}/readyz`, 120_000).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, child, stop };
}

/** Whether Redis answers at `url` within two seconds. */
export async function isRedisReachable(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under `prefix`; returns how many there were. */
export async function removeRedisKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  let removed = 0;
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) removed += await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
  return removed;
}

/** The largest event-loop delay the server saw since the last scrape (prom-client's monitorEventLoopDelay). */
export async function maxEventLoopDelaySeconds(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(text.match(/^borderless_process_nodejs_eventloop_lag_max_seconds (\S+)$/m)?.[1] ?? NaN);
}

export async function startHelloServer(): Promise<ServerProcess> {
  const child = fork(path.join(root, 'scripts/hello-server.ts'), ['0'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (message: { port: number }) => resolve(message.port)));
  return { url: `http://127.0.0.1:${port}`, child, stop: stopper(child) };
}

export async function startEchoServer(): Promise<ServerProcess> {
  const child = fork(path.join(root, 'scripts/echo-server.ts'), ['0'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (message: { port: number }) => resolve(message.port)));
  return { url: `http://127.0.0.1:${port}`, child, stop: stopper(child) };
}

/** Connects `count` shoppers, spread in turn over the servers at `urls`. */
async function connectShoppers(urls: string[], count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let batch = 0; batch < count; batch += 50) {
    const connecting = [];
    for (let index = batch; index < Math.min(count, batch + 50); index++) {
      const socket = io(`${urls[index % urls.length]}/shopper`, { transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      connecting.push(
        new Promise((resolve, reject) => {
          socket.once('history', resolve);
          socket.once('connect_error', reject);
          socket.once('disconnect', (reason) => reject(new Error(`a shopper was disconnected before its history arrived (${reason})`)));
        }),
      );
    }
    // A shopper that never hears back must fail the run, not hold it up for ever.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`shoppers ${batch + 1}–${Math.min(count, batch + 50)}: not every one had its history within 60 s`)), 60_000);
    });
    try {
      await Promise.race([Promise.all(connecting), timeout]);
    } catch (error) {
      for (const socket of sockets) socket.disconnect();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
  return sockets;
}

/**
 * Each shopper sends its next message when the reply arrives (closed loop: `perSecond` undefined, the server's
 * capacity), or one message every 1/perSecond seconds whatever happens (open loop: a fixed offered load). Given
 * several servers, the shoppers are split evenly between them.
 */
export async function runLoad(
  url: string | string[],
  shoppers: number,
  messages: string[],
  options: { warmupSeconds: number; seconds: number; perSecond?: number },
  window: { start?(): Promise<unknown>; end?(): Promise<unknown> } = {},
): Promise<LoadResult> {
  const sockets = await connectShoppers(typeof url === 'string' ? [url] : url, shoppers);
  const latencies: number[] = [];
  const timers: NodeJS.Timeout[] = [];
  let measuring = false;
  let running = true;
  sockets.forEach((socket, index) => {
    const sentAt: number[] = [];
    let turn = index;
    const send = () => {
      if (!running) return;
      sentAt.push(performance.now());
      socket.emit('message', { text: messages[turn++ % messages.length]!, clientMessageId: randomUUID() }, () => {});
    };
    socket.on('message', (message: { author: string }) => {
      if (message.author === 'shopper') return;
      const started = sentAt.shift();
      if (measuring && started !== undefined) latencies.push(performance.now() - started);
      if (!options.perSecond) send();
    });
    if (options.perSecond) {
      const interval = 1000 / options.perSecond;
      // Spread the shoppers over the interval so the load is even, not in bursts.
      timers.push(
        setTimeout(
          () => {
            send();
            timers.push(setInterval(send, interval));
          },
          (index / shoppers) * interval,
        ),
      );
    } else {
      send();
    }
  });
  await new Promise((resolve) => setTimeout(resolve, options.warmupSeconds * 1000));
  await window.start?.();
  measuring = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  await window.end?.();
  running = false;
  for (const timer of timers) clearInterval(timer);
  for (const socket of sockets) socket.disconnect();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    shoppers,
    seconds: elapsed,
    replies: sorted.length,
    repliesPerSecond: sorted.length / elapsed,
    p50: sorted[Math.floor(sorted.length * 0.5)] ?? NaN,
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? NaN,
  };
}

/** CPU time (user and system) a process has used so far, in seconds, from /proc; undefined where there is none. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, in clock ticks of 1/100 s (USER_HZ on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

export const residentKb = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);

/** Resident memory a connected, idle shopper costs the server (its socket, session and conversation). */
export async function measureIdleShoppers(count: number): Promise<{ count: number; kbPerShopper: number }> {
  const server = await startBorderless();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = residentKb(server.child.pid!);
    const sockets = await connectShoppers([server.url], count);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = residentKb(server.child.pid!);
    for (const socket of sockets) socket.disconnect();
    return { count, kbPerShopper: (after - before) / count };
  } finally {
    await server.stop();
  }
}
