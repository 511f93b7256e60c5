// How shoppers write a language without its own letters on their keyboard: German "ae", "oe", "ue" for "ä", "ö",
// "ü" ("groesse", "fuer"). Spelling those out as the plain vowel, like accent folding does with "ö", makes
// "Größe" and "groesse" the same word; applied to both sides of a search, it merges nothing a search needs apart.

// linear: a two-character pattern with no repetition, tried once at each position.
const GERMAN_SPELLED_UMLAUT = /([aou])e/gi;

/** The text with a language's spelled-out letters written as the letter's folded form. */
export function withoutSpelledLetters(text: string, language: string): string {
  return language === 'de' ? text.replace(GERMAN_SPELLED_UMLAUT, '$1') : text;
}
