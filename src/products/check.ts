// `borderless check` for the catalogue file: the one the file source reads (DATA_DIR/products.json, else the demo),
// with each problem at its line and column.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonDocument, problemAt, schemaProblems, type ContentProblem } from '../shared/index.js';
import { DEMO_PRODUCTS_FILE } from './file-source.js';
import { CatalogueSchema } from './product.js';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export async function catalogueFileProblems(dataDir: string, defaultLanguage: string, relativeTo: string): Promise<ContentProblem[]> {
  const own = path.resolve(dataDir, 'products.json');
  const file = (await exists(own)) ? own : DEMO_PRODUCTS_FILE;
  const name = path.relative(relativeTo, file) || file;
  const parsed = parseJsonDocument(name, await readFile(file, 'utf8'));
  if (!parsed.document) return parsed.problems;
  const result = CatalogueSchema.safeParse(parsed.document.value);
  if (!result.success) return schemaProblems(parsed.document, result.error);
  // A title the default language lacks is shown in another language to shoppers the store has no translation for.
  return result.data.products.flatMap((product, index) =>
    typeof product.title === 'object' && !product.title[defaultLanguage]
      ? [problemAt(parsed.document!, ['products', index, 'title'], `"${product.id}" has no title in the default language (${defaultLanguage})`, 'warning')]
      : [],
  );
}
