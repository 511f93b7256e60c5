// Language detection for short chat messages: the Unicode script decides where it can; otherwise a
// model of the store's own Latin-script training utterances (words and letter trigrams, smoothed by corpus size so
// no language wins by having more utterances) is combined with franc, the widget's locale hint and the
// conversation's language so far. Russian, Arabic and Japanese written in Latin letters are candidates too.
import { francAll } from 'franc';
import { boundedMemo, fold, hasLetters, words, type Script } from '../shared/index.js';
import { addRow, addRowAt, dominantScript, isNumber, trainLatinModel, trigrams, type LatinModel } from './latin-model.js';

export interface LanguageHints {
  /** The widget's locale, e.g. "es-MX" from navigator.language. */
  locale?: string;
  /** The conversation's language so far. */
  conversationLanguage?: string;
}

export interface LanguageResult {
  language: string;
  confidence: number;
  /** False when the shopper writes a language the store has no content for. */
  isSupported: boolean;
  /** The detected language when it is not supported (e.g. "ko"), else the same as language. */
  detected: string;
  /** What decided it, for logs and the operator's tools. */
  source: 'script' | 'model' | 'conversation' | 'hint' | 'default' | 'given';
}

export interface LanguageModel {
  languages: string[];
  detect(text: string, hints?: LanguageHints, defaultLanguage?: string): LanguageResult;
}

const iso6393: Record<string, string> = {
  en: 'eng',
  es: 'spa',
  fr: 'fra',
  de: 'deu',
  it: 'ita',
  pt: 'por',
  nl: 'nld',
  pl: 'pol',
  ru: 'rus',
  tr: 'tur',
  ar: 'arb',
  ja: 'jpn',
  sv: 'swe',
  da: 'dan',
  nb: 'nob',
  fi: 'fin',
  id: 'ind',
  vi: 'vie',
  cs: 'ces',
  ro: 'ron',
  hu: 'hun',
  hr: 'hrv',
  sk: 'slk',
  tl: 'tgl',
  ca: 'cat',
  ms: 'zlm',
  uk: 'ukr',
  fa: 'pes',
};
const fromIso6393 = Object.fromEntries(Object.entries(iso6393).map(([code, long]) => [long, code]));
/** Latin-script languages franc may name to tell "a language we do not speak" from one we do. */
const otherLatinLanguages = ['sv', 'da', 'nb', 'fi', 'id', 'vi', 'cs', 'ro', 'hu', 'hr', 'sk', 'tl', 'ca', 'ms'];

/** Scripts that belong to exactly one language we might support, or to one we never do. */
const scriptLanguage: Partial<Record<Script, string>> = {
  kana: 'ja',
  arabic: 'ar',
  cyrillic: 'ru',
  hangul: 'ko',
  greek: 'el',
  hebrew: 'he',
  thai: 'th',
  devanagari: 'hi',
};
/** Simplified Chinese characters Japanese does not use: Han text with these is Chinese. */
const simplifiedChinese = /[这们吗么没发货给还说时间对问题谢订单让从请们过样吧呢]/u;

const fullWidthLatin = /[\uFF21-\uFF3A\uFF41-\uFF5A]/u;

/** Log-odds the conversation's language and the locale hint add in its favour. */
const CONVERSATION_PRIOR = 6;
const HINT_PRIOR = 4;
/** Up to this many words a message is short: when the shopper's language has all its words, that language keeps it. */
const SHORT_MESSAGE_WORDS = 3;
const FRANC_WEIGHT = 2;
const MAX_DETECTION_LENGTH = 300;
/** A sentence is taken for a language we do not speak when franc says so and few of its words are known. */
const FOREIGN_KNOWN_SHARE = 0.34;
const FOREIGN_MIN_WORDS = 4;

const LOCALE_SEPARATOR = /[-_]/;
/** A locale's language ("pt-BR" → "pt"); locales are few, so each is worked out once. */
const languageOfLocale = boundedMemo((locale: string) => locale.toLowerCase().split(LOCALE_SEPARATOR)[0]!, 1000);
const baseLanguage = (locale: string | undefined) => (locale === undefined ? undefined : languageOfLocale(locale));
interface LatinScores {
  /** The likeliest language and its score, and the score of the next one (-Infinity when there is none). */
  best: string;
  bestScore: number;
  runnerUpScore: number;
  telling: string[];
  knownShare: number;
  francTop?: string;
}

/** The two highest scores, the earlier language first among equal ones. */
function topTwo(languages: string[], scores: Float64Array): Pick<LatinScores, 'best' | 'bestScore' | 'runnerUpScore'> {
  let best = 0;
  let runnerUp = -1;
  for (let index = 1; index < scores.length; index++) {
    if (scores[index]! > scores[best]!) [runnerUp, best] = [best, index];
    else if (runnerUp < 0 || scores[index]! > scores[runnerUp]!) runnerUp = index;
  }
  return { best: languages[best]!, bestScore: scores[best]!, runnerUpScore: runnerUp < 0 ? -Infinity : scores[runnerUp]! };
}

/** Scores a Latin-script message against every Latin-script language, asking franc only when it could matter. */
function scoreLatin(model: LatinModel, francLanguages: string[], text: string, hints: LanguageHints): LatinScores {
  const scores = new Float64Array(model.languages.length);
  // Words are looked up folded ("zamowienie" is "zamówienie"); trigrams keep the accents, which tell languages apart.
  const telling: string[] = [];
  let knownWords = 0;
  for (const word of words(text.toLowerCase())) {
    if (isNumber(word)) continue;
    const folded = fold(word);
    if (model.neutralWords.has(folded)) continue;
    telling.push(folded);
    const whole = model.knownWordTable.rowOf.get(word);
    if (whole !== undefined) {
      addRowAt(model.knownWordTable, whole, scores);
      knownWords += model.knownWordTable.presence[whole]!;
      continue;
    }
    if (addRow(model.wordTable, folded, scores)) knownWords++;
    for (const gram of trigrams(word)) addRow(model.gramTable, gram, scores);
  }
  const knownShare = telling.length ? knownWords / telling.length : 0;
  const hinted = baseLanguage(hints.locale);
  model.languages.forEach((language, index) => {
    let score = scores[index]! + model.priors[index]!;
    if (language === hints.conversationLanguage) score += CONVERSATION_PRIOR;
    if (language === hinted) score += HINT_PRIOR;
    scores[index] = score;
  });
  const { best, bestScore, runnerUpScore } = topTwo(model.languages, scores);
  // franc can move a language by at most FRANC_WEIGHT, so it is only asked when that could change the answer,
  // or to name a language we do not speak.
  const mayBeForeign = knownShare < FOREIGN_KNOWN_SHARE && telling.length >= FOREIGN_MIN_WORDS;
  // Written out, not spread: this runs for every message in Latin letters.
  if (bestScore - runnerUpScore > FRANC_WEIGHT && !mayBeForeign) return { best, bestScore, runnerUpScore, telling, knownShare };
  const franc = francAll(text, { only: francLanguages, minLength: 1 }) as [string, number][];
  for (const [code, score] of franc) {
    const index = model.languages.indexOf(fromIso6393[code] ?? '');
    if (index >= 0) scores[index] = scores[index]! + FRANC_WEIGHT * score;
  }
  return { ...topTwo(model.languages, scores), telling, knownShare, francTop: franc[0] ? fromIso6393[franc[0][0]] : undefined };
}

/** A short message whose every telling word the fallback language uses too ("retour", "cancelar pedido", "ok"). */
function fitsFallback(model: LatinModel, telling: string[], fallback: string): boolean {
  const index = model.languages.indexOf(fallback);
  if (index < 0 || telling.length > SHORT_MESSAGE_WORDS) return false;
  const bit = 1 << index;
  return telling.every((word) => {
    const row = model.wordTable.rowOf.get(word);
    return row !== undefined && (model.wordTable.presence[row]! & bit) !== 0;
  });
}

/**
 * Trains on each supported language's utterances (their intents.json). Messages in Latin letters are scored against
 * the Latin-script utterances of every language that has some, so Russian, Arabic and Japanese written in Latin
 * letters ("gde moy zakaz", "3ayez arga3 el order", "chuumon wo kyanseru shitai") are candidates too. Bayes' rule
 * weighs each language by how often its shoppers write in Latin letters at all: the share of its utterances that do.
 */
export function trainLanguageModel(corpora: Record<string, string[]>): LanguageModel {
  const languages = Object.keys(corpora);
  const latin = trainLatinModel(corpora);
  const francLanguages = [...new Set([...latin.languages, ...otherLatinLanguages])].map((code) => iso6393[code]).filter(Boolean) as string[];

  const result = (language: string, confidence: number, source: LanguageResult['source'], detected = language): LanguageResult => ({
    language,
    confidence,
    isSupported: languages.includes(detected),
    detected,
    source,
  });

  return {
    languages,
    detect(rawText, hints = {}, defaultLanguage = languages[0] ?? 'en') {
      const text = rawText.slice(0, MAX_DETECTION_LENGTH);
      const fallback =
        [hints.conversationLanguage, baseLanguage(hints.locale), defaultLanguage].find(
          (candidate): candidate is string => !!candidate && languages.includes(candidate),
        ) ?? defaultLanguage;
      const fallbackSource = hints.conversationLanguage === fallback ? 'conversation' : baseLanguage(hints.locale) === fallback ? 'hint' : 'default';
      if (!hasLetters(text)) return result(fallback, 1, fallbackSource);

      // Full-width Latin letters ("ｗｗｗ", "ＯＫ") come from Japanese keyboards.
      if (fullWidthLatin.test(text) && languages.includes('ja')) return result('ja', 0.8, 'script');
      const script = dominantScript(text);
      if (script === 'han') {
        return simplifiedChinese.test(text) ? result(defaultLanguage, 0.9, 'script', 'zh') : result('ja', 0.9, 'script');
      }
      const scriptOwner = script ? scriptLanguage[script] : undefined;
      if (scriptOwner) {
        if (!languages.includes(scriptOwner)) return result(defaultLanguage, 0.9, 'script', scriptOwner);
        return result(scriptOwner, 0.95, 'script');
      }
      if (script !== 'latin' || latin.languages.length === 0) return result(fallback, 0.2, fallbackSource);

      const { best, bestScore, runnerUpScore, telling, knownShare, francTop } = scoreLatin(latin, francLanguages, text, hints);
      // Only words most languages use ("ok", "refund"), or not one word known in any language (a name, a typo,
      // keyboard mashing): nothing to switch languages on; nor in a short message the shopper's language reads as
      // well as any other.
      if (telling.length === 0) return result(fallback, 0.5, fallbackSource);
      if (fallbackSource !== 'default' && (knownShare === 0 || fitsFallback(latin, telling, fallback))) return result(fallback, 0.5, fallbackSource);
      const confidence = 1 / (1 + Math.exp(runnerUpScore - bestScore));

      // A sentence in a language we do not speak: franc names another language and we know few of its words.
      if (francTop && otherLatinLanguages.includes(francTop) && knownShare < FOREIGN_KNOWN_SHARE) {
        return result(defaultLanguage, 0.6, 'model', francTop);
      }
      if (hints.conversationLanguage === best) return result(best, confidence, 'conversation');
      return result(best, confidence, 'model');
    },
  };
}
