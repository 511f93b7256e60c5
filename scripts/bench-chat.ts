// The end-to-end chat benchmark: simulated shoppers on real sockets against a Borderless server process, side by
// side with a bare Socket.IO echo server under the same load, and the memory an idle connected shopper costs.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
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

async function waitForHttp(url: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30_000) throw new Error(`${url} did not answer in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startBorderless(): Promise<{ url: string; child: ChildProcess; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'bin/borderless.js'), 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SHOPPER_MESSAGES_PER_MINUTE: '0', OPERATOR_TOKEN: 'bench-operator-token-0123456789' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`);
  return { url, child, stop: () => child.kill('SIGTERM') };
}

/** The largest event-loop delay the server saw since the last scrape (prom-client's monitorEventLoopDelay). */
export async function maxEventLoopDelaySeconds(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(text.match(/^borderless_process_nodejs_eventloop_lag_max_seconds (\S+)$/m)?.[1] ?? NaN);
}

export async function startHelloServer(): Promise<{ url: string; stop(): void }> {
  const child = fork(path.join(root, 'scripts/hello-server.ts'), ['0'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (message: { port: number }) => resolve(message.port)));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

export async function startEchoServer(): Promise<{ url: string; child: ChildProcess; stop(): void }> {
  const child = fork(path.join(root, 'scripts/echo-server.ts'), ['0'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve) => child.once('message', (message: { port: number }) => resolve(message.port)));
  return { url: `http://127.0.0.1:${port}`, child, stop: () => child.kill('SIGTERM') };
}

async function connectShoppers(url: string, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let batch = 0; batch < count; batch += 50) {
    const connecting = [];
    for (let index = batch; index < Math.min(count, batch + 50); index++) {
      const socket = io(`${url}/shopper`, { transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      connecting.push(new Promise((resolve, reject) => {
        socket.once('history', resolve);
        socket.once('connect_error', reject);
      }));
    }
    await Promise.all(connecting);
  }
  return sockets;
}

/**
 * Each shopper sends its next message when the reply arrives (closed loop: `perSecond` undefined, the server's
 * capacity), or one message every 1/perSecond seconds whatever happens (open loop: a fixed offered load).
 */
export async function runLoad(url: string, shoppers: number, messages: string[], options: { warmupSeconds: number; seconds: number; perSecond?: number }): Promise<LoadResult> {
  const sockets = await connectShoppers(url, shoppers);
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
      timers.push(setTimeout(() => {
        send();
        timers.push(setInterval(send, interval));
      }, (index / shoppers) * interval));
    } else {
      send();
    }
  });
  await new Promise((resolve) => setTimeout(resolve, options.warmupSeconds * 1000));
  measuring = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
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

export const residentKb = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);

/** Resident memory a connected, idle shopper costs the server (its socket, session and conversation). */
export async function measureIdleShoppers(count: number): Promise<{ count: number; kbPerShopper: number }> {
  const server = await startBorderless();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = residentKb(server.child.pid!);
    const sockets = await connectShoppers(server.url, count);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = residentKb(server.child.pid!);
    for (const socket of sockets) socket.disconnect();
    return { count, kbPerShopper: (after - before) / count };
  } finally {
    server.stop();
  }
}
