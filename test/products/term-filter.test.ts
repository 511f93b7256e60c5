import { describe, expect, it } from 'vitest';
import { buildTermFilter } from '../../src/products/term-filter.js';

/** Levenshtein distance, in UTF-16 units as the catalogue's search counts it. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

const vocabulary = ['ceramic', 'mug', 'merino', 'scarf', 'teapot', 'taza', 'bufanda', 'кружка', 'الكوب', 'マグ', 'leather', 'schürze'];

describe('the catalogue word filter', () => {
  const filter = buildTermFilter(vocabulary);

  it('never rules out a word the search would match: as written, a typo away, or the start of a name', () => {
    const words = [
      ...vocabulary,
      'ceramik',
      'cermic',
      'ceramci',
      'merinos',
      'scraf',
      'tepot',
      'teapots',
      'bufnda',
      'кружку',
      'الكوبب',
      'cera',
      'leathr',
      'weather',
      'schurze',
      'order',
      'where',
      'refund',
      'package',
      'hello',
    ];
    for (const word of words) {
      for (const allowed of [0, 1, 2]) {
        for (const prefix of [false, true]) {
          const matches = vocabulary.some((name) => distance(word, name) <= allowed || (prefix && name.startsWith(word)));
          if (matches) expect(filter.mayMatch(word, allowed, prefix), `${word} within ${allowed}`).toBe(true);
        }
      }
    }
  });

  it('rules out words far from every name, so most of a message is not searched', () => {
    for (const word of ['order', 'where', 'refund', 'package', 'hello', 'cancel']) expect(filter.mayMatch(word, 1, true)).toBe(false);
  });
});
