// faq/: help articles per language and faq/settings.json, searched with BM25. Each language's search is built
// apart and kept until its articles, the settings or its training utterances change, so a reload that changes one
// language's utterances rebuilds that language's search only.
import { createHash } from 'node:crypto';
import { buildHelpIndex, HelpSettingsFile, readArticles, type HelpArticle, type HelpIndex, type HelpSettings } from '../faq/index.js';
import { withoutSpelledLetters } from '../language/index.js';
import { searchTerms } from '../nlu/index.js';
import { problemAt } from '../shared/index.js';
import type { ContentReader } from './content-reader.js';

const builtBefore = new Map<string, { key: string; index: HelpIndex }>();

/** One language's search; each intent's training utterances tell it which words most intents use. */
function languageIndex(language: string, articles: HelpArticle[], settings: HelpSettings, background: Record<string, string[]>): HelpIndex {
  const key = createHash('sha256')
    .update(JSON.stringify([settings, articles, background]))
    .digest('hex');
  const known = builtBefore.get(language);
  if (known?.key === key) return known.index;
  // Stems are kept while the index is built (it reads every training utterance), not for as long as it serves.
  let stems: Map<string, string> | undefined = new Map();
  // "groesse" and "Größe" are one word to the search, in the articles and in the messages.
  const terms = (text: string, of: string) => searchTerms(withoutSpelledLetters(text, of), of, stems);
  const index = buildHelpIndex(articles, settings, terms, new Map([[language, background]]));
  stems = undefined;
  builtBefore.set(language, { key, index });
  return index;
}

/** Every language's search behind one front: a message is searched in its own language's articles only. */
function helpIndex(articles: HelpArticle[], settings: HelpSettings, corpora: Record<string, Record<string, string[]>>): HelpIndex {
  const parts = new Map<string, HelpIndex>();
  for (const language of new Set(articles.map((article) => article.language))) {
    const own = articles.filter((article) => article.language === language);
    parts.set(language, languageIndex(language, own, settings, corpora[language] ?? {}));
  }
  return {
    settings,
    articles: new Map([...parts].map(([language, part]) => [language, part.articles.get(language)!])),
    search: (language, text, needs, unsearched) => parts.get(language)?.search(language, text, needs, unsearched),
    isIntentWord: (language, term, intent) => !!parts.get(language)?.isIntentWord(language, term, intent),
  };
}

/**
 * faq/: help articles per language and faq/settings.json (the measured score an answer needs, the intents
 * articles answer for). Optional; articles without settings are an error, since no score threshold is known.
 */
export async function loadHelp(
  reader: ContentReader,
  languages: string[],
  intents: Set<string>,
  defaultTemplates: ReadonlyMap<string, unknown>,
  corpora: Record<string, Record<string, string[]>>,
): Promise<HelpIndex | undefined> {
  const settings = await reader.read('faq/settings.json', HelpSettingsFile, true);
  const { articles, problems } = await readArticles(reader.contentDir, languages);
  reader.problems.push(...problems);
  if (articles.length === 0 && !settings) return undefined;
  if (!settings) {
    reader.problems.push({
      file: 'faq/settings.json',
      line: 1,
      col: 1,
      message: 'help articles need faq/settings.json with their "minScore"',
      severity: 'error',
    });
    return undefined;
  }
  settings.value.intents.forEach((intent, index) => {
    if (!intents.has(intent)) reader.problems.push(problemAt(settings.document, ['intents', index], `unknown intent "${intent}"`));
  });
  if (articles.length > 0 && !defaultTemplates.has('faq.answer')) {
    reader.problems.push({
      file: 'faq/settings.json',
      line: 1,
      col: 1,
      message: 'help articles are answered with the template "faq.answer", which the default language lacks',
      severity: 'error',
    });
  }
  return helpIndex(articles, settings.value, corpora);
}
