// Reads faq/: every faq/<lang>/*.md article and faq/settings.json, with their problems as file:line:col.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from '../shared/index.js';
import { parseArticle, type HelpArticle } from './article.js';

export const HelpSettingsFile = z.strictObject({
  minScore: z.number().positive(),
  intents: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'intent ids are snake_case')).default([]),
});

async function entries(directory: string) {
  try {
    return await readdir(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The articles of every language folder; a folder for a language the store does not speak is a warning. */
export async function readArticles(contentDir: string, languages: string[]): Promise<{ articles: HelpArticle[]; problems: ContentProblem[] }> {
  const articles: HelpArticle[] = [];
  const problems: ContentProblem[] = [];
  const folders = (await entries(path.join(contentDir, 'faq')))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const language of folders) {
    if (!languages.includes(language))
      problems.push({
        file: `faq/${language}`,
        line: 1,
        col: 1,
        message: `"${language}" is not a language of locales/: its articles are never searched`,
        severity: 'warning',
      });
    const files = (await entries(path.join(contentDir, 'faq', language)))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => entry.name)
      .sort();
    for (const name of files) {
      const file = `faq/${language}/${name}`;
      const parsed = parseArticle(file, language, await readFile(path.join(contentDir, file), 'utf8'));
      problems.push(...parsed.problems);
      if (parsed.article) articles.push(parsed.article);
    }
  }
  return { articles, problems };
}
