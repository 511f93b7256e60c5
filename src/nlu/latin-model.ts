// The Latin-script half of language detection: how often each language's utterances use each word and letter
// trigram, as smoothed log-probabilities in one flat table, so that scoring a message is one lookup per token.
import { createHash } from 'node:crypto';
import { countScripts, fold, words, type Script } from '../shared/index.js';

const WORD_WEIGHT = 3;
/**
 * Smoothing toward the background (the mean of all languages' relative frequencies), in pseudo-tokens, as a Dirichlet
 * prior: P(x | language) = (count + PSEUDO_TOKENS × background(x)) / (tokens + PSEUDO_TOKENS). The background weighs
 * every language alike, so the biggest corpus no longer wins short messages by its size; a small corpus
 * (transliterated Russian, Arabic, Japanese) leans on the background more, so a word seen once there is not taken
 * for its hallmark.
 */
const PSEUDO_TOKENS = 1000;
/** A word of a chat message has about this many letter trigrams (with its two word boundaries). */
const GRAMS_PER_WORD = 6;

/** A Latin-script corpus's counts: its words (folded) and its words' letter trigrams. */
interface Counts {
  counts: Map<string, number>;
  total: number;
}

/** Adds a word's letter trigrams, with its two boundaries, `times` times to the counts. */
function countTrigrams(word: string, times: number, into: Counts): void {
  const padded = ` ${word} `;
  for (let index = 0; index + 3 <= padded.length; index++) {
    const gram = padded.slice(index, index + 3);
    into.counts.set(gram, (into.counts.get(gram) ?? 0) + times);
  }
  into.total += (padded.length - 2) * times;
}

/** A lower-cased word's letter trigrams, with its two boundaries. */
export function trigrams(word: string): string[] {
  const grams: string[] = [];
  const padded = ` ${word} `;
  for (let index = 0; index + 3 <= padded.length; index++) grams.push(padded.slice(index, index + 3));
  return grams;
}

export function dominantScript(text: string): Script | undefined {
  const counts = countScripts(text);
  if ((counts.get('kana') ?? 0) > 0) return 'kana';
  let best: Script | undefined;
  let bestCount = 0;
  for (const [script, letters] of counts) if (letters > bestCount) [best, bestCount] = [script, letters];
  return best;
}

const DIGITS_ONLY = /^\p{N}+$/u;
export const isNumber = (word: string) => DIGITS_ONLY.test(word);

/** A language's Latin-script utterances counted, and the log of their share of all its utterances; none if it has none. */
function countLatin(utterances: string[]): { words: Counts; grams: Counts; prior: number; lowerCased: string[] } | undefined {
  const latin = utterances.filter((utterance) => dominantScript(utterance) === 'latin');
  if (latin.length === 0) return undefined;
  const wordCounts: Counts = { counts: new Map(), total: 0 };
  const gramCounts: Counts = { counts: new Map(), total: 0 };
  // Trigrams are counted once per different word, as many times as the word occurs: a corpus repeats its words.
  const lowerCased = new Map<string, number>();
  for (const utterance of latin) {
    for (const word of words(fold(utterance))) {
      if (isNumber(word)) continue;
      wordCounts.counts.set(word, (wordCounts.counts.get(word) ?? 0) + 1);
      wordCounts.total++;
    }
    for (const word of words(utterance.toLowerCase())) lowerCased.set(word, (lowerCased.get(word) ?? 0) + 1);
  }
  for (const [word, times] of lowerCased) countTrigrams(word, times, gramCounts);
  if (wordCounts.total === 0 || gramCounts.total === 0) return undefined;
  const known = [...lowerCased.keys()].filter((word) => !isNumber(word));
  return { words: wordCounts, grams: gramCounts, prior: Math.log(latin.length / utterances.length), lowerCased: known };
}

/**
 * Log-probabilities of every item (word or trigram) in each Latin-script language, computed once, so scoring a
 * message is one lookup per token. One flat array, a row of `languages` numbers per item: a typed array per item
 * cost several times the numbers themselves. Single precision is plenty: sums of a few dozen log-probabilities decide
 * between languages several units apart.
 */
export interface LogTable {
  rowOf: Map<string, number>;
  values: Float32Array;
  /** Per row, a bit per language whose corpus has the item (the languages detection knows are fewer than 32). */
  presence: Uint32Array;
}

function logProbabilityTable(corpora: Counts[], weight: number, pseudoTokens: number): LogTable {
  const rowOf = new Map<string, number>();
  for (const corpus of corpora) for (const item of corpus.counts.keys()) if (!rowOf.has(item)) rowOf.set(item, rowOf.size);
  const width = corpora.length;
  const values = new Float32Array(rowOf.size * width);
  const presence = new Uint32Array(rowOf.size);
  corpora.forEach(({ counts }, index) => {
    for (const [item, value] of counts) {
      const row = rowOf.get(item)!;
      values[row * width + index] = value;
      presence[row]! |= 1 << index;
    }
  });
  for (let base = 0; base < values.length; base += width) {
    let background = 0;
    for (let index = 0; index < width; index++) background += values[base + index]! / corpora[index]!.total;
    background /= width;
    for (let index = 0; index < width; index++) {
      values[base + index] = weight * Math.log((values[base + index]! + pseudoTokens * background) / (corpora[index]!.total + pseudoTokens));
    }
  }
  return { rowOf, values, presence };
}

/** How many bits are set: the number of languages that use an item. */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

export interface LatinModel {
  languages: string[];
  priors: Float64Array;
  wordTable: LogTable;
  gramTable: LogTable;
  /**
   * Per lower-cased word of the training utterances, its whole contribution (its folded word's row and its trigrams'
   * rows added up): a message's known words cost one lookup each instead of seven.
   */
  knownWordTable: LogTable;
  /** Words most languages' shoppers use ("ok", "paypal", "hi") say nothing about the language: they are not scored. */
  neutralWords: Set<string>;
}

/**
 * Each language's counts, with a hash of the utterances they came from: a reload that changes one language's
 * utterances counts that language again, not all of them.
 */
const countedBefore = new Map<string, { hash: string; counts: ReturnType<typeof countLatin> }>();

function countLatinOnce(language: string, utterances: string[]): ReturnType<typeof countLatin> {
  const hash = createHash('sha256').update(utterances.join('\n')).digest('hex');
  const known = countedBefore.get(language);
  if (known?.hash === hash) return known.counts;
  const counts = countLatin(utterances);
  countedBefore.set(language, { hash, counts });
  return counts;
}

export function trainLatinModel(corpora: Record<string, string[]>): LatinModel {
  const counted = Object.keys(corpora)
    .map((language) => ({ language, counts: countLatinOnce(language, corpora[language] ?? []) }))
    .filter((entry) => entry.counts !== undefined);
  const languages = counted.map(({ language }) => language);
  const wordTable = logProbabilityTable(
    counted.map(({ counts }) => counts!.words),
    WORD_WEIGHT,
    PSEUDO_TOKENS,
  );
  const gramTable = logProbabilityTable(
    counted.map(({ counts }) => counts!.grams),
    1,
    PSEUDO_TOKENS * GRAMS_PER_WORD,
  );
  const neutralWords = new Set<string>();
  for (const [word, row] of wordTable.rowOf) if (bitCount(wordTable.presence[row]!) * 2 >= languages.length) neutralWords.add(word);
  const knownWords = new Set(counted.flatMap(({ counts }) => [...counts!.lowerCased]));
  const knownWordTable = wholeWordTable(knownWords, wordTable, gramTable, languages.length);
  return { languages, priors: Float64Array.from(counted, ({ counts }) => counts!.prior), wordTable, gramTable, knownWordTable, neutralWords };
}

/** Each word's row of the word table (by its folded form) plus its trigrams' rows; presence: whether the first is there. */
function wholeWordTable(known: Set<string>, wordTable: LogTable, gramTable: LogTable, width: number): LogTable {
  const rowOf = new Map<string, number>();
  const values = new Float32Array(known.size * width);
  const presence = new Uint32Array(known.size);
  const totals = new Float64Array(width);
  for (const word of known) {
    totals.fill(0);
    presence[rowOf.size] = addRow(wordTable, fold(word), totals) ? 1 : 0;
    for (const gram of trigrams(word)) addRow(gramTable, gram, totals);
    values.set(totals, rowOf.size * width);
    rowOf.set(word, rowOf.size);
  }
  return { rowOf, values, presence };
}

/** Adds an item's row of log-probabilities to the totals; whether the item is known. */
export function addRow(table: LogTable, item: string, totals: Float64Array): boolean {
  const row = table.rowOf.get(item);
  if (row === undefined) return false;
  addRowAt(table, row, totals);
  return true;
}

export function addRowAt(table: LogTable, row: number, totals: Float64Array): void {
  const base = row * totals.length;
  for (let index = 0; index < totals.length; index++) totals[index]! += table.values[base + index]!;
}
