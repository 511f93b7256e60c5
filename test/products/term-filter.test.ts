import { describe, expect, it } from 'vitest';
import { buildTermFilter } from '../../src/products/term-filter.js';
import { editDistance as distance } from '../../src/shared/index.js';

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
