// Natural-language understanding: the models trained from the store's utterances (language detection and one
// calibrated intent classifier per language), the features they read, and the thresholds derived from their
// cross-validated predictions. The knowledge loader gets the models; the pipeline asks them.
export { trainIntentModel, intentModelFrom, MODEL_VERSION, type IntentModel, type IntentModelData, type IntentScore } from './intent-model.js';
export { intentModelsFor, isEarly, type EarlyModel, type TrainOptions } from './trainer.js';
export {
  DEFAULT_TARGET_PRECISION,
  OUT_OF_SCOPE,
  expectedCalibrationError,
  intentThreshold,
  reliability,
  thresholdForPrecision,
  type HeldOutPrediction,
  type IntentThreshold,
  type ReliabilityBin,
  type ThresholdChoice,
} from './calibration.js';
export { intentFeatures, searchTerms } from './features.js';
export { trainLanguageModel, type LanguageHints, type LanguageModel, type LanguageResult } from './language.js';
