// Bundles the browser code (the widget, the console and its stylesheet) into dist/web/ with esbuild, and prints
// each file's size gzipped against its budget; run by `npm run build` and before tests.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Gzipped budgets: the widget loads on every page of a store, the console on every agent's sign-in. */
export const BUDGETS: Record<string, number> = { 'widget.js': 40 * 1024, 'console.js': 30 * 1024, 'console.css': 8 * 1024 };

export async function buildWeb(): Promise<void> {
  await build({
    entryPoints: { widget: 'src/web/widget/index.ts', console: 'src/web/console/index.ts' },
    outdir: 'dist/web',
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  await build({ entryPoints: { console: 'src/web/console/console.css' }, outdir: 'dist/web', bundle: true, minify: true, logLevel: 'warning' });
}

/** Each bundle's size, raw and gzipped, with its budget. */
export async function bundleSizes(): Promise<{ file: string; bytes: number; gzipped: number; budget: number }[]> {
  return Promise.all(
    Object.entries(BUDGETS).map(async ([file, budget]) => {
      const contents = await readFile(`dist/web/${file}`);
      return { file, bytes: contents.length, gzipped: gzipSync(contents).length, budget };
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildWeb();
  for (const { file, bytes, gzipped, budget } of await bundleSizes()) {
    const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
    process.stdout.write(
      `dist/web/${file.padEnd(12)} ${kb(bytes).padStart(9)}  ${kb(gzipped).padStart(8)} gzipped (budget ${kb(budget)})${gzipped > budget ? '  OVER BUDGET' : ''}\n`,
    );
  }
}
