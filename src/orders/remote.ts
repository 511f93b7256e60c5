// Talks to a store's HTTP API without ever stalling the bot: a timeout on each try, retries with exponential
// back-off and jitter on network errors, 429 and 5xx (never on other 4xx), a short cache, and a circuit breaker
// that makes lookups fail fast while the store is slow or down. Every remote order source uses this one client.
import CircuitBreaker from 'opossum';
import { createTtlCache } from './ttl-cache.js';
import type { Logger } from '../shared/index.js';
import { OrderSourceError, OrderSourceUnavailable } from './source.js';

export interface ResilienceTuning {
  /** First retry waits about this long; each next one twice as long, up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long the breaker stays open before letting one trial request through. */
  breakerResetMs: number;
  /** Share of failed tries in the window (0-100) that opens the breaker... */
  breakerErrorPercentage: number;
  /** ...once at least this many tries were made in it. */
  breakerVolumeThreshold: number;
  breakerWindowMs: number;
}

export const DEFAULT_TUNING: ResilienceTuning = {
  backoffBaseMs: 100,
  backoffMaxMs: 1000,
  breakerResetMs: 15_000,
  breakerErrorPercentage: 50,
  breakerVolumeThreshold: 5,
  breakerWindowMs: 30_000,
};

export interface RemoteClientOptions {
  /** Names the source in logs and errors ("http", "shopify"). */
  name: string;
  headers?: Record<string, string>;
  /** Limit of each try, response body included. */
  timeoutMs: number;
  /** Tries after the first, for lookups (requests that change something are tried once). */
  retries: number;
  cacheSeconds: number;
  logger: Logger;
  /** What to check when the store refuses our credentials, e.g. "ORDERS_AUTH_HEADER". */
  credentialsHint: string;
  tuning?: Partial<ResilienceTuning>;
}

export interface RemoteResponse {
  status: number;
  /** Parsed JSON; undefined for an empty body. */
  body: unknown;
}

export interface RemoteClient {
  /** GETs JSON; undefined when the store answers 404. Throws OrderSourceUnavailable or OrderSourceError. */
  getJson(url: string): Promise<unknown>;
  /** Sends JSON once, without retries; answers below 500 (and 501) are returned for the caller to read. */
  send(method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown): Promise<RemoteResponse>;
  /** Runs load through the cache: its answer is reused for cacheSeconds. */
  cached<T>(key: string, load: () => Promise<T>): Promise<T>;
  forget(key: string): void;
  close(): void;
}

/** A try that may succeed when repeated: the network failed, it timed out, or the store said 429 or 5xx. */
class TransientFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface RawResponse {
  status: number;
  statusText: string;
  text: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

const isRetriableStatus = (status: number) => status === 429 || (status >= 500 && status !== 501);

function parseJson(source: string, url: string, text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new OrderSourceError(source, `${new URL(url).pathname} answered something that is not JSON`, { cause: error });
  }
}

function parseJsonOrNothing(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One try; only transient failures throw, so only they count against the store in the breaker. */
async function tryOnce(headers: Record<string, string>, timeoutMs: number, method: string, url: string, body?: unknown): Promise<RawResponse> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual', // credentials must not follow a redirect to another host
    });
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new TransientFailure(timedOut ? `no answer within ${timeoutMs} ms` : 'could not reach the store', undefined, { cause: error });
  }
  if (isRetriableStatus(response.status)) {
    throw new TransientFailure(`the store answered ${response.status} ${response.statusText}`, retryAfterMs(response.headers.get('retry-after')));
  }
  return { status: response.status, statusText: response.statusText, text };
}

type Try = (method: string, url: string, body?: unknown) => Promise<RawResponse>;

function createBreaker(name: string, tuning: ResilienceTuning, logger: Logger, attempt: Try) {
  const breaker = new CircuitBreaker(attempt, {
    name,
    timeout: false, // each try has its own timeout, which also aborts the request
    resetTimeout: tuning.breakerResetMs,
    errorThresholdPercentage: tuning.breakerErrorPercentage,
    volumeThreshold: tuning.breakerVolumeThreshold,
    rollingCountTimeout: tuning.breakerWindowMs,
  });
  breaker.on('open', () => logger.warn({ source: name }, 'order source is failing: lookups fail fast for a while'));
  breaker.on('halfOpen', () => logger.info({ source: name }, 'order source: trying the store again'));
  breaker.on('close', () => logger.info({ source: name }, 'order source answers again'));
  return breaker;
}

/** Throws the error that explains a refusal: credentials for 401 and 403, the status otherwise. */
function refuse(name: string, credentialsHint: string, url: string, response: RawResponse): never {
  const where = new URL(url).pathname;
  if (response.status === 401 || response.status === 403) {
    throw new OrderSourceError(name, `the store refused the request (${response.status} ${response.statusText}) to ${where}; check ${credentialsHint}`);
  }
  const hint = response.status >= 300 && response.status <= 399 ? '; redirects are not followed: configure the final address' : '';
  throw new OrderSourceError(name, `the store answered ${response.status} ${response.statusText} to ${where}${hint}`);
}

export function createRemoteClient(options: RemoteClientOptions): RemoteClient {
  const { name, timeoutMs, retries, logger, credentialsHint } = options;
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const headers = { accept: 'application/json', 'user-agent': 'borderless', ...options.headers };
  const cache = createTtlCache({ ttlMs: options.cacheSeconds * 1000 });
  const breaker = createBreaker(name, tuning, logger, (method, url, body) => tryOnce(headers, timeoutMs, method, url, body));

  async function request(method: string, url: string, body: unknown, tries: number): Promise<RawResponse> {
    for (let tried = 1; ; tried++) {
      try {
        return await breaker.fire(method, url, body);
      } catch (error) {
        if ((error as { code?: string }).code === 'EOPENBREAKER') {
          throw new OrderSourceUnavailable(name, 'the store failed repeatedly moments ago; not asking it again yet', { cause: error });
        }
        if (!(error instanceof TransientFailure)) throw error;
        const backoff = Math.min(tuning.backoffMaxMs, tuning.backoffBaseMs * 2 ** (tried - 1));
        const wait = error.retryAfterMs ?? backoff * (0.5 + Math.random() / 2);
        // A store asking us to wait longer than a shopper would is as good as down.
        if (tried >= tries || wait > tuning.backoffMaxMs) {
          throw new OrderSourceUnavailable(name, `${error.message} (${tried} ${tried === 1 ? 'try' : 'tries'})`, { cause: error });
        }
        logger.debug({ source: name, tried, waitMs: Math.round(wait), reason: error.message }, 'order source: retrying');
        await sleep(wait);
      }
    }
  }

  return {
    async getJson(url) {
      const response = await request('GET', url, undefined, retries + 1);
      if (response.status === 404) return undefined;
      if (response.status < 200 || response.status > 299) refuse(name, credentialsHint, url, response);
      return parseJson(name, url, response.text);
    },
    async send(method, url, body) {
      const response = await request(method, url, body, 1);
      if (response.status === 401 || response.status === 403) refuse(name, credentialsHint, url, response);
      // A refusal may come as an HTML page; only a success must be JSON.
      const isSuccess = response.status >= 200 && response.status <= 299;
      return { status: response.status, body: isSuccess ? parseJson(name, url, response.text) : parseJsonOrNothing(response.text) };
    },
    cached: (key, load) => cache.get(key, load),
    forget: (key) => cache.delete(key),
    close: () => breaker.shutdown(),
  };
}
