// Products from the store's own HTTP API: GET {base}/products answers the catalogue file's shape
// ({baseCurrency, rates, translations, products}), read through the same resilient client as orders.
import { createRemoteClient, type ResilienceTuning } from '../orders/index.js';
import { CatalogueSchema, type CatalogueData } from './product.js';
import { describeIssues } from './issues.js';
import { parseHeaderLine, type Logger } from '../shared/index.js';
import { ProductSourceError, type ProductSource } from './source.js';

export interface HttpProductSourceOptions {
  baseUrl: string;
  /** The full header line, e.g. "Authorization: Bearer xyz". */
  authHeader?: string;
  timeoutMs: number;
  retries: number;
  logger: Logger;
  tuning?: Partial<ResilienceTuning>;
}

export function createHttpProductSource(options: HttpProductSourceOptions): ProductSource {
  const base = options.baseUrl.replace(/\/+$/, '');
  const header = options.authHeader === undefined ? undefined : parseHeaderLine(options.authHeader);
  if (options.authHeader !== undefined && !header) throw new ProductSourceError('http', 'PRODUCTS_AUTH_HEADER must look like "Authorization: Bearer xyz"');
  // No cache here: the catalogue service keeps the catalogue and decides when to read it again.
  const client = createRemoteClient({
    name: 'http',
    headers: header ? { [header.name]: header.value } : {},
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    cacheSeconds: 0,
    logger: options.logger,
    credentialsHint: 'PRODUCTS_AUTH_HEADER',
    tuning: options.tuning,
  });
  return {
    name: 'http',
    async readCatalogue(): Promise<CatalogueData> {
      const body = await client.getJson(`${base}/products`);
      if (body === undefined) throw new ProductSourceError('http', `${base}/products answered 404`);
      const parsed = CatalogueSchema.safeParse(body);
      if (!parsed.success) throw new ProductSourceError('http', `/products answered a catalogue that does not fit: ${describeIssues(parsed.error)}`);
      return parsed.data;
    },
    close: () => client.close(),
  };
}
