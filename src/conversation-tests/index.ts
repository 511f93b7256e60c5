// Conversation tests: load the files, run them, report.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Snapshot } from '../knowledge/index.js';
import { parseJsonDocument, schemaProblems } from '../knowledge/index.js';
import type { ContentProblem } from '../shared/index.js';
import { DEMO_ORDERS_FILE, type Order, readOrdersFile } from '../orders/index.js';
import { buildCatalogue, CatalogueSchema, DEMO_PRODUCTS_FILE, type Catalogue } from '../products/index.js';
import { runConversationTest, type StepFailure } from './run.js';
import { ConversationTestFile, type ConversationTest } from './schema.js';

export { describeFailure, type StepFailure } from './run.js';
export { ConversationTestFile, type ConversationTest } from './schema.js';

export interface TestReport {
  files: number;
  tests: number;
  steps: number;
  failures: StepFailure[];
  problems: ContentProblem[];
}

async function testFiles(target: string): Promise<string[]> {
  const info = await stat(target);
  if (info.isFile()) return [target];
  const entries = await readdir(target, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(target, entry.name))
    .sort();
}

export async function loadConversationTests(
  target: string,
  relativeTo: string,
): Promise<{ tests: { file: string; test: ConversationTest; orders?: Order[] }[]; problems: ContentProblem[] }> {
  const tests: { file: string; test: ConversationTest; orders?: Order[] }[] = [];
  const problems: ContentProblem[] = [];
  for (const file of await testFiles(target)) {
    const name = path.relative(relativeTo, file) || file;
    const parsed = parseJsonDocument(name, await readFile(file, 'utf8'));
    if (!parsed.document) {
      problems.push(...parsed.problems);
      continue;
    }
    const result = ConversationTestFile.safeParse(parsed.document.value);
    if (!result.success) {
      problems.push(...schemaProblems(parsed.document, result.error));
      continue;
    }
    for (const test of result.data.tests) tests.push({ file: name, test: { ...test, name: `${name} › ${test.name}` }, orders: result.data.orders });
  }
  return { tests, problems };
}

/** The demo store's products, which product questions in the tests are about. */
async function demoCatalogue(): Promise<Catalogue> {
  return buildCatalogue(CatalogueSchema.parse(JSON.parse(await readFile(DEMO_PRODUCTS_FILE, 'utf8'))));
}

export async function runConversationTests(snapshot: Snapshot, target: string, relativeTo: string, now = new Date()): Promise<TestReport> {
  const { tests, problems } = await loadConversationTests(target, relativeTo);
  const report: TestReport = { files: new Set(tests.map((entry) => entry.file)).size, tests: tests.length, steps: 0, failures: [], problems };
  let demoOrders: Order[] | undefined;
  const catalogue = await demoCatalogue();
  for (const { test, orders } of tests) {
    const { steps, failures } = await runConversationTest(snapshot, test, now, orders ?? (demoOrders ??= await readOrdersFile(DEMO_ORDERS_FILE)), catalogue);
    report.steps += steps;
    report.failures.push(...failures);
  }
  return report;
}
