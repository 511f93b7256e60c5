#!/usr/bin/env node
// Entry point of the `borderless` command; the TypeScript sources are compiled to dist/ by `npm ci` (prepare).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('borderless is not built yet: run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
await import(entry.href);
