// A language's word lists (locales/<lang>/lexicon.json) compiled once per snapshot: yes and no, "I don't know",
// follow-up cues, kinds of problem and of change. Entries are folded like messages (case and accents do not count)
// and match whole words or phrases; a final "*" matches any ending ("beschädig*"). Entries in scripts written
// without spaces (Japanese) match anywhere in the message.
import { boundedMemo, fold, words } from '../shared/index.js';

/** How many different texts' readings are kept. */
const READ_TEXTS = 2000;

/** A message as the lists read it: folded words, space-padded so a phrase matches whole words only. */
export interface LexiconText {
  readonly tokens: readonly string[];
  readonly padded: string;
  readonly folded: string;
  readonly wordCount: number;
}

/**
 * Texts read lately, kept: the stages of one turn read the same message one after another, and the product stage
 * reads the catalogue's names and options on every message. The same text gives the same reading, which is what
 * lets a list remember its last match.
 */
export const lexiconText = boundedMemo((text: string): LexiconText => {
  const folded = fold(text);
  const tokens = words(folded);
  return { tokens, padded: ` ${tokens.join(' ')} `, folded, wordCount: tokens.length };
}, READ_TEXTS);

// linear: an optional one-letter conjunction or preposition, then one of two fixed articles, then a lookahead (a
// word of three letters or more: "البس" is a verb, not "the بس").
const ARABIC_ARTICLE = /^(?:و|ف|ب|ك|ل)?(?:ال|لل)(?=\p{L}{3,})/u;

// linear: one character class.
const ARABIC_LETTER = /\p{Script=Arabic}/u;

const bareWords = new WeakMap<LexiconText, { tokens: string[]; padded: string } | null>();

/**
 * Arabic writes "the" (and "and the", "for the"…) onto the word: the text's words without it, null when none had
 * it. Worked out once per text, and only for lists that have Arabic words.
 */
function bareOf(text: LexiconText): { tokens: string[]; padded: string } | null {
  let bare = bareWords.get(text);
  if (bare === undefined) {
    const tokens = text.tokens.map((token) => token.replace(ARABIC_ARTICLE, ''));
    bare = tokens.some((token, index) => token !== text.tokens[index]) ? { tokens, padded: ` ${tokens.join(' ')} ` } : null;
    bareWords.set(text, bare);
  }
  return bare;
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
      const isPrefix = entry.trim().endsWith('*');
      const folded = fold(entry.replace(/\*\s*$/, ''));
      if (UNSPACED.test(folded)) anywhere.push({ kind, text: folded.replace(/\s+/g, '') });
      else {
        const tokens = words(folded);
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
