// How the store talks to Redis when Redis goes away: commands fail fast with an `unavailable` error instead of
// piling up, and the client keeps reconnecting, so the node serves again as soon as Redis is back.
import { Redis, type RedisOptions } from 'ioredis';
import { AppError } from '../../shared/index.js';

/** No command waits longer than this for an answer, whether it is queued offline or sent on a dead connection. */
export const COMMAND_TIMEOUT_MS = 1500;

/**
 * The bound during an outage: a command sent while the connection is down waits in the offline queue (so a blip of a
 * few hundred milliseconds goes unnoticed), but fails after COMMAND_TIMEOUT_MS, and the queue is emptied after every
 * second failed reconnect attempt (attempts are at most 1 s apart), so it never holds more than about the last two
 * seconds of commands. A command that timed out may still run once Redis is back, like any write whose reply was
 * lost: shopper messages are idempotent by clientMessageId. No blocking commands (BLPOP, XREAD BLOCK) on this client:
 * the timeout would cut them short.
 */
export const STORE_CLIENT_OPTIONS: RedisOptions = {
  enableOfflineQueue: true,
  maxRetriesPerRequest: 1,
  commandTimeout: COMMAND_TIMEOUT_MS,
  connectTimeout: 2000,
  // Commands that were on the wire when the connection dropped have already failed for their callers.
  autoResendUnfulfilledCommands: false,
  retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
};

export function createStoreClient(url: string): Redis {
  const client = new Redis(url, STORE_CLIENT_OPTIONS);
  client.on('error', () => undefined); // reported through ping() and failed commands, not as a crash
  return client;
}

const UNREACHABLE_MESSAGES = /^(Command timed out|Connection is closed|Stream isn't writeable|Reached the max retries|LOADING|MISCONF)/;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** Whether an error means Redis could not be reached (or cannot serve yet), rather than a fault in the request. */
export function isRedisUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'MaxRetriesPerRequestError' || UNREACHABLE_MESSAGES.test(error.message) || UNREACHABLE_CODES.has((error as NodeJS.ErrnoException).code ?? '')
  );
}

export const storeUnavailable = (cause: unknown) =>
  new AppError('unavailable', 'the conversation store is not reachable right now; please try again in a moment', { cause });

/** Wraps every method of a store so that Redis being unreachable surfaces as one clear `unavailable` error. */
export function reportOutages<T extends object>(store: T): T {
  const rethrow = (error: unknown) => {
    throw isRedisUnreachable(error) ? storeUnavailable(error) : error;
  };
  return Object.fromEntries(
    Object.entries(store).map(([name, value]) => [
      name,
      typeof value === 'function'
        ? function (this: unknown, ...args: unknown[]) {
            const result = (value as (...args: unknown[]) => unknown).apply(this, args);
            return result instanceof Promise ? result.catch(rethrow) : result;
          }
        : value,
    ]),
  ) as T;
}
