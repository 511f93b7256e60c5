// Loads the content for a command, printing problems to stderr; exits when it cannot be used.
import { pino } from 'pino';
import type { Config } from '../config.js';
import { loadSnapshot, modelCacheDirIn, type Snapshot } from '../knowledge/index.js';
import { createProductCatalogue, createProductSource, type Catalogue } from '../products/index.js';
import { formatProblem, type Logger } from '../shared/index.js';

/** The store's products as PRODUCT_SOURCE names them, read once for a command; none when they cannot be read. */
export async function loadCatalogue(config: Config): Promise<Catalogue | undefined> {
  const products = createProductCatalogue(createProductSource(config, commandLogger), { refreshSeconds: 86_400, logger: commandLogger });
  try {
    return await products.refresh();
  } finally {
    products.close();
  }
}

export async function loadContentOrExit(config: Pick<Config, 'CONTENT_DIR' | 'DATA_DIR'>): Promise<Snapshot> {
  const { snapshot, problems } = await loadSnapshot(config.CONTENT_DIR, { modelCacheDir: modelCacheDirIn(config.DATA_DIR) });
  if (!snapshot) {
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    process.stderr.write('content has errors; run `borderless check` for the full list\n');
    process.exit(1);
  }
  return snapshot;
}

/** For services a command uses (the order source): warnings go to stderr, nothing else is printed. */
export const commandLogger: Logger = pino(
  { level: 'warn', base: null, timestamp: false },
  {
    write(line: string) {
      process.stderr.write(`${(JSON.parse(line) as { msg: string }).msg}\n`);
    },
  },
);
