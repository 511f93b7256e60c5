// Help articles: the operator's answers to the questions no intent covers, in faq/<lang>/*.md, searched with BM25.
export { MAX_ANSWER, parseArticle, type HelpArticle } from './article.js';
export { HelpSettingsFile, readArticles } from './load.js';
export { buildHelpIndex, type HelpIndex, type HelpMatch, type HelpSettings, type Terms } from './search.js';
