// The one interface every product source implements: the whole catalogue, read again now and then.
import type { CatalogueData } from './product.js';

/**
 * Where the bot reads the store's products: a JSON file (the demo store, by default), the store's own HTTP API, or
 * Shopify. A source reads the whole catalogue at once; the catalogue service keeps it and reads it again on a timer,
 * so a turn never waits for the store. A source throws (an OrderSourceError from the remote client, or a
 * ProductSourceError) when it cannot read; the last good catalogue keeps serving.
 */
export interface ProductSource {
  /** For logs: "file", "http", "shopify". */
  readonly name: string;
  readCatalogue(): Promise<CatalogueData>;
  close?(): void;
}

export class ProductSourceError extends Error {
  constructor(
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${source} products: ${message}`, options);
    this.name = 'ProductSourceError';
  }
}
