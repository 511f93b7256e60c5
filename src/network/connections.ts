// Bounds on connections, so that one client, or a crowd, cannot use up the process's file descriptors and lock
// everyone out (the health check and agents' sign-in included): a cap per client address and one in all, and
// timeouts for connections that hold a place without using it.
import { readFileSync } from 'node:fs';
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Logger } from '../shared/index.js';
import type { TrustProxy } from './client-address.js';

/** Node's and Fastify's timeouts; a request that takes longer to arrive is answered 408 and closed. */
export const SERVER_TIMEOUTS = {
  /** A client that connects has this long to send its request's headers (idle connections included). */
  headersMs: 10_000,
  /** The whole request, body included, with room for the largest picture on a slow mobile connection. */
  requestMs: 300_000,
  /** An idle keep-alive connection closes after this; above the 60 s load balancers commonly keep them. */
  keepAliveMs: 65_000,
  /** How often Node looks for requests past their time (its default, 30 s, would let them run that much longer). */
  checkEveryMs: 2_000,
} as const;

/** A body must keep coming at this rate at least, or the connection is cut (one byte every few seconds holds a slot). */
export const MINIMUM_BODY_RATE = { bytes: 1024, everyMs: 5_000 } as const;

export function serverOptions(): { http: ServerOptions } & Pick<FastifyServerOptions, 'requestTimeout' | 'keepAliveTimeout'> {
  return {
    http: { headersTimeout: SERVER_TIMEOUTS.headersMs, connectionsCheckingInterval: SERVER_TIMEOUTS.checkEveryMs },
    requestTimeout: SERVER_TIMEOUTS.requestMs,
    keepAliveTimeout: SERVER_TIMEOUTS.keepAliveMs,
  };
}

/** The process's limit on open files (Linux), which every connection counts against; undefined where unknown. */
export function descriptorLimit(limitsFile = '/proc/self/limits'): number | undefined {
  try {
    const soft = readFileSync(limitsFile, 'utf8').match(/^Max open files\s+(\d+)/m)?.[1];
    return soft ? Number(soft) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How many connections the server takes in all: the configured number, and in any case a tenth below the descriptor
 * limit, which leaves room for Redis, files and the store's API. Without either, 10,000.
 */
export function totalConnections(configured: number | undefined, limit: number | undefined): number {
  const belowLimit = limit === undefined ? Infinity : Math.max(64, Math.floor(limit * 0.9));
  return Math.min(configured ?? (limit === undefined ? 10_000 : Infinity), belowLimit);
}

/** Open connections per address, up to a limit (0: no limit). */
export function createAddressCounter(limit: number) {
  const open = new Map<string, number>();
  return {
    hasRoom: (address: string) => limit === 0 || (open.get(address) ?? 0) < limit,
    /** Counts a connection; false, counting nothing, when the address already has `limit`. */
    add(address: string): boolean {
      if (limit === 0) return true;
      const count = open.get(address) ?? 0;
      if (count >= limit) return false;
      open.set(address, count + 1);
      return true;
    },
    remove(address: string): void {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    },
  };
}

const refusal = (() => {
  const body = JSON.stringify({ error: { code: 'rate_limited', message: 'too many connections from this address; close some or try again later' } });
  return `HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nRetry-After: 10\r\nConnection: close\r\n\r\n${body}`;
})();

/** Answers 429 without reading anything the client sends, and lets the client close; a client that stays is cut. */
function refuse(socket: Socket): void {
  socket.pause();
  socket.end(refusal);
  setTimeout(() => socket.destroy(), 2_000).unref();
}

export interface ConnectionLimits {
  perAddress: number;
  total: number;
  /** Connections from a trusted proxy carry many clients: they are counted per client at the socket layer instead. */
  trustProxy: TrustProxy;
  logger: Logger;
}

/** Caps the TCP connections of each client address (HTTP, websockets and idle ones alike) and of the server. */
export function limitConnections(server: Server, { perAddress, total, trustProxy, logger }: ConnectionLimits): void {
  server.maxConnections = total;
  const counter = createAddressCounter(perAddress);
  // One line a minute at most: a flood must not also flood the log.
  let lastWarning = 0;
  const warn = (fields: object, message: string) => {
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    logger.warn(fields, message);
  };
  server.on('drop', () => warn({ total }, 'connection refused: the server holds as many connections as it takes'));
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    if (trustProxy(address, 0)) return;
    if (!counter.add(address)) {
      warn({ address, perAddress }, 'connection refused: too many from one address');
      return refuse(socket);
    }
    socket.once('close', () => counter.remove(address));
  });
}

/**
 * Cuts a request whose body arrives slower than MINIMUM_BODY_RATE: the server's request timeout alone would let a
 * client hold a connection for minutes by sending a byte now and then.
 */
export function requireBodyRate(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const raw = request.raw;
    const hasBody = Number(raw.headers['content-length'] ?? 0) > 0 || raw.headers['transfer-encoding'] !== undefined;
    if (!hasBody || raw.complete) return;
    const socket = raw.socket;
    let lastRead = socket.bytesRead;
    const timer = setInterval(() => {
      if (raw.complete) return clearInterval(timer);
      if (socket.bytesRead - lastRead < MINIMUM_BODY_RATE.bytes) {
        clearInterval(timer);
        request.log.warn({ receivedBytes: socket.bytesRead }, 'request body too slow: connection closed');
        socket.destroy();
      }
      lastRead = socket.bytesRead;
    }, MINIMUM_BODY_RATE.everyMs).unref();
    raw.once('end', () => clearInterval(timer));
    raw.once('close', () => clearInterval(timer));
  });
}
