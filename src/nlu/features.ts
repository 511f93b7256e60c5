// Turns a message into the sparse features the intent classifier reads, as 32-bit hashes: words, word pairs,
// stems (natural's stemmers where it has one, light stems otherwise), letter 4-grams of each word so typos
// and inflections still match, letter grams across each word boundary so run-on words ("trackmyorder") meet
// their spaced form, character n-grams for Japanese, and shape tokens (numbers, e-mails, tracking codes, length).
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import porterEs from 'natural/lib/natural/stemmers/porter_stemmer_es.js';
import porterFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import porterIt from 'natural/lib/natural/stemmers/porter_stemmer_it.js';
import porterNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import porterPt from 'natural/lib/natural/stemmers/porter_stemmer_pt.js';
import porterRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import { boundedMemo, everywhere, fold, MAX_WORDS, replaceEmails, TRACKING_CODE, words } from '../shared/index.js';

type Stem = (word: string) => string;

const stemmerFor =
  (stemmer: { stem(token: string): string }): Stem =>
  (word) =>
    stemmer.stem(word);
/** Languages without a stemmer in natural: keeping a word's first letters is a robust light stem for them. */
const prefixStem =
  (length: number): Stem =>
  (word) =>
    word.slice(0, length);

const arabicPrefixes = /^(وال|بال|كال|فال|لل|ال|و|ف|ب|ل)(?=...)/;
const arabicSuffixes = /(ها|هم|كم|نا|ان|ات|ون|ين|يه|ه|ي|ك)$/;
const arabicLightStem: Stem = (word) => {
  const withoutPrefix = word.replace(arabicPrefixes, '');
  const withoutSuffix = withoutPrefix.replace(arabicSuffixes, '');
  return withoutSuffix.length >= 2 ? withoutSuffix : withoutPrefix;
};

const stemmers: Record<string, Stem> = {
  en: stemmerFor(porterEn),
  es: stemmerFor(porterEs),
  fr: stemmerFor(porterFr),
  de: stemmerFor(porterDe),
  it: stemmerFor(porterIt),
  pt: stemmerFor(porterPt),
  nl: stemmerFor(porterNl),
  ru: stemmerFor(porterRu),
  pl: prefixStem(6),
  tr: prefixStem(5),
  ar: arabicLightStem,
};

const TRACKING_CODES = everywhere(TRACKING_CODE);
const LONG_NUMBER = /[#№]?\d[\d-]{3,}/g;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const NUMBER = /^\p{N}+$/u;

/** Features past this many are not read: a long story says no more about its intent than its first sentences. */
export const MAX_FEATURES = 400;

// Each kind of feature hashes under its own seed, so the word "ord" and the letter gram "ord" stay apart.
enum Kind {
  Word = 1,
  Stem,
  Pair,
  Gram,
  Junction,
  Cjk,
  Shape,
}

/** FNV-1a over a slice of a string's UTF-16 code units, seeded by the feature's kind. */
function hashSlice(kind: Kind, text: string, start: number, end: number): number {
  let hash = (0x811c9dc5 ^ kind) >>> 0;
  for (let index = start; index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const hashOf = (kind: Kind, text: string) => hashSlice(kind, text, 0, text.length);

/** The letter 4-grams of "<word>" (the whole of it when shorter): the brackets mark where a word starts and ends. */
function letterGrams(word: string, into: number[]): void {
  const padded = `<${word}>`;
  if (padded.length < 4) into.push(hashOf(Kind.Gram, padded));
  for (let start = 0; start + 4 <= padded.length; start++) into.push(hashSlice(Kind.Gram, padded, start, start + 4));
}

/** Words the stores' shoppers use again and again: their features are worked out once per language. */
const WORD_CACHE_SIZE = 20_000;
const wordCaches = new Map<string, (word: string) => number[]>();

/** A word's own features: itself, its stem, its letter grams. */
export function wordFeatures(word: string, language: string): number[] {
  let cached = wordCaches.get(language);
  if (!cached) wordCaches.set(language, (cached = boundedMemo((known: string) => ownFeatures(known, language), WORD_CACHE_SIZE)));
  return cached(word);
}

function ownFeatures(word: string, language: string): number[] {
  const features = [hashOf(Kind.Word, word)];
  const stem = stemmers[language];
  if (stem && word.length > 2) features.push(hashOf(Kind.Stem, stem(word)));
  letterGrams(word, features);
  return features;
}

/** The letter 4-grams that span the junction of two words written together: "track|my" → "ackm", "ckmy". */
function junctionGrams(left: string, right: string, into: number[]): void {
  const joined = left + right;
  const junction = left.length;
  for (let start = Math.max(0, junction - 3); start < junction && start + 4 <= joined.length; start++) {
    into.push(hashSlice(Kind.Junction, joined, start, start + 4));
  }
}

/** Character 1- to 3-grams of a run of CJK text: Japanese has no spaces between words. */
function cjkGrams(run: string, into: number[]): void {
  const chars = [...run];
  for (let index = 0; index < chars.length; index++) {
    into.push(hashOf(Kind.Cjk, chars[index]!));
    if (index + 1 < chars.length) into.push(hashOf(Kind.Cjk, chars[index]! + chars[index + 1]!));
    if (index + 2 < chars.length) into.push(hashOf(Kind.Cjk, chars[index]! + chars[index + 1]! + chars[index + 2]!));
  }
}

const lengthShape = (count: number) => (count <= 1 ? 'len1' : count <= 2 ? 'len2' : count <= 5 ? 'len5' : count <= 12 ? 'len12' : 'long');

/** What a message has besides its words' own features (shapes, Japanese grams), and its words. */
function messageParts(text: string): { leading: number[]; messageWords: readonly string[] } {
  const leading: number[] = [];
  const shape = (name: string) => leading.push(hashOf(Kind.Shape, name));
  let rest = replaceEmails(text, () => (shape('email'), ' '))
    .replace(TRACKING_CODES, () => (shape('tracking'), ' '))
    .replace(LONG_NUMBER, () => (shape('number'), ' '));
  // Written in capitals: cheap checks first, the letters counted only then.
  if (rest !== rest.toLowerCase() && rest === rest.toUpperCase() && (rest.match(/\p{L}/gu)?.length ?? 0) > 3) shape('capitals');
  rest = rest.replace(CJK_RUN, (run) => (cjkGrams(run, leading), ' '));
  const messageWords = words(fold(rest)).filter((word) => !NUMBER.test(word));
  shape(lengthShape(messageWords.length));
  return { leading, messageWords };
}

/** A word pair's features: the pair, and the grams across the two words' junction. */
function pairFeatures(word: string, next: string, into: number[]): void {
  into.push(hashOf(Kind.Pair, `${word} ${next}`));
  junctionGrams(word, next, into);
}

/** The message's features as hashes; a feature found twice counts twice. */
export function intentFeatures(text: string, language: string): number[] {
  const { leading: features, messageWords } = messageParts(text);
  for (let index = 0; index < messageWords.length; index++) {
    const word = messageWords[index]!;
    const own = wordFeatures(word, language);
    for (let feature = 0; feature < own.length; feature++) features.push(own[feature]!);
    const next = messageWords[index + 1];
    if (next !== undefined) pairFeatures(word, next, features);
  }
  if (features.length > MAX_FEATURES) features.length = MAX_FEATURES;
  return features;
}

/**
 * The same features in two parts, for a model that keeps each word's own features' scores added up: the words,
 * whose own features are `wordFeatures(word)`, and the others. All features are the words' own and the others;
 * past MAX_FEATURES the parts say nothing of which are read, and intentFeatures is the one to use.
 */
export function intentFeatureParts(text: string, language: string): { words: readonly string[]; others: number[] } {
  const { leading: others, messageWords } = messageParts(text);
  for (let index = 0; index + 1 < messageWords.length; index++) pairFeatures(messageWords[index]!, messageWords[index + 1]!, others);
  return { words: messageWords, others };
}

/** Stems of the words messages used lately, per language: stemming is most of a message's search terms' cost. */
const recentStems = new Map<string, Map<string, string>>();

function stemsOfMessages(language: string): Map<string, string> {
  let stems = recentStems.get(language);
  if (!stems) recentStems.set(language, (stems = new Map()));
  // Past its size the map starts again, as the word features' cache does.
  if (stems.size >= WORD_CACHE_SIZE) stems.clear();
  return stems;
}

/**
 * Search terms of a text (help articles): the stems of its words, the character pairs of its Japanese. The stems
 * already worked out are kept: in `stemsSeen` while the help search is built (it reads every training utterance of a
 * language, a few thousand different words), else in a bounded map of the words messages used lately.
 */
export function searchTerms(text: string, language: string, stemsSeen?: Map<string, string>): string[] {
  const stems = stemsSeen ?? stemsOfMessages(language);
  const terms: string[] = [];
  const rest = text.replace(CJK_RUN, (run) => {
    const chars = [...run];
    if (chars.length === 1) terms.push(run);
    for (let index = 0; index + 1 < chars.length; index++) terms.push(chars[index]! + chars[index + 1]!);
    return ' ';
  });
  const stem = stemmers[language];
  for (const word of words(fold(rest))) {
    if (NUMBER.test(word)) continue;
    if (!stem || word.length <= 2) terms.push(word);
    else {
      const known = stems.get(word);
      const stemmed = known ?? stem(word);
      if (known === undefined) stems.set(word, stemmed);
      terms.push(stemmed);
    }
  }
  return terms.length > MAX_WORDS ? terms.slice(0, MAX_WORDS) : terms;
}
