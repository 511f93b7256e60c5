// How the word lists (lexicon.ts, kinds.ts) read a message and their own entries: folded like
// messages (case and accents do not count), in whole words; a final "*" lets an entry's last word end any way
// ("beschädig*"), and entries in scripts written without spaces (Japanese) match anywhere in the message.
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
export const ARABIC_LETTER = /\p{Script=Arabic}/u;

const bareWords = new WeakMap<LexiconText, { tokens: string[]; padded: string } | null>();

/**
 * Arabic writes "the" (and "and the", "for the"…) onto the word: the text's words without it, null when none had
 * it. Worked out once per text, and only for lists that have Arabic words.
 */
export function bareOf(text: LexiconText): { tokens: string[]; padded: string } | null {
  let bare = bareWords.get(text);
  if (bare === undefined) {
    const tokens = text.tokens.map((token) => token.replace(ARABIC_ARTICLE, ''));
    bare = tokens.some((token, index) => token !== text.tokens[index]) ? { tokens, padded: ` ${tokens.join(' ')} ` } : null;
    bareWords.set(text, bare);
  }
  return bare;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** A list's entry as read: written without spaces (matched anywhere, its spaces removed), else its folded words. */
export type ListEntry = { anywhere: string } | { tokens: readonly string[]; isPrefix: boolean };

export function readEntry(entry: string): ListEntry {
  const isPrefix = entry.trim().endsWith('*');
  const folded = fold(entry.replace(/\*\s*$/, ''));
  return UNSPACED.test(folded) ? { anywhere: folded.replace(/\s+/g, '') } : { tokens: words(folded), isPrefix };
}
