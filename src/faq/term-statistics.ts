// What the intents' training utterances say about a word of the help search: whether most intents use it (it says
// nothing about a subject) and whether the intents use it often at all (an intent's subject as much as an article's).
/** Turns text into search terms: the language's stems, character pairs for Japanese. */
export type Terms = (text: string, language: string) => string[];

export interface TermStatistics {
  /** In many utterances of most intents: "can", "my", "order". */
  isCommon(term: string): boolean;
  /** In many utterances, of however many intents: "size", "account", and the common words. */
  isFrequent(term: string): boolean;
  /** In many of that intent's utterances: "size" and "small" are product questions' words. */
  isFrequentIn(term: string, intent: string): boolean;
}

/** A term in at least one text in a hundred of the language's training utterances is frequent… */
const FREQUENT_SHARE = 0.01;
/** …and common, saying little about a subject, when the utterances of at least half its intents have it. */
const COMMON_SPREAD = 0.5;

/** The statistics of one language, from each intent's training utterances. */
export function termStatistics(corpus: Readonly<Record<string, readonly string[]>>, language: string, terms: Terms): TermStatistics {
  const documents = new Map<string, number>();
  const intents = new Map<string, number>();
  const ownWords = new Map<string, Set<string>>();
  let texts = 0;
  for (const [intent, group] of Object.entries(corpus)) {
    const inGroup = new Map<string, number>();
    for (const text of group) {
      texts++;
      for (const term of new Set(terms(text, language))) {
        documents.set(term, (documents.get(term) ?? 0) + 1);
        inGroup.set(term, (inGroup.get(term) ?? 0) + 1);
      }
    }
    for (const term of inGroup.keys()) intents.set(term, (intents.get(term) ?? 0) + 1);
    const least = Math.max(2, group.length * FREQUENT_SHARE);
    ownWords.set(intent, new Set([...inGroup].filter(([, count]) => count >= least).map(([term]) => term)));
  }
  const least = Math.max(2, texts * FREQUENT_SHARE);
  const spread = Math.max(1, Object.keys(corpus).length * COMMON_SPREAD);
  const frequent = new Set([...documents].filter(([, count]) => count >= least).map(([term]) => term));
  const common = new Set([...frequent].filter((term) => (intents.get(term) ?? 0) >= spread));
  return {
    isCommon: (term) => common.has(term),
    isFrequent: (term) => frequent.has(term),
    isFrequentIn: (term, intent) => !!ownWords.get(intent)?.has(term),
  };
}
