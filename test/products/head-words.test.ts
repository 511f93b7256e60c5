import { describe, expect, it } from 'vitest';
import { buildHeadWords } from '../../src/products/head-words.js';

describe("the words of the products' names per language", () => {
  const heads = buildHeadWords([
    { language: 'en', product: 'tea', terms: ['loose', 'leaf', 'tea', 'sampler'] },
    { language: 'en', product: 'teapot', terms: ['cast', 'iron', 'teapot'] },
    { language: 'en', product: 'mug', terms: ['tea', 'cup'] },
    { language: 'de', product: 'teapot', terms: ['teekanne'] },
    { language: '*', product: 'oud', terms: ['oud'] },
  ]);

  it('find the other products a word begins a longer word of, in that language or in every language', () => {
    expect(heads.sharing('tea', 'en', 'tea')).toEqual(['teapot']);
    expect(heads.sharing('tee', 'de', 'tea')).toEqual(['teapot']);
    expect(heads.sharing('ou', 'fr', 'tea')).toEqual(['oud']);
  });

  it('leave out the same word in another name, the product itself, and other languages', () => {
    expect(heads.sharing('tea', 'en', 'teapot')).toEqual([]);
    expect(heads.sharing('tee', 'en', 'tea')).toEqual([]);
  });
});
