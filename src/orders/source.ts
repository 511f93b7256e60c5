// The one interface every order source implements, and the errors they throw.
import { AppError, type Logger } from '../shared/index.js';
import type { Order } from './order.js';

/** What a store said to a cancellation or change request. */
export interface ActionResult {
  ok: boolean;
  /** The store's own words, for the agent or to pass on to the shopper. */
  message?: string;
}

/** A change the shopper asks for before the order ships. */
export interface OrderChange {
  kind: 'address' | 'items' | 'other';
  /** What the shopper wants, in their words. */
  details: string;
}

/**
 * Where the bot looks orders up: a JSON file (the demo store, by default), a store's own HTTP API, or Shopify.
 *
 * - Lookups never stall the bot: remote sources give up after a short timeout and a few retries, and fail fast
 *   while the store is down. Then they throw {@link OrderSourceUnavailable}; other failures (refused credentials,
 *   a malformed answer) throw {@link OrderSourceError}. Either way the bot should say it cannot look orders up
 *   now, or hand off.
 * - A source does not check who is asking: give an order's details only to a verified shopper (a signed identity,
 *   or the order number together with the e-mail on the order).
 */
export interface OrderSource {
  /** For logs: "file", "http", "shopify". */
  readonly name: string;
  /** The order with this number ("100234" or "#100234"); undefined when there is none. */
  findByNumber(orderNumber: string): Promise<Order | undefined>;
  /** The customer's orders, most recent first, at most `limit` (default 10); empty for an unknown customer. */
  listByCustomer(customerId: string, limit?: number): Promise<Order[]>;
  /** Asks the store to cancel an order. Undefined when this source cannot (a person must do it). */
  requestCancellation?(orderNumber: string, reason: string): Promise<ActionResult | undefined>;
  /** Asks the store to change an order. Undefined when this source cannot (a person must do it). */
  requestChange?(orderNumber: string, change: OrderChange): Promise<ActionResult | undefined>;
  /** Stops timers; lookups after close are not expected. */
  close?(): void;
}

/** The source could not answer: a malformed answer, refused credentials, a broken orders file. */
export class OrderSourceError extends AppError {
  constructor(
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('unavailable', `${source} orders: ${message}`);
    this.name = 'OrderSourceError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The store is slow or down (or was, moments ago): try again later, do not wait for it. */
export class OrderSourceUnavailable extends OrderSourceError {
  constructor(source: string, message: string, options?: { cause?: unknown }) {
    super(source, message, options);
    this.name = 'OrderSourceUnavailable';
  }
}

export const DEFAULT_LIST_LIMIT = 10;
