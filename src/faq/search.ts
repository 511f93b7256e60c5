// Finds the help article a message asks about: BM25 (MiniSearch) over each language's articles, their question
// and phrasings weighing more than their answer, with the pipeline's own folding and stemming. A handful of
// articles cannot tell a rare word from a common one, so the words most intents' training utterances use ("my",
// "you", "kunnen jullie", "ます") are left out of the query; a word frequent in a few intents only ("account",
// "size") names a subject and stays. The score is per remaining word of the message,
// so a long message does not score higher for being long. Pure once built.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { HelpArticle } from './article.js';
import { boundedMemo } from '../shared/index.js';
import { compoundSplitter } from './compounds.js';
import { termStatistics, type Terms, type TermStatistics } from './term-statistics.js';

export type { Terms } from './term-statistics.js';

export interface HelpSettings {
  /** The least BM25 score an article needs to be the answer; below it the bot falls back as if there were none. */
  minScore: number;
  /** Intents whose answer the best article replaces (besides messages no intent is sure of). */
  intents: string[];
}

export interface HelpIndex {
  settings: HelpSettings;
  articles: ReadonlyMap<string, readonly HelpArticle[]>;
  /**
   * The best article for the message. With `needs`, none unless it could be that good: a message whose words the
   * articles cannot cover enough is not searched at all. `unsearched`: words taken out of the text that no article
   * may match but that the message said (a product's name), counted among its words.
   */
  search(language: string, text: string, needs?: 'confident' | 'strong', unsearched?: number): HelpMatch | undefined;
  /** Whether many of the intent's training utterances in that language have the term. */
  isIntentWord(language: string, term: string, intent: string): boolean;
}

export interface HelpMatch {
  article: HelpArticle;
  score: number;
  /** Whether the score reaches settings.minScore. */
  confident: boolean;
  /** Whether the article fits the message well enough to answer it even when an intent is sure of the message: its
   * words cover most of the message's uncommon words, and its score is well above settings.minScore. */
  strong: boolean;
  /** The share of the message's uncommon words the article has. */
  coverage: number;
  /** Those words. */
  words: readonly string[];
  /** Those of them in the article's question: what it is about, not only how it may be asked. */
  questionWords: readonly string[];
}

interface Indexed {
  /** The article's position in the language's list. */
  id: number;
  question: string;
  phrasings: string;
  answer: string;
}

const FIELD_BOOST = { question: 2, phrasings: 2, answer: 1 };
/** The least share of the message's uncommon words an article must have. */
const MIN_COVERAGE = 0.25;
/** A strong match: the article has at least this share of the message's uncommon words… */
const STRONG_COVERAGE = 0.6;
/** …and scores at least this many times settings.minScore… */
const STRONG_FACTOR = 3;
/** …and shares at least this many of them, or one the intents hardly know ("plastic"): one word the intents use
 * often ("size", "retour") is their subject too, not the question asked about it ("what size should I get?")… */
const STRONG_TERMS = 2;
/** …counting only the words it shares with the message in its question or phrasings (what it is about), not in its
 * answer only: "sent" in a gift card's answer does not make "you sent me the wrong item" about gift cards. */

export function buildHelpIndex(
  articles: readonly HelpArticle[],
  settings: HelpSettings,
  terms: Terms,
  /** Per language, each intent's training utterances. */
  background: ReadonlyMap<string, Readonly<Record<string, readonly string[]>>> = new Map(),
): HelpIndex {
  const byLanguage = new Map<string, HelpArticle[]>();
  for (const article of articles) byLanguage.set(article.language, [...(byLanguage.get(article.language) ?? []), article]);
  const engines = new Map<string, MiniSearch<Indexed>>();
  const statistics = new Map<string, TermStatistics>();
  const vocabularies = new Map<string, ReadonlySet<string>>();
  const questionTerms = new Map<HelpArticle, ReadonlySet<string>>();
  const splitters = new Map<string, ((term: string) => string[]) | undefined>();
  for (const [language, list] of byLanguage) {
    const stats = termStatistics(background.get(language) ?? {}, language, terms);
    statistics.set(language, stats);
    // Each phrasing is a line of its own: a pair of words never spans two of them.
    const indexTerms = (text: string) => text.split('\n').flatMap((line) => withPairs(terms(line, language), stats.isCommon));
    const engine = new MiniSearch<Indexed>({
      fields: ['question', 'phrasings', 'answer'],
      tokenize: indexTerms,
      // The terms are already folded and stemmed.
      processTerm: (term) => term,
      // Whole words only: a prefix or a typo of a common word would find an article it has nothing to do with.
      searchOptions: { boost: FIELD_BOOST, prefix: false, fuzzy: false },
    });
    const documents = list.map((article, id) => ({ id, question: article.question, phrasings: article.phrasings.join('\n'), answer: article.answer }));
    engine.addAll(documents);
    for (const article of list) questionTerms.set(article, new Set(terms(article.question, language)));
    engines.set(language, engine);
    const vocabulary = new Set(documents.flatMap((document) => [document.question, document.phrasings, document.answer].flatMap(indexTerms)));
    vocabularies.set(language, vocabulary);
    splitters.set(language, compoundSplitter(language, vocabulary));
  }
  const searched = rememberedSearches(engines);
  return {
    settings,
    articles: byLanguage,
    isIntentWord: (language, term, intent) => !!statistics.get(language)?.isFrequentIn(term, intent),
    search(language, text, needs, unsearched = 0) {
      const engine = engines.get(language);
      if (!engine) return undefined;
      const { isCommon, isFrequent } = statistics.get(language)!;
      const split = splitters.get(language);
      const read = terms(text, language);
      const said = [...new Set(split ? read.flatMap(split) : read)].filter((term) => !isCommon(term));
      // Whole words only: a word no article has finds nothing and adds nothing to any score, so only the others are
      // searched; a message sharing no word with the articles (most) is not searched at all.
      const vocabulary = vocabularies.get(language)!;
      const shared = said.filter((term) => vocabulary.has(term));
      // An article's coverage is at most the share of the message's words any article has.
      const wordCount = said.length + unsearched;
      const coverable = shared.length / wordCount;
      const query = shared.length > 1 ? [...shared, ...pairsOf(said).filter((pair) => vocabulary.has(pair))] : shared;
      if (needs && coverable < (needs === 'strong' ? STRONG_COVERAGE : MIN_COVERAGE)) return undefined;
      // Nor can a match be strong with fewer than two shared words, unless the one is a word the intents hardly use.
      if (needs === 'strong' && shared.length < STRONG_TERMS && (shared.length === 0 || isFrequent(shared[0]!))) return undefined;
      const found = shared.length > 0 ? searched(language, query) : undefined;
      const best = found?.best;
      if (!found || !best) return undefined;
      // MiniSearch multiplies a result's score by the number of query terms it matched; undone here, and shared
      // out over the message's words that are not common.
      const score = best.score / best.terms.length / wordCount;
      // One rare word shared ("Nummer" in "eine Nummer größer") is no answer to a message about something else.
      const words = best.terms.filter((term) => !isPair(term));
      const coverage = words.length / wordCount;
      const confident = score >= settings.minScore && coverage >= MIN_COVERAGE;
      const strong = confident && score >= settings.minScore * STRONG_FACTOR && isStrong(aboutWords(engine, found, best), wordCount, isFrequent);
      const article = byLanguage.get(language)![best.id as number]!;
      const questionWords = words.filter((word) => questionTerms.get(article)!.has(word));
      return { article, score, confident, strong, coverage, words, questionWords };
    },
  };
}

/** A search kept: its best result, and which of the words it matched that article's question or phrasings have. */
interface Searched {
  best: SearchResult | undefined;
  about?: readonly string[];
}
/** Searches kept; past this many the memory starts again. */
const REMEMBERED_SEARCHES = 5_000;

/**
 * The best article depends on the words searched only, which come back from message to message ("gift wrap",
 * "invoice"): each search is kept, and whether its best article is about those words once asked.
 */
function rememberedSearches(engines: ReadonlyMap<string, MiniSearch<Indexed>>): (language: string, query: readonly string[]) => Searched {
  // Keyed by the language and the words, one a line (a term is a word or two, never a line break).
  const search = boundedMemo((key: string): Searched => {
    const [language, ...query] = key.split('\n');
    return { best: engines.get(language!)!.search(query.join(' '), { tokenize: () => query })[0] };
  }, REMEMBERED_SEARCHES);
  return (language, query) => search([language, ...query].join('\n'));
}

function aboutWords(engine: MiniSearch<Indexed>, found: Searched, best: SearchResult): readonly string[] {
  found.about ??= titledTerms(engine, best.id as number, best.terms).filter((term) => !isPair(term));
  return found.about;
}

/** Strong: the words of its question and phrasings alone cover enough of the message, two of them or a rare one. */
function isStrong(about: readonly string[], wordCount: number, isFrequent: (term: string) => boolean): boolean {
  return about.length / wordCount >= STRONG_COVERAGE && (about.length >= STRONG_TERMS || (about.length === 1 && !isFrequent(about[0]!)));
}

/**
 * The terms and, after them, each two uncommon words that follow each other (common ones between them left out):
 * "tarjetas de regalo" is a gift card, which an article on wrapping with "una tarjeta" and "de regalo" is not.
 */
function withPairs(terms: readonly string[], isCommon: (term: string) => boolean): string[] {
  return [...terms, ...pairsOf(terms.filter((term) => !isCommon(term)))];
}

function pairsOf(words: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let index = 0; index + 1 < words.length; index++) pairs.push(`${words[index]} ${words[index + 1]}`);
  return pairs;
}

const isPair = (term: string) => term.includes(' ');

/** Those of the terms the article's question or phrasings have. */
function titledTerms(engine: MiniSearch<Indexed>, id: number, terms: readonly string[]): string[] {
  const [titled] = engine.search(terms.join(' '), {
    tokenize: () => [...terms],
    fields: ['question', 'phrasings'],
    filter: (result) => result.id === id,
  });
  return titled?.terms ?? [];
}
