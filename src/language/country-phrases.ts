// A country as a reply's language writes it: its name, the name as a sentence's subject ("the United Kingdom"),
// where a parcel goes ("au Canada", "в Японию", "Japonya'ya") and where it is ("in der Schweiz", "w Polsce").
// Each language's table (locales/<lang>/countries.json) gives them; a country it does not list gets the
// language's default pattern around the name Intl.DisplayNames gives.
import { displayNames } from '../shared/index.js';

/** How a language builds a country's phrases from its name: each text holds {name}. */
export interface CountryPattern {
  the?: string;
  to: string;
  in: string;
}

/** One country in a language's table: its name when Intl.DisplayNames' is not the one to write, a pattern, and any form written out. */
export interface CountryEntry {
  name?: string;
  pattern?: string;
  the?: string;
  to?: string;
  in?: string;
  /** Other names shoppers give the country's destination: its well-known cities, short forms ("Riyadh", "SP"). */
  places?: string[];
}

export interface LanguageCountries {
  /** Always has "default": the pattern of countries without one, and of countries the table does not list. */
  patterns: Readonly<Record<string, CountryPattern>>;
  countries: Readonly<Record<string, CountryEntry>>;
  /** Region names in this language, built once when content loads. */
  names: Intl.DisplayNames;
}

/** language → its table; every language with templates has one, empty when it has no countries.json. */
export type CountryPhrases = ReadonlyMap<string, LanguageCountries>;

export interface CountryForms {
  name: string;
  the: string;
  to: string;
  in: string;
  /** The language's table lists the country; otherwise the forms come from its default pattern. */
  listed: boolean;
}

/** The values a template may use for the country a reply is about. */
export const COUNTRY_VALUES = ['countryName', 'theCountry', 'toCountry', 'inCountry'] as const;

/** What a language without countries.json writes: the name alone, with no preposition it could get wrong. */
const BARE_PATTERN: CountryPattern = { the: '{name}', to: '{name}', in: '{name}' };

/** A language's table as the renderer uses it; an empty one for a language without countries.json. */
export function languageCountries(
  language: string,
  file?: { patterns: Record<string, CountryPattern>; countries: Record<string, CountryEntry> },
): LanguageCountries {
  return {
    patterns: file?.patterns ?? { default: BARE_PATTERN },
    countries: file?.countries ?? {},
    names: displayNames(language, { type: 'region', fallback: 'code' }),
  };
}

function displayName(names: Intl.DisplayNames | undefined, code: string): string {
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryForms(phrases: CountryPhrases, language: string, code: string): CountryForms {
  const table = phrases.get(language);
  const entry = table?.countries[code];
  const name = entry?.name ?? displayName(table?.names, code);
  const pattern = table?.patterns[entry?.pattern ?? 'default'] ?? BARE_PATTERN;
  const fill = (text: string) => text.replaceAll('{name}', name);
  return {
    name,
    the: fill(entry?.the ?? pattern.the ?? '{name}'),
    to: fill(entry?.to ?? pattern.to),
    in: fill(entry?.in ?? pattern.in),
    listed: entry !== undefined,
  };
}

/** {countryName}, {theCountry}, {toCountry} and {inCountry} for a reply in the language; none without a country. */
export function countryValues(phrases: CountryPhrases, language: string, code: string | undefined): Partial<Record<(typeof COUNTRY_VALUES)[number], string>> {
  if (!code) return {};
  const forms = countryForms(phrases, language, code);
  return { countryName: forms.name, theCountry: forms.the, toCountry: forms.to, inCountry: forms.in };
}

/** Every name, phrase and place the tables write, with its country and language: shoppers write them too ("do
 * Niemiec", "ABD'ye", "Riyadh"). */
export function* writtenCountryNames(phrases: CountryPhrases): Generator<[string, string, string]> {
  for (const [language, table] of phrases) {
    for (const code of Object.keys(table.countries)) {
      const { name, the, to, in: inside } = countryForms(phrases, language, code);
      for (const text of new Set([name, the, to, inside, ...(table.countries[code]!.places ?? [])])) yield [text, code, language];
    }
  }
}
