// locales/<lang>/countries.json: how each language writes a country and the phrases around it. Problems are
// reported as file:line:col; a country the shipping files name that a language's table leaves out is a warning.
import { z } from 'zod';
import { languageCountries, type CountryPhrases, type LanguageCountries } from '../language/index.js';
import { countriesNamed, type ShippingContent } from '../shipping/index.js';
import { problemAt } from '../shared/index.js';
import type { ContentReader } from './content-reader.js';
import { isSafeKey } from '../content/index.js';

const englishRegions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** An ISO 3166-1 alpha-2 code of a real country or territory ("DE"); not "ZZ" (unknown) or a made-up one. */
export const isCountryCode = (code: string) => /^[A-Z]{2}$/.test(code) && code !== 'ZZ' && !!englishRegions.of(code);

/** A form: plain text, where {name} (and only that) stands for the country's name. */
const Form = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((text) => !/\{(?!name\})/.test(text), 'only {name} is filled in: write the rest as plain text');
const PatternForm = Form.refine((text) => text.includes('{name}'), 'a pattern writes the country as {name}');

const Pattern = z.strictObject({ the: PatternForm.optional(), to: PatternForm, in: PatternForm });

const Entry = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  pattern: z.string().min(1).optional(),
  the: Form.optional(),
  to: Form.optional(),
  in: Form.optional(),
  places: z.array(z.string().trim().min(2).max(60)).max(50).optional(),
});

export const CountriesFile = z.strictObject({
  patterns: z
    .record(
      z
        .string()
        .regex(/^[\p{L}'’-]+$/u, 'a pattern name is one word, such as "default", "la" or "plural"')
        .refine(isSafeKey, 'reserved key'),
      Pattern,
    )
    .refine((patterns) => 'default' in patterns, 'patterns needs "default": the forms of countries with no pattern of their own'),
  countries: z.record(z.string().refine(isSafeKey, 'reserved key'), Entry).default({}),
});
export type CountriesFile = z.infer<typeof CountriesFile>;

/**
 * Reads every language's countries.json and builds its region names once. A language with templates but no file
 * writes the bare name in its phrases; with shipping content, check says so.
 */
export async function loadCountryPhrases(reader: ContentReader, languages: readonly string[], shipping: ShippingContent | undefined): Promise<CountryPhrases> {
  const phrases = new Map<string, LanguageCountries>();
  const named = shipping ? countriesNamed(shipping) : [];
  for (const language of languages) {
    const file = `locales/${language}/countries.json`;
    const read = await reader.read(file, CountriesFile, true);
    if (read) {
      const { value, document } = read;
      for (const [code, entry] of Object.entries(value.countries)) {
        if (!isCountryCode(code)) {
          reader.problems.push(problemAt(document, ['countries', code], `"${code}" is not a country code: use ISO 3166-1 alpha-2, such as "DE"`));
        }
        if (entry.pattern && !value.patterns[entry.pattern]) {
          reader.problems.push(
            problemAt(document, ['countries', code, 'pattern'], `unknown pattern "${entry.pattern}"; this file has ${Object.keys(value.patterns).join(', ')}`),
          );
        }
      }
      const missing = named.filter((code) => !value.countries[code]);
      if (missing.length > 0) {
        reader.problems.push(
          problemAt(
            document,
            ['countries'],
            `the shipping files name ${missing.join(', ')}, which this table leaves out: their phrases fall back to the "default" pattern`,
            'warning',
          ),
        );
      }
    } else if (named.length > 0 && !reader.problems.some((problem) => problem.file === file)) {
      const message = `${language} has no countries.json: {toCountry} and {inCountry} are the bare country name in ${language} replies (see locales/README.md)`;
      reader.problems.push({ file, line: 1, col: 1, message, severity: 'warning' });
    }
    phrases.set(language, languageCountries(language, read?.value));
  }
  return phrases;
}
