// Unicode-aware text helpers shared by language detection, the intent features and the pipeline.

const arabicFolds: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ة: 'ه', ى: 'ي', ؤ: 'و', ئ: 'ي' };
const latinFolds: Record<string, string> = { ı: 'i', ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd' };
const foldPattern = /[أإآٱةىؤئıłßøæœđ]/g;

/**
 * Compatibility normalization ("ﬃ" → "ffi", full-width digits → digits), bounded: it may make a text up to 18 times
 * longer (U+FDFA is a whole phrase), and past four times the longest message the rest is not read.
 */
export const normalizeCompatibly = (text: string, form: 'NFKC' | 'NFKD'): string => text.normalize(form).slice(0, 8000);

const ASCII = /^[\x00-\x7F]*$/;

/** The last text folded, and its folding. */
let lastFolded = { text: '', folded: '' };

/**
 * Lower-cases and removes what chat typists leave out anyway: accents and other combining marks, Arabic hamza
 * seats, tatweel and ta marbuta, Turkish dotless i. "Zamówienie", "zamowienie" and "ZAMOWIENIE" become one word.
 */
export function fold(text: string): string {
  // Several stages fold the same message one after another: the last one folded is kept.
  if (text === lastFolded.text) return lastFolded.folded;
  // ASCII text has nothing to fold but its case: most messages and training phrases skip the normalizations.
  const folded =
    text.length <= 8000 && ASCII.test(text)
      ? text.toLowerCase()
      : normalizeCompatibly(text.toLowerCase(), 'NFKD')
          // Kana voicing marks are letters' own parts, not accents: ド must not become ト.
          .replace(/\p{M}/gu, (mark) => (mark === '\u3099' || mark === '\u309A' ? mark : ''))
          .replace(/ـ/g, '')
          .replace(foldPattern, (char) => arabicFolds[char] ?? latinFolds[char] ?? char)
          .normalize('NFC');
  lastFolded = { text, folded };
  return folded;
}

/**
 * Words past this many are not read. A message has at most 2,000 characters, but folding may multiply them: U+FDFA
 * alone becomes four words, so 2,000 of it would be 8,000 words for every stage after it.
 */
export const MAX_WORDS = 500;

/** A longer run of letters (Cyrillic or Thai written without spaces) is read as several words of 64 characters. */
const WORD = /[\p{L}\p{N}\p{M}]{1,64}/gu;

/** The last text split into words, and its words. */
let lastSplit: { text: string; tokens: readonly string[] } = { text: '', tokens: [] };

/**
 * Word tokens: runs of letters and digits in any script, bounded in length and in number. Several stages split the
 * same folded message one after another: the last text's words are kept, which is why they are read-only.
 */
export function words(text: string): readonly string[] {
  if (text === lastSplit.text) return lastSplit.tokens;
  // One global match returns the tokens alone, without a match object per token.
  const tokens = text.match(WORD) ?? [];
  if (tokens.length > MAX_WORDS) tokens.length = MAX_WORDS;
  lastSplit = { text, tokens };
  return tokens;
}

export type Script = 'latin' | 'cyrillic' | 'arabic' | 'kana' | 'han' | 'hangul' | 'greek' | 'hebrew' | 'thai' | 'devanagari' | 'other';

const scriptPatterns: [Script, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
];

/** How many letters of each script the text has. */
export function countScripts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  const add = (script: Script) => counts.set(script, (counts.get(script) ?? 0) + 1);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Most letters are ASCII or accented Latin ones (up to U+024F every letter is Latin): read by their code, with
    // no string made for them and no script's pattern tried on them.
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) add('latin');
      continue;
    }
    const point = text.codePointAt(index)!;
    if (point > 0xffff) index++;
    const char = String.fromCodePoint(point);
    if (!LETTER.test(char)) continue;
    add(point >= 0xc0 && point <= 0x24f ? 'latin' : scriptOf(char));
  }
  return counts;
}

const LETTER = /\p{L}/u;

function scriptOf(letter: string): Script {
  for (const [script, pattern] of scriptPatterns) if (pattern.test(letter)) return script;
  return 'other';
}

const A_LETTER = /\p{L}/u;
export const hasLetters = (text: string) => A_LETTER.test(text);

/** Levenshtein distance between two short strings, in UTF-16 units (as the catalogue's fuzzy search counts them). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
