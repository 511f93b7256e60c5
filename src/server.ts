// The only place that listens and touches the process: config → buildApp → listen, and a graceful close; with
// several workers, one primary process listens and hands each connection to a worker.
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { setupMaster, setupWorker } from '@socket.io/sticky';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { ConfigError, type Config } from './config.js';
import { startMetricsServer } from './http/index.js';
import { loggerOptions } from './observability/index.js';

/** Sent by a worker to the primary once it can take connections. */
const WORKER_READY = 'borderless:worker-ready';

/**
 * `workers` above 1: a primary process listens on PORT and hands each connection to one of that many worker
 * processes, each a whole server. A Socket.IO session stays with the worker that opened it (sticky sessions, by its
 * id), and the workers share conversations and rooms through Redis, which is why they need REDIS_URL.
 */
export async function startServer(config: Config, { workers = 1 }: { workers?: number } = {}): Promise<void> {
  if (cluster.isWorker) return startWorker(config);
  if (workers > 1) return startPrimary(config, workers);
  return startSingle(config);
}

async function startSingle(config: Config): Promise<void> {
  const startedAt = performance.now();
  const app = await buildApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  const metricsServer = config.METRICS_PORT
    ? await startMetricsServer({ metrics: app.metrics, token: config.METRICS_TOKEN, port: config.METRICS_PORT, host: config.HOST })
    : undefined;
  app.log.info({ readyInMs: Math.round(performance.now() - startedAt), languages: app.knowledge.current()?.languages }, 'Borderless is ready');

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await metricsServer?.close();
    await app.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('unhandledRejection', (reason) => app.log.error({ err: reason }, 'unhandled rejection'));
}

async function startPrimary(config: Config, workers: number): Promise<void> {
  if (!config.REDIS_URL) {
    throw new ConfigError([
      `REDIS_URL: --workers ${workers} needs Redis, where the workers share conversations and rooms; set REDIS_URL (redis://host:6379) or start one process without --workers`,
    ]);
  }
  const logger = pino(loggerOptions(config.LOG_LEVEL));
  const log = (message: string) => logger.info(message);
  const startedAt = performance.now();
  const server = createServer();
  // In turn rather than to the least busy: a worker's count of sessions is only updated once a handshake is over, so
  // under a burst of new connections "least busy" would send them all to the same worker.
  setupMaster(server, { loadBalancingMethod: 'round-robin' });
  stopReadingHandedOver(server);
  // Buffers cross to the workers as bytes, not as text (a picture's upload).
  cluster.setupPrimary({ serialization: 'advanced' });

  let closing = false;
  const fork = () =>
    new Promise<void>((resolve, reject) => {
      const worker = cluster.fork();
      const onExit = (code: number) => reject(new Error(`a worker stopped before it was ready (exit code ${code})`));
      worker.once('exit', onExit);
      worker.on('message', (message: unknown) => {
        if ((message as { type?: string }).type !== WORKER_READY) return;
        worker.off('exit', onExit);
        resolve();
      });
    });
  // Every worker ready before the port opens: a connection handed to a worker still starting would be lost.
  await Promise.all(Array.from({ length: workers }, fork));
  cluster.on('exit', (worker, code, signal) => {
    if (closing) return;
    logger.warn(`worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`);
    fork().catch((error: Error) => logger.error(error.message));
  });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  log(`Borderless is ready with ${workers} workers in ${Math.round(performance.now() - startedAt)} ms`);

  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`shutting down (${signal})`);
    const timer = setTimeout(() => process.exit(1), 12_000).unref();
    server.close();
    const running = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    await Promise.all(
      running.map((worker) => {
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.process.kill('SIGTERM');
        return exited;
      }),
    );
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
}

/** What the sticky balancer looks at in a connection's first bytes to keep the socket (a request with a body). */
const HEADER_END = Buffer.from('\r\n\r\n');
const hasBody = (chunk: Buffer) => {
  const header = chunk.subarray(0, chunk.indexOf(HEADER_END)).toString().toLowerCase();
  return header.includes('content-length:') || header.includes('transfer-encoding:');
};

/**
 * The balancer reads a connection's first bytes to choose a worker, then hands the socket over, all but a request
 * with a body. Until the worker acknowledges the socket, the primary's copy still reads it and drops what it reads:
 * under a burst of connections a websocket's first frame (joining /shopper, sent as soon as the upgrade is answered)
 * was lost, and the shopper was cut off ten seconds later. A socket about to be handed over stops being read here.
 */
function stopReadingHandedOver(server: ReturnType<typeof createServer>): void {
  server.on('connection', (socket) => {
    // Before the balancer's own listener, which it added when the connection came (this listener is added after it).
    socket.prependOnceListener('data', (chunk: Buffer) => {
      if (!hasBody(chunk)) (socket as unknown as { _handle?: { readStop?(): number } })._handle?.readStop?.();
    });
  });
}

/** One worker: a whole server that takes its connections from the primary instead of listening itself. */
async function startWorker(config: Config): Promise<void> {
  const app = await buildApp(config);
  await app.ready();
  setupWorker(app.io);
  const metricsServer = config.METRICS_PORT
    ? await startMetricsServer({ metrics: app.metrics, token: config.METRICS_TOKEN, port: config.METRICS_PORT, host: config.HOST })
    : undefined;
  process.send!({ type: WORKER_READY });

  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await metricsServer?.close();
    await app.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void close());
  // Ctrl-C reaches the whole process group: the primary decides when the workers stop.
  process.on('SIGINT', () => undefined);
  process.on('unhandledRejection', (reason) => app.log.error({ err: reason }, 'unhandled rejection'));
}
