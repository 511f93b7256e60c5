// Bundles the browser code (the widget) into dist/web/ with esbuild; run by `npm run build`.
import { build } from 'esbuild';

await build({
  entryPoints: { widget: 'src/web/widget/index.ts' },
  outdir: 'dist/web',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  legalComments: 'none',
  logLevel: 'warning',
});
