// Products from a JSON file: DATA_DIR/products.json when it exists, else the package's demo catalogue. The file is
// read again only when it changed; a broken edit is logged once and the last good catalogue keeps serving.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogueSchema, type CatalogueData } from './product.js';
import { describeIssues } from './issues.js';
import type { Logger } from '../shared/index.js';
import { ProductSourceError, type ProductSource } from './source.js';

export const DEMO_PRODUCTS_FILE = fileURLToPath(new URL('../../demo/products.json', import.meta.url));

export interface FileProductSourceOptions {
  dataDir: string;
  logger: Logger;
  /** Where to read when DATA_DIR has no products.json; the package's demo catalogue by default. */
  fallbackFile?: string;
}

export function createFileProductSource({ dataDir, logger, fallbackFile = DEMO_PRODUCTS_FILE }: FileProductSourceOptions): ProductSource {
  const dataFile = path.resolve(dataDir, 'products.json');
  let loaded: { version: string; catalogue: CatalogueData } | undefined;
  let failedVersion: string | undefined;

  async function currentFile(): Promise<{ file: string; version: string }> {
    for (const file of [dataFile, fallbackFile]) {
      try {
        const info = await stat(file);
        return { file, version: `${file}:${info.mtimeMs}:${info.size}` };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new ProductSourceError('file', `neither ${dataFile} nor the demo products exist`);
  }

  return {
    name: 'file',
    // The same object while the file is unchanged: the catalogue service then keeps its index.
    async readCatalogue() {
      const { file, version } = await currentFile();
      if (loaded && (loaded.version === version || failedVersion === version)) return loaded.catalogue;
      try {
        const catalogue = CatalogueSchema.parse(JSON.parse(await readFile(file, 'utf8')));
        loaded = { version, catalogue };
        failedVersion = undefined;
        logger.info({ file, products: catalogue.products.length }, 'products loaded');
        return catalogue;
      } catch (error) {
        const problem = describeIssues(error);
        if (failedVersion !== version)
          logger.warn({ file, problem }, loaded ? 'products file is broken; the last good products keep serving' : 'products file is broken');
        failedVersion = version;
        if (loaded) return loaded.catalogue;
        throw new ProductSourceError('file', `${file} is broken: ${problem}`, { cause: error });
      }
    },
  };
}
