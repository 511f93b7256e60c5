// Reads one help article, faq/<lang>/<topic>.md: a header between two "---" lines (question, alternative
// phrasings, link) and, below it, the short answer the bot sends. Every problem points at a line and column.
import type { ContentProblem } from '../shared/index.js';

export interface HelpArticle {
  /** The file name without ".md": the same topic in every language has the same id. */
  id: string;
  language: string;
  file: string;
  question: string;
  /** Other ways shoppers ask the same thing. */
  phrasings: string[];
  link?: string;
  answer: string;
}

/** An answer longer than this is no short answer: the link is for the rest. */
export const MAX_ANSWER = 600;
const KEYS = new Set(['question', 'also', 'link']);

function isHttpLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function parseArticle(file: string, language: string, text: string): { article?: HelpArticle; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const problem = (line: number, col: number, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, line, col, message, severity });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    problem(1, 1, 'an article starts with a "---" line, then question:, also: and link: lines, then "---" and the answer');
    return { problems };
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) {
    problem(1, 1, 'the header has no closing "---" line');
    return { problems };
  }
  let question: string | undefined;
  const phrasings: string[] = [];
  let link: string | undefined;
  for (let index = 1; index < end; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const match = line.match(/^\s*([A-Za-z]+)\s*:\s*(.*)$/);
    if (!match) {
      problem(index + 1, 1, 'a header line is "key: value" (question, also or link)');
      continue;
    }
    const [, key, raw] = match;
    const value = raw!.trim();
    const col = line.indexOf(raw!) + 1;
    if (!KEYS.has(key!)) problem(index + 1, 1, `unknown key "${key}"; use question, also or link`);
    else if (!value) problem(index + 1, col, `"${key}" is empty`);
    else if (key === 'question') {
      if (question) problem(index + 1, 1, 'an article has one question; write other phrasings as "also:" lines');
      question = value;
    } else if (key === 'also') phrasings.push(value);
    else if (!isHttpLink(value)) problem(index + 1, col, `link "${value}" is not an http(s) address`);
    else link = value;
  }
  if (!question) problem(1, 1, 'the header has no "question:" line');
  const answer = lines
    .slice(end + 1)
    .join('\n')
    .trim();
  if (!answer) problem(end + 1, 1, 'the article has no answer below its header');
  else if (answer.length > MAX_ANSWER)
    problem(end + 2, 1, `the answer has ${answer.length} characters; keep it under ${MAX_ANSWER} and link to the rest`, 'warning');
  if (problems.some((found) => found.severity === 'error')) return { problems };
  const id = file.split('/').pop()!.replace(/\.md$/, '');
  return { article: { id, language, file, question: question!, phrasings, ...(link ? { link } : {}), answer }, problems };
}
