// Keeps the current catalogue in memory, searchable, and reads it again on a timer: a turn reads it without waiting,
// a store that is down leaves the last good catalogue serving, and the index is rebuilt only when the data changed.
import { buildCatalogue, type Catalogue } from './catalogue.js';
import type { CatalogueData } from './product.js';
import type { Logger } from '../shared/index.js';
import type { ProductSource } from './source.js';

export interface ProductCatalogue {
  /** The catalogue last read; undefined until the first read succeeded. */
  current(): Catalogue | undefined;
  /** Reads the source now (the first read, a test, an operator's reload). */
  refresh(): Promise<Catalogue | undefined>;
  close(): void;
}

export function createProductCatalogue(source: ProductSource, { refreshSeconds, logger }: { refreshSeconds: number; logger: Logger }): ProductCatalogue {
  let catalogue: Catalogue | undefined;
  let lastData: CatalogueData | undefined;
  let reading: Promise<Catalogue | undefined> | undefined;

  async function read(): Promise<Catalogue | undefined> {
    try {
      const data = await source.readCatalogue();
      if (data !== lastData) {
        catalogue = buildCatalogue(data);
        lastData = data;
      }
    } catch (error) {
      logger.warn(
        { source: source.name, err: error },
        catalogue ? 'products could not be read; the last catalogue keeps serving' : 'products could not be read',
      );
    }
    return catalogue;
  }

  const refresh = () => (reading ??= read().finally(() => (reading = undefined)));
  const timer = setInterval(() => void refresh(), refreshSeconds * 1000);
  timer.unref();
  return {
    current: () => catalogue,
    refresh,
    close() {
      clearInterval(timer);
      source.close?.();
    },
  };
}
