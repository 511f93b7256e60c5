// How each language writes and reads what the content names: a country's name and phrases ("au Canada"), the
// countries a message names, the word lists of locales/<lang>/lexicon.json, and emoji. The knowledge loader compiles
// them into the Snapshot once; the pipeline reads messages and writes replies with them. Pure.
export {
  COUNTRY_VALUES,
  countryForms,
  countryValues,
  languageCountries,
  writtenCountryNames,
  type CountryEntry,
  type CountryForms,
  type CountryPattern,
  type CountryPhrases,
  type LanguageCountries,
} from './country-phrases.js';
export { buildCountryIndex, findCountry, type CountryIndex } from './country-names.js';
export { bareEmoji, emojiMeanings } from './emoji.js';
export { withoutSpelledLetters } from './spelling.js';
export { bothLexicons, compileLexicon, compileWords, EMPTY_LEXICON, readYesNo, type Lexicon, type LexiconSource, type WordMatcher } from './lexicon.js';
export { compileKinds, type KindMatcher } from './kinds.js';
export { lexiconText, type LexiconText } from './lexicon-text.js';
