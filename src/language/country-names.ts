// Which country a message names, in any of the content's languages: the names Intl.DisplayNames gives, common
// short forms ("USA", "UK"), the names and phrases of the content's country tables, and the stems of names that
// change their endings in a sentence ("в Германию", "do Francji"). The index is built once per snapshot.
import { fold, words } from '../shared/index.js';

/** Country names in every supported language (from Intl.DisplayNames) plus common short forms. */
export interface CountryIndex {
  /** Folded name → ISO code; names may have several words. */
  names: Map<string, string>;
  /** Leading letters of one-word names → ISO code, for inflected forms ("Германию", "Francji"). */
  stems: Map<string, string>;
  /** The first four letters of every stem: a word starting otherwise has none, and needs no further look-up. */
  stemStarts: Set<string>;
  /** Names written in Han or Katakana, found inside unspaced Japanese text, in the order they are preferred. */
  cjkNames: [string, string][];
  /** A CJK name's first character → the positions in `cjkNames` of the names starting with it. */
  cjkStarts: Map<string, number[]>;
  longestName: number;
  /**
   * First word of a name → the most words a name starting with it has, and the country when that word alone is a
   * name: one look-up per word of the message, and most words start none.
   */
  firstWords: Map<string, { longest: number; code?: string }>;
}

const regionCodes = (() => {
  const codes: string[] = [];
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      // Private-use, grouping and withdrawn codes (East Germany, Yugoslavia, Zaire, …) name no country to ship to.
      if (/^(AA|Q[M-Z]|X[A-Z]|ZZ|ZR|EU|UN|EZ|DD|YU|CS|SU|BU|TP|AN|NT|FX|DY|HV|NH|RH|VD|YD)$/.test(code)) continue;
      if (english.of(code)) codes.push(code);
    }
  }
  return codes;
})();

const countryAliases: Record<string, string> = {
  usa: 'US',
  america: 'US',
  eeuu: 'US',
  'estados unidos': 'US',
  'etats unis': 'US',
  uk: 'GB',
  england: 'GB',
  britain: 'GB',
  'great britain': 'GB',
  scotland: 'GB',
  wales: 'GB',
  inglaterra: 'GB',
  angleterre: 'GB',
  holland: 'NL',
  holanda: 'NL',
  hollande: 'NL',
  uae: 'AE',
  emirates: 'AE',
  ksa: 'SA',
  'czech republic': 'CZ',
  turkey: 'TR',
  russia: 'RU',
  'south korea': 'KR',
  korea: 'KR',
  アメリカ: 'US',
  米国: 'US',
  英国: 'GB',
  イギリス: 'GB',
  ドイツ: 'DE',
  フランス: 'FR',
  сша: 'US',
  америка: 'US',
  англия: 'GB',
  امريكا: 'US',
  الامارات: 'AE',
  السعوديه: 'SA',
  مصر: 'EG',
};

/** Country names that are also ordinary words in some language, which would be found by mistake. */
const ambiguousNames = ['jersey', 'guernsey', 'chad', 'jordan', 'georgia', 'niger', 'guinea', 'togo', 'mali', 'man'];

/** Languages whose country names change their endings in a sentence ("в Германию", "do Francji"). */
const inflectingLanguages = new Set(['ru', 'pl', 'tr']);

/**
 * `written` adds the names, phrases and places of the content's country tables ("do Niemiec", "ABD'ye", "в США",
 * "Riyadh"), with their language: shoppers write them as the bot does.
 */
export function buildCountryIndex(languages: string[], written: Iterable<[string, string, string?]> = []): CountryIndex {
  const names = new Map<string, string>();
  const inflectable = new Set<string>();
  for (const language of languages) {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const code of regionCodes) {
      const name = display.of(code);
      if (!name) continue;
      const folded = words(fold(name)).join(' ');
      if (folded && !names.has(folded)) names.set(folded, code);
      if (folded && inflectingLanguages.has(language)) inflectable.add(folded);
    }
  }
  for (const [alias, code] of Object.entries(countryAliases)) names.set(words(fold(alias)).join(' '), code);
  for (const name of ambiguousNames) names.delete(name);
  const index = indexOf(withoutArticles(names), inflectable);
  // Only what the index does not find already: an inflected form ("niemiec") or a short name ("abd").
  for (const [text, code, language] of written) {
    const tokens = words(fold(text));
    if (tokens.some((token) => ambiguousNames.includes(token)) || findCountry(text, index) === code) continue;
    names.set(tokens.join(' '), code);
    // A city changes its ending as a country does: "İstanbul'a", "в Москву".
    if (tokens.length === 1 && language && inflectingLanguages.has(language)) inflectable.add(tokens[0]!);
  }
  return indexOf(withoutArticles(names), inflectable);
}

/** "الكويت" is written "للكويت", "بالكويت": a word loses its article with its prefix, so names are kept without it. */
function withoutArticles(names: Map<string, string>): Map<string, string> {
  for (const [name, code] of [...names]) {
    const bare = name.startsWith(ARABIC_ARTICLE) && !name.includes(' ') ? name.slice(ARABIC_ARTICLE.length) : undefined;
    if (bare && bare.length >= MIN_ARABIC_NAME && !names.has(bare)) names.set(bare, code);
  }
  return names;
}

function indexOf(names: Map<string, string>, inflectable: Set<string>): CountryIndex {
  let longestName = 1;
  const stems = new Map<string, string>();
  const ambiguousStems = new Set<string>();
  const firstWords = new Map<string, { longest: number; code?: string }>();
  for (const [name, code] of names) {
    const nameWords = name.split(' ');
    longestName = Math.max(longestName, nameWords.length);
    const first = firstWords.get(nameWords[0]!) ?? { longest: 0 };
    first.longest = Math.max(first.longest, nameWords.length);
    if (nameWords.length === 1) first.code = code;
    firstWords.set(nameWords[0]!, first);
    // Only names of inflecting languages get stems: "service" must not find Dutch "Servië".
    const stem = name.includes(' ') || !inflectable.has(name) ? undefined : stemOf(name);
    if (!stem) continue;
    if (stems.has(stem) && stems.get(stem) !== code) ambiguousStems.add(stem);
    stems.set(stem, code);
  }
  for (const stem of ambiguousStems) stems.delete(stem);
  const cjkNames = [...names].filter(([name]) => /[\p{Script=Han}\p{Script=Katakana}]/u.test(name));
  const cjkStarts = new Map<string, number[]>();
  cjkNames.forEach(([name], position) => cjkStarts.set(name[0]!, [...(cjkStarts.get(name[0]!) ?? []), position]));
  const stemStarts = new Set([...stems.keys()].map((stem) => stem.slice(0, MIN_STEM)));
  return { names, stems, stemStarts, cjkNames, cjkStarts, longestName: Math.min(longestName, 4), firstWords };
}

const ARABIC_PREFIXES = /^(وال|بال|لل|ال|و|ب|ل|ف)/;
const ARABIC_ARTICLE = 'ال';
/** A shorter name without its article is a common word more likely than a country. */
const MIN_ARABIC_NAME = 3;
/** The letters ARABIC_PREFIXES can start with: any other word keeps its letters, and needs no second look-up. */
const ARABIC_PREFIX_START = /^[وبلاف]/;
const withoutArabicPrefix = (word: string) => (ARABIC_PREFIX_START.test(word) ? word.replace(ARABIC_PREFIXES, '') : word);

const MIN_STEM = 4;
const MAX_STEM = 6;
const stemOf = (word: string) => (word.length > MIN_STEM ? word.slice(0, Math.min(MAX_STEM, word.length - 1)) : undefined);

function findStem(token: string, { stems, stemStarts }: CountryIndex): string | undefined {
  if (!stemStarts.has(token.slice(0, MIN_STEM))) return undefined;
  for (let length = Math.min(MAX_STEM, token.length - 1); length >= MIN_STEM; length--) {
    const code = stems.get(token.slice(0, length));
    if (code) return code;
  }
  return undefined;
}

/** The first country the text names, by the index; undefined when it names none. */
export function findCountry(text: string, index: CountryIndex): string | undefined {
  const tokens = words(fold(text));
  for (let start = 0; start < tokens.length; start++) {
    const token = tokens[start]!;
    // Longer names first ("south korea" before "korea"), and only as long as a name starting with this word is.
    const first = index.firstWords.get(token);
    const longest = Math.min(index.longestName, tokens.length - start, first?.longest ?? 1);
    for (let length = longest; length > 1; length--) {
      const code = index.names.get(tokens.slice(start, start + length).join(' '));
      if (code) return code;
    }
    const bare = withoutArabicPrefix(token);
    const code = first?.code ?? (bare === token ? undefined : index.names.get(bare));
    if (code && token.length > 1) return code;
  }
  for (const token of tokens) {
    const code = token.length > MIN_STEM ? findStem(withoutArabicPrefix(token), index) : undefined;
    if (code) return code;
  }
  // Japanese writes no spaces: look for names inside runs of CJK text.
  const cjk = text.match(/[\p{Script=Han}\p{Script=Katakana}ー]{2,}/gu);
  return cjk ? findCjkName(cjk, index) : undefined;
}

/** The most preferred CJK name inside any of the runs: only the names starting with each character are tried. */
function findCjkName(runs: string[], { cjkNames, cjkStarts }: CountryIndex): string | undefined {
  let best = cjkNames.length;
  for (const run of runs) {
    for (let at = 0; at < run.length; at++) {
      for (const position of cjkStarts.get(run[at]!) ?? NONE) if (position < best && run.startsWith(cjkNames[position]![0], at)) best = position;
    }
  }
  return cjkNames[best]?.[1];
}
const NONE: readonly number[] = [];
