// locales/<lang>/lexicon.json: the word lists a language needs beyond its training phrases (yes and no, "I don't
// know", follow-up cues, kinds of problem and of change). Read and checked here; compiled by language/lexicon.ts.
import { z } from 'zod';
import { compileLexicon, type Lexicon, type LexiconSource } from '../language/index.js';
import type { ContentProblem } from '../shared/index.js';
import { problemAt, type JsonDocument } from '../shared/index.js';
import { isSafeKey } from '../content/index.js';

const Entry = z
  .string()
  .trim()
  .min(1, 'an entry cannot be empty')
  .max(80)
  .refine((entry) => !entry.slice(0, -1).includes('*'), 'only a final "*" is allowed ("broke*" matches broken, broke, brokenly)');
const Entries = z.array(Entry);
const ListName = z
  .string()
  .regex(/^[a-z][A-Za-z0-9_]*$/, 'list and kind names are plain words such as "problems" or "damaged"')
  .refine(isSafeKey, 'reserved name');

/** The four lists every language has, and any number of named lists of kinds ({"problems": {"damaged": […]}}). */
export const LexiconFile = z
  .strictObject({
    yes: Entries.default([]),
    no: Entries.default([]),
    dontKnow: Entries.default([]),
    followUp: Entries.default([]),
  })
  .catchall(z.record(ListName, Entries.min(1, 'a kind needs at least one entry')));
export type LexiconFile = z.infer<typeof LexiconFile>;

export interface LexiconRead {
  value: LexiconFile;
  document: JsonDocument;
}

/** What reads a content file: the loader's reader, which records problems with their place. */
export interface ContentFiles {
  problems: ContentProblem[];
  read<T>(relative: string, schema: z.ZodType<T>, optional?: boolean): Promise<{ value: T; document: JsonDocument } | undefined>;
}

export async function readLexicons(files: ContentFiles, languages: string[]): Promise<Map<string, LexiconRead>> {
  const read = new Map<string, LexiconRead>();
  for (const language of languages) {
    const before = files.problems.length;
    const file = await files.read(`locales/${language}/lexicon.json`, LexiconFile, true);
    // A broken file has its own problems; only a missing one needs saying.
    if (!file && files.problems.length === before) {
      files.problems.push({
        file: `locales/${language}/lexicon.json`,
        line: 1,
        col: 1,
        severity: 'warning',
        message: `${language} has no lexicon: yes/no answers, follow-up cues and problem words are not understood in ${language}`,
      });
    }
    if (!file) continue;
    files.problems.push(...overlapProblems(file));
    read.set(language, file);
  }
  return read;
}

/** A word that means both yes and no would make every answer ambiguous. */
function overlapProblems({ value, document }: LexiconRead): ContentProblem[] {
  const yes = new Set(value.yes.map((entry) => entry.toLowerCase()));
  return value.no.flatMap((entry, index) => (yes.has(entry.toLowerCase()) ? [problemAt(document, ['no', index], `"${entry}" is in both "yes" and "no"`)] : []));
}

/** Named lists (problems, changes) each language should have with the same kinds as the default language. */
export function kindListProblems(
  lexicons: Map<string, LexiconRead>,
  defaultLanguage: string,
  needed: Map<string, { file: string; line: number; col: number }>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const reference = lexicons.get(defaultLanguage)?.value;
  for (const [list, usedAt] of needed) {
    if (!reference || !isKindList(reference[list]))
      problems.push({ ...usedAt, severity: 'error', message: `the word list "${list}" is not in locales/${defaultLanguage}/lexicon.json` });
  }
  for (const [language, { value, document }] of lexicons) {
    if (language === defaultLanguage || !reference) continue;
    for (const [list, kinds] of Object.entries(reference)) {
      if (!isKindList(kinds)) continue;
      const own = value[list];
      for (const kind of Object.keys(kinds)) {
        if (!isKindList(own) || !own[kind])
          problems.push(
            problemAt(
              document,
              isKindList(own) ? [list] : [],
              `"${list}.${kind}" has no ${language} words; ${language} shoppers who say it are not understood`,
              'warning',
            ),
          );
      }
    }
  }
  return problems;
}

const isKindList = (value: unknown): value is Record<string, string[]> => !!value && typeof value === 'object' && !Array.isArray(value);

export function compileLexicons(lexicons: Map<string, LexiconRead>): Map<string, Lexicon> {
  return new Map([...lexicons].map(([language, { value }]) => [language, compileLexicon(value as LexiconSource)]));
}
