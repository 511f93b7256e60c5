// Named lists of kinds in a language's lexicon ("damaged", "wrong"…; colours, sizes, product aspects): all the lists
// of one name compiled into one index that each word of a message looks up.
import { ARABIC_LETTER, bareOf, readEntry, type LexiconText } from './lexicon-text.js';

/** Lists of one kind each ("damaged", "wrong"…): the first kind, in file order, whose words the message has. */
export interface KindMatcher {
  kinds: string[];
  find(text: LexiconText): string | undefined;
  /** Every kind whose words the message has, in file order ("olive green" is both olive and green). */
  findAll(text: LexiconText): string[];
  /** The kind of the entry of most words the message has, the most specific ("combien de litres" over "combien");
   * the first in file order of equally long ones (and always for Japanese, written without spaces). */
  findLongest(text: LexiconText): string | undefined;
}

/** A one-word entry with a final "*", or one written without spaces: its kind's position in the file, its text. */
interface KindEntry {
  kind: number;
  text: string;
}

/** An entry of several words, filed by its first: the words after it (with a final "*", the last one only begun). */
interface PhraseEntry {
  kind: number;
  rest: readonly string[];
  isPrefix: boolean;
  /** How many words it has: the more, the more specific. */
  words: number;
}

/** Whether a phrase's words after its first follow the message's word at `index`. */
function followsAt(tokens: readonly string[], index: number, { rest, isPrefix }: PhraseEntry): boolean {
  if (index + rest.length >= tokens.length) return false;
  for (let offset = 0; offset < rest.length; offset++) {
    const token = tokens[index + 1 + offset]!;
    if (isPrefix && offset === rest.length - 1 ? !token.startsWith(rest[offset]!) : token !== rest[offset]) return false;
  }
  return true;
}

const NO_ENTRIES: readonly KindEntry[] = [];
const NO_PHRASES: readonly PhraseEntry[] = [];
const NO_KINDS: readonly number[] = [];

function listed<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The lists of kinds as one index, for the same matches as compileWords on each list: each word of a message looks
 * up the entries that begin with it (a phrase by its first word, then its next words among the message's next ones;
 * a word with a final "*" by its first two letters), instead of every entry of every list being looked for in the
 * message.
 */
function kindIndex(lists: readonly (readonly string[])[]): (text: LexiconText) => ReadonlyMap<number, number> {
  const exact = new Map<string, number[]>();
  const byFirstWord = new Map<string, PhraseEntry[]>();
  const byStart = new Map<string, KindEntry[]>();
  const anywhere: KindEntry[] = [];
  let arabic = false;
  lists.forEach((entries, kind) => {
    for (const entry of entries) {
      arabic ||= ARABIC_LETTER.test(entry);
      const read = readEntry(entry);
      if ('anywhere' in read) anywhere.push({ kind, text: read.anywhere });
      else {
        const { tokens, isPrefix } = read;
        if (tokens.length === 1 && !isPrefix) listed(exact, tokens[0]!, kind);
        else if (tokens.length === 1) listed(byStart, tokens[0]!.slice(0, 2), { kind, text: tokens[0]! });
        else if (tokens.length > 1) listed(byFirstWord, tokens[0]!, { kind, rest: tokens.slice(1), isPrefix, words: tokens.length });
      }
    }
  });
  /** Each kind found, with the most words of its entries the message has. */
  const add = (found: Map<number, number>, kind: number, length: number) => found.set(kind, Math.max(found.get(kind) ?? 0, length));
  const startingWith = (token: string, start: string, found: Map<number, number>) => {
    for (const entry of byStart.get(start) ?? NO_ENTRIES) if (token.startsWith(entry.text)) add(found, entry.kind, 1);
  };
  const inWords = (tokens: readonly string[], found: Map<number, number>) => {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      for (const kind of exact.get(token) ?? NO_KINDS) add(found, kind, 1);
      for (const phrase of byFirstWord.get(token) ?? NO_PHRASES) if (followsAt(tokens, index, phrase)) add(found, phrase.kind, phrase.words);
      if (byStart.size === 0) continue;
      // A one-letter entry with a final "*" is filed under its letter, which a word's first two letters never are.
      startingWith(token, token.slice(0, 2), found);
      startingWith(token, token.slice(0, 1), found);
    }
  };
  // The last text matched, kept: a stage often asks one list twice of a message (its first kind, its longest).
  let last: { text: LexiconText; found: ReadonlyMap<number, number> } | undefined;
  return (text) => {
    if (last?.text === text) return last.found;
    const found = new Map<number, number>();
    inWords(text.tokens, found);
    for (const entry of anywhere) if (text.folded.includes(entry.text)) add(found, entry.kind, 1);
    const bare = arabic ? bareOf(text) : null;
    if (bare) inWords(bare.tokens, found);
    last = { text, found };
    return found;
  };
}

export function compileKinds(lists: Readonly<Record<string, readonly string[]>>): KindMatcher {
  const kinds = Object.keys(lists);
  const matched = kindIndex(Object.values(lists));
  const inOrder = (text: LexiconText) => [...matched(text)].sort(([a], [b]) => a - b);
  return {
    kinds,
    find: (text) => {
      const [first] = inOrder(text);
      return first === undefined ? undefined : kinds[first[0]];
    },
    findAll: (text) => inOrder(text).map(([kind]) => kinds[kind]!),
    findLongest: (text) => {
      // In file order, so that the first of equally long entries wins.
      const [longest] = inOrder(text).sort(([, a], [, b]) => b - a);
      return longest === undefined ? undefined : kinds[longest[0]];
    },
  };
}
