// Natural-language understanding: the models trained from the store's utterances (language detection and one
// intent classifier per language) and the features they read. The knowledge loader trains them; the pipeline
// asks them.
export { trainIntentModel, type IntentModel, type IntentScore } from './intent-model.js';
export { intentFeatures, lexicalUnits } from './features.js';
export { trainLanguageModel, type LanguageHints, type LanguageModel, type LanguageResult } from './language.js';
