// A language's word lists (locales/<lang>/lexicon.json) compiled once per snapshot: yes and no, "I don't know",
// follow-up cues, kinds of problem and of change. Entries are folded like messages (case and accents do not count)
// and match whole words or phrases; a final "*" matches any ending ("beschädig*"). Entries in scripts written
// without spaces (Japanese) match anywhere in the message.
import { fold, words } from '../shared/index.js';

/** A message as the lists read it: folded words, space-padded so a phrase matches whole words only. */
export interface LexiconText {
  tokens: string[];
  padded: string;
  folded: string;
  wordCount: number;
}

export function lexiconText(text: string): LexiconText {
  const folded = fold(text);
  const tokens = words(folded);
  return { tokens, padded: ` ${tokens.join(' ')} `, folded, wordCount: tokens.length };
}

export interface WordMatcher {
  matches(text: LexiconText): boolean;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

export function compileWords(entries: readonly string[]): WordMatcher {
  const exact = new Set<string>();
  const phrases: string[] = [];
  const prefixes: string[] = [];
  const anywhere: string[] = [];
  for (const entry of entries) {
    const isPrefix = entry.trim().endsWith('*');
    const folded = fold(entry.replace(/\*\s*$/, ''));
    if (UNSPACED.test(folded)) {
      anywhere.push(folded.replace(/\s+/g, ''));
      continue;
    }
    const tokens = words(folded);
    if (tokens.length === 0) continue;
    if (isPrefix) prefixes.push(` ${tokens.join(' ')}`);
    else if (tokens.length === 1) exact.add(tokens[0]!);
    else phrases.push(` ${tokens.join(' ')} `);
  }
  return {
    matches(text) {
      if (exact.size > 0 && text.tokens.some((token) => exact.has(token))) return true;
      return (
        phrases.some((phrase) => text.padded.includes(phrase)) ||
        prefixes.some((prefix) => text.padded.includes(prefix)) ||
        anywhere.some((part) => text.folded.includes(part))
      );
    },
  };
}

/** Lists of one kind each ("damaged", "wrong"…): the first kind, in file order, whose words the message has. */
export interface KindMatcher {
  kinds: string[];
  find(text: LexiconText): string | undefined;
}

export function compileKinds(lists: Readonly<Record<string, readonly string[]>>): KindMatcher {
  const compiled = Object.entries(lists).map(([kind, entries]) => [kind, compileWords(entries)] as const);
  return {
    kinds: compiled.map(([kind]) => kind),
    find: (text) => compiled.find(([, matcher]) => matcher.matches(text))?.[0],
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
    kinds.set(name, other ? { kinds: [...new Set([...matcher.kinds, ...other.kinds])], find: (text) => matcher.find(text) ?? other.find(text) } : matcher);
  }
  return {
    yes: either(first.yes, second.yes),
    no: either(first.no, second.no),
    dontKnow: either(first.dontKnow, second.dontKnow),
    followUp: either(first.followUp, second.followUp),
    kinds,
  };
}
