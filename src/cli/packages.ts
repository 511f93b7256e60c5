// borderless packages ORDER.json [--json]: what to put in an order's parcel, by the package rules. The file holds an
// order, or {order, customer}.
import { readFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { PackageRequest, suggestPackageInserts } from '../packages/index.js';
import { loadContentOrExit } from './load-content.js';

export async function packagesCommand(config: Config, file: string | undefined, options: { json?: boolean }): Promise<number> {
  if (!file) {
    process.stderr.write('packages needs an order file: borderless packages order.json\n');
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(error as Error).message})`}\n`);
    return 2;
  }
  const isWrapped = typeof json === 'object' && json !== null && 'order' in json;
  const parsed = PackageRequest.safeParse(isWrapped ? json : { order: json });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) process.stderr.write(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}\n`);
    return 2;
  }
  const snapshot = await loadContentOrExit(config);
  const suggestion = await suggestPackageInserts(snapshot, parsed.data, new Date());
  if (options.json) {
    process.stdout.write(`${JSON.stringify(suggestion, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(6, ...suggestion.inserts.map((insert) => insert.id.length));
  const lines = [`order ${suggestion.orderNumber}, written in ${suggestion.language}`, ''];
  if (suggestion.inserts.length === 0) lines.push('(no package rule matches this order)');
  lines.push(`${'insert'.padEnd(width)}  why and what it says`);
  for (const insert of suggestion.inserts) {
    lines.push(`${insert.id.padEnd(width)}  ${insert.reason} (rule ${insert.rule})`, `${' '.repeat(width)}  “${insert.text}”`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
