// The words of the products' names per language, sorted, to tell when a shopper's bare noun also begins a word of
// another product's name in that language: "tea" is the tea sampler's word and the start of "teapot", "чай" of
// "чайник", "thé" of "théière", "Tee" of "Teekanne". Said alone, such a word fits both products.
import { lowerBound } from './term-filter.js';

export interface HeadWords {
  /** The products other than `except` with a longer word in that language's names that begins with `word`. */
  sharing(word: string, language: string, except: string): string[];
}

/** `names`: each name's language ("*" for a name in every language), product and search terms. */
export function buildHeadWords(names: Iterable<{ language: string; product: string; terms: readonly string[] }>): HeadWords {
  const byLanguage = new Map<string, [string, string][]>();
  for (const { language, product, terms } of names) {
    const list = byLanguage.get(language) ?? [];
    for (const term of terms) list.push([term, product]);
    byLanguage.set(language, list);
  }
  for (const list of byLanguage.values()) list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    sharing(word, language, except) {
      const found = new Set<string>();
      for (const list of [byLanguage.get(language), byLanguage.get('*')]) {
        if (!list) continue;
        for (let index = lowerBound(list, word, ([name]) => name); index < list.length && list[index]![0].startsWith(word); index++) {
          const [name, product] = list[index]!;
          // The same word in another name is mostly a word about it ("tea cup", "tea urn"); a longer one is a
          // compound of it ("teapot").
          if (product !== except && name !== word) found.add(product);
        }
      }
      return [...found];
    },
  };
}
