// A language's word lists (locales/<lang>/lexicon.json) compiled once per snapshot: yes and no, "I don't know",
// follow-up cues, and named lists of kinds (kinds.ts). How lists read messages and entries is lexicon-text.ts.
import { compileKinds, type KindMatcher } from './kinds.js';
import { ARABIC_LETTER, bareOf, readEntry, type LexiconText } from './lexicon-text.js';

export interface WordMatcher {
  matches(text: LexiconText): boolean;
}

export function compileWords(entries: readonly string[]): WordMatcher {
  const exact = new Set<string>();
  const phrases: string[] = [];
  const prefixes: string[] = [];
  const anywhere: string[] = [];
  for (const entry of entries) {
    const read = readEntry(entry);
    if ('anywhere' in read) {
      anywhere.push(read.anywhere);
      continue;
    }
    const { tokens, isPrefix } = read;
    if (tokens.length === 0) continue;
    if (isPrefix) prefixes.push(` ${tokens.join(' ')}`);
    else if (tokens.length === 1) exact.add(tokens[0]!);
    else phrases.push(` ${tokens.join(' ')} `);
  }
  const arabic = entries.some((entry) => ARABIC_LETTER.test(entry));
  const inWords = (tokens: readonly string[], padded: string) =>
    (exact.size > 0 && tokens.some((token) => exact.has(token))) ||
    phrases.some((phrase) => padded.includes(phrase)) ||
    prefixes.some((prefix) => padded.includes(prefix));
  const inBareWords = (text: LexiconText) => {
    const bare = bareOf(text);
    return !!bare && inWords(bare.tokens, bare.padded);
  };
  return {
    matches(text) {
      return inWords(text.tokens, text.padded) || anywhere.some((part) => text.folded.includes(part)) || (arabic && inBareWords(text));
    },
  };
}

export interface Lexicon {
  yes: WordMatcher;
  no: WordMatcher;
  /** "I don't have one", "I don't remember": an answer the shopper cannot give. */
  dontKnow: WordMatcher;
  /** "and…", "what about…": a message that continues the last topic. */
  followUp: WordMatcher;
  /** Named lists of kinds (problems, changes), which forms fill slots from. */
  kinds: ReadonlyMap<string, KindMatcher>;
}

export interface LexiconSource {
  yes: string[];
  no: string[];
  dontKnow: string[];
  followUp: string[];
  [list: string]: string[] | Record<string, string[]>;
}

const WORD_LISTS = ['yes', 'no', 'dontKnow', 'followUp'] as const;

export function compileLexicon(source: LexiconSource): Lexicon {
  const kinds = new Map<string, KindMatcher>();
  for (const [name, value] of Object.entries(source)) {
    if (!(WORD_LISTS as readonly string[]).includes(name) && !Array.isArray(value)) kinds.set(name, compileKinds(value));
  }
  return {
    yes: compileWords(source.yes),
    no: compileWords(source.no),
    dontKnow: compileWords(source.dontKnow),
    followUp: compileWords(source.followUp),
    kinds,
  };
}

export const EMPTY_LEXICON: Lexicon = compileLexicon({ yes: [], no: [], dontKnow: [], followUp: [] });

/** Longer messages are not a yes or a no, even when they contain one ("yes but first tell me…"). */
const MAX_ANSWER_WORDS = 6;

/** A short yes or no in the lexicon's language; neither when the message says both or is long. */
export function readYesNo(lexicon: Lexicon, text: LexiconText): 'yes' | 'no' | undefined {
  if (text.wordCount === 0 || text.wordCount > MAX_ANSWER_WORDS) return undefined;
  const yes = lexicon.yes.matches(text);
  const no = lexicon.no.matches(text);
  return yes === no ? undefined : yes ? 'yes' : 'no';
}

const either = (first: WordMatcher, second: WordMatcher): WordMatcher => ({ matches: (text) => first.matches(text) || second.matches(text) });

/**
 * The words of two languages at once: a short answer is read in the language it seems to be written in and in the
 * conversation's ("ja" is yes in a German conversation even when it looks Portuguese on its own).
 */
export function bothLexicons(first: Lexicon, second: Lexicon | undefined): Lexicon {
  if (!second || second === first) return first;
  // Lexicons live as long as their snapshot: each pair is put together once, not on every message.
  let pairs = combined.get(first);
  if (!pairs) combined.set(first, (pairs = new WeakMap()));
  let both = pairs.get(second);
  if (!both) pairs.set(second, (both = combine(first, second)));
  return both;
}

const combined = new WeakMap<Lexicon, WeakMap<Lexicon, Lexicon>>();

function combine(first: Lexicon, second: Lexicon): Lexicon {
  const kinds = new Map(second.kinds);
  for (const [name, matcher] of first.kinds) {
    const other = second.kinds.get(name);
    kinds.set(
      name,
      other
        ? {
            kinds: [...new Set([...matcher.kinds, ...other.kinds])],
            find: (text) => matcher.find(text) ?? other.find(text),
            findAll: (text) => [...new Set([...matcher.findAll(text), ...other.findAll(text)])],
            findLongest: (text) => matcher.findLongest(text) ?? other.findLongest(text),
          }
        : matcher,
    );
  }
  return {
    yes: either(first.yes, second.yes),
    no: either(first.no, second.no),
    dontKnow: either(first.dontKnow, second.dontKnow),
    followUp: either(first.followUp, second.followUp),
    kinds,
  };
}
