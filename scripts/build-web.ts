// Bundles the browser code (the widget) into dist/web/ with esbuild; run by `npm run build` and before tests.
import { build } from 'esbuild';

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
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWeb();
