// Turns a message into the features the intent classifier sees: stemmed words (natural's stemmers where it has
// one, light stems otherwise), letter 4-grams of each word so typos and inflections still match, character
// n-grams for Japanese, and shape tokens for numbers, e-mails and tracking codes ("#100234" ≈ "#558812").
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterDe from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import porterEs from 'natural/lib/natural/stemmers/porter_stemmer_es.js';
import porterFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import porterIt from 'natural/lib/natural/stemmers/porter_stemmer_it.js';
import porterNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import porterPt from 'natural/lib/natural/stemmers/porter_stemmer_pt.js';
import porterRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import { everywhere, replaceEmails, TRACKING_CODE } from '../shared/patterns.js';
import { fold, MAX_WORDS, words } from './text.js';

type Stem = (word: string) => string;

const stemmerFor = (stemmer: { stem(token: string): string }): Stem => (word) => stemmer.stem(word);
/** Languages without a stemmer in natural: keeping a word's first letters is a robust light stem for them. */
const prefixStem = (length: number): Stem => (word) => word.slice(0, length);

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
const isCjk = (feature: string) => /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u.test(feature);

const MAX_FEATURES = 160;
/** Marks letter n-grams, which say nothing about whether a word is known. */
const GRAM = '§';

/** Character n-grams of a run of CJK text: Japanese has no spaces between words. */
function cjkGrams(run: string, into: string[]): void {
  const chars = [...run];
  for (let index = 0; index < chars.length; index++) {
    into.push(chars[index]!);
    if (index + 1 < chars.length) into.push(chars[index]! + chars[index + 1]!);
    if (index + 2 < chars.length) into.push(chars[index]! + chars[index + 1]! + chars[index + 2]!);
  }
}

function stemmedWords(text: string, language: string): string[] {
  const stem = stemmers[language];
  const result: string[] = [];
  for (const word of words(fold(text))) {
    if (/^\p{N}+$/u.test(word)) continue;
    result.push(stem && word.length > 2 ? stem(word) : word);
  }
  return result;
}

export function intentFeatures(text: string, language: string): string[] {
  const features: string[] = [];
  let rest = replaceEmails(text, () => (features.push('#email'), ' '))
    .replace(TRACKING_CODES, () => (features.push('#tracking'), ' '))
    .replace(LONG_NUMBER, () => (features.push('#number'), ' '));
  rest = rest.replace(CJK_RUN, (run) => (cjkGrams(run, features), ' '));
  features.push(...stemmedWords(rest, language));
  for (const word of words(fold(rest))) {
    const padded = `<${word}>`;
    for (let index = 0; index + 4 <= padded.length; index++) features.push(`${GRAM}${padded.slice(index, index + 4)}`);
  }
  return features.length > MAX_FEATURES ? features.slice(0, MAX_FEATURES) : features;
}


/**
 * The features that stand for words: stems, and character pairs of Japanese. The share of them the classifier
 * has seen says how much of a message it understood.
 */
export function lexicalUnits(features: string[]): string[] {
  return features.filter((feature) => !feature.startsWith('#') && !feature.startsWith(GRAM) && (!isCjk(feature) || [...feature].length === 2));
}

/** Search terms of a text (help articles): stems of its words, character pairs of its Japanese. */
export function searchTerms(text: string, language: string): string[] {
  const terms: string[] = [];
  const rest = text.replace(CJK_RUN, (run) => {
    const chars = [...run];
    if (chars.length === 1) terms.push(run);
    for (let index = 0; index + 1 < chars.length; index++) terms.push(chars[index]! + chars[index + 1]!);
    return ' ';
  });
  terms.push(...stemmedWords(rest, language));
  return terms.length > MAX_WORDS ? terms.slice(0, MAX_WORDS) : terms;
}
