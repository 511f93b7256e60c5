import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueFileProblems } from '../../src/products/index.js';

describe('checking the catalogue file', () => {
  it('finds no problem in the demo catalogue', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'borderless-check-'));
    try {
      expect(await catalogueFileProblems(empty, 'en', empty)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("points at each mistake in the store's own file by line and column", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-check-'));
    try {
      const products = [
        { id: 'mug', title: { en: 'Mug' }, prices: { USD: 10 }, variants: [{ sku: 'MUG-1', stock: 2 }] },
        { id: 'mug', title: { es: 'Taza' }, prices: { EUR: 9 }, image: 'javascript:alert(1)', variants: [{ sku: 'mug-1', stock: 1 }] },
      ];
      await writeFile(path.join(dataDir, 'products.json'), JSON.stringify({ products }, null, 2));
      const problems = await catalogueFileProblems(dataDir, 'en', dataDir);
      const messages = problems.map((problem) => `${problem.file}:${problem.line} ${problem.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^products\.json:\d+ products\[1\]\.image: /),
          expect.stringMatching(/"mug" is the id of an earlier product/),
          expect.stringMatching(/SKU "mug-1" is used by an earlier variant/),
          expect.stringMatching(/needs a price in the base currency USD/),
        ]),
      );
      expect(problems.every((problem) => problem.severity === 'error' && problem.line > 1)).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
