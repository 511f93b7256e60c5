// One intent classifier per language: multinomial logistic regression over the hashed features of features.ts,
// with a temperature fitted on cross-validated predictions so that `confidence` is the probability that the top
// intent is right.
//
// Why this model. Measured by 5-fold cross-validation on the training utterances (in-scope accuracy, the same
// folds for both; 2026-12-07): natural's naive Bayes over stems and letter grams against this model over the
// features of features.ts: en 83.8 → 91.8%, de 85.0 → 89.5%, es 85.7 → 90.8%, ja 79.7 → 87.6%, ru 87.0 → 88.7%,
// ar 85.7 → 88.2%. Bayes counts every correlated feature (a stem and each letter gram of the same word) as
// independent evidence, so its posteriors sit near 0 or 1 whatever the message and framing words ("can you help
// me …") outweigh the request; logistic regression learns the weights jointly, so redundant features share the
// evidence, and its softmax divided by one fitted temperature is close to a probability (expected calibration
// error under 0.02 on cross-validation, see BENCHMARKS.md). natural's own LogisticRegressionClassifier is dense
// over the vocabulary and grows steeply with it; a linear SVM would need a separate calibration step for the same
// accuracy. Within the model, by the same cross-validation: 4 epochs score as 10 do (90.2 / 90.6% en), keeping
// once-seen features adds 0.6 points, and L2 between 1e-5 and 1e-3 changes nothing measurable. Training takes
// about 0.4 s of CPU per language for the model, and as much again for its three calibration folds, all in
// worker threads (see trainer.ts).
import { boundedMemo } from '../shared/index.js';
import { fitTemperature, type HeldOutPrediction } from './calibration.js';
import { intentFeatureParts, intentFeatures, MAX_FEATURES, wordFeatures } from './features.js';
import {
  addCompactRow,
  buildFeatureIndex,
  compactWeights,
  finishCompactScores,
  scoreCompactRows,
  scoreRows,
  softmax,
  trainLogisticRegression,
  type CompactWeights,
  type LinearWeights,
  type TrainingOptions,
} from './logistic-regression.js';

/** Changes whenever features or training change, so that models saved by an older version are not reused. */
export const MODEL_VERSION = 'logreg-2';

/** Words whose summed weights a model keeps (see intentModelFrom). */
const SCORED_WORDS = 10_000;

export const TRAINING: TrainingOptions = { epochs: 4, learningRate: 0.5, l2: 1e-4, minCount: 1, seed: 13 };
/** Folds of the cross-validation that fits the temperature and yields the held-out predictions thresholds use. */
export const CALIBRATION_FOLDS = 3;

export interface IntentScore {
  intent: string;
  confidence: number;
}

/** A trained model as plain data: what a worker sends back, and what the model cache stores. */
export interface IntentModelData {
  version: string;
  language: string;
  intents: string[];
  weights: CompactWeights;
  temperature: number;
  /** Cross-validated predictions on the training utterances, with the temperature applied. */
  heldOut: { confidence: Float32Array; predicted: Uint8Array; actual: Uint8Array };
}

export interface IntentModel {
  language: string;
  intents: string[];
  temperature: number;
  /**
   * Intents ranked by the probability that each is the right one, the `count` likeliest (all by default); empty when
   * the message has nothing to go on.
   */
  classify(text: string, count?: number): IntentScore[];
  /** The cross-validated predictions this model's calibration was fitted on. */
  heldOut(): HeldOutPrediction[];
  data: IntentModelData;
}

type Utterances = Record<string, string[]>;

type Examples = { features: number[][]; labels: number[]; positions: number[] };
/** A worker trains a language's model and its folds from the same utterances: their features are read once. */
const examplesRead = new WeakMap<Utterances, Examples>();

/** Every utterance's features and label, and its position within its intent (which decides its fold). */
function examplesOf(language: string, utterances: Utterances, intents: string[]): Examples {
  const known = examplesRead.get(utterances);
  if (known) return known;
  const examples: Examples = { features: [], labels: [], positions: [] };
  intents.forEach((intent, label) => {
    utterances[intent]!.forEach((utterance, position) => {
      examples.features.push(intentFeatures(utterance, language));
      examples.labels.push(label);
      examples.positions.push(position);
    });
  });
  examplesRead.set(utterances, examples);
  return examples;
}

/** Intents with utterances, in file order: a class number is an index into it. */
const intentsOf = (utterances: Utterances) => Object.keys(utterances).filter((intent) => utterances[intent]!.length > 0);

/** The weights of a language's model, trained on all its utterances. */
export function trainIntentWeights(language: string, utterances: Utterances, training = TRAINING): LinearWeights {
  const intents = intentsOf(utterances);
  const { features, labels } = examplesOf(language, utterances, intents);
  return trainLogisticRegression(features, labels, intents.length, training);
}

/** One fold's held-out predictions: raw class scores (`classes` per utterance) and the right classes. */
export interface HeldOutFold {
  logits: Float32Array;
  labels: Uint8Array;
}

/**
 * Trains without one fold (every `folds`-th utterance of each intent, starting at `fold`) and scores that fold
 * with it: what the model says of utterances it never saw.
 */
export function predictHeldOutFold(language: string, utterances: Utterances, fold: number, folds = CALIBRATION_FOLDS, training = TRAINING): HeldOutFold {
  const intents = intentsOf(utterances);
  const { features, labels, positions } = examplesOf(language, utterances, intents);
  const kept = positions.map((position) => position % folds !== fold);
  const pick = <T>(list: T[], keep: boolean) => list.filter((_, index) => kept[index] === keep);
  const heldOut = pick(features, false);
  if (heldOut.length === 0 || heldOut.length === features.length) return { logits: new Float32Array(0), labels: new Uint8Array(0) };
  const weights = trainLogisticRegression(pick(features, true), pick(labels, true), intents.length, training);
  const index = buildFeatureIndex(weights.keys);
  const logits = new Float32Array(heldOut.length * intents.length);
  const scores = new Float64Array(intents.length);
  heldOut.forEach((example, position) => {
    const rows = example.map((key) => index.rowOf(key)).filter((row) => row >= 0);
    logits.set(scoreRows(weights, rows, example.length, scores), position * intents.length);
  });
  return { logits, labels: Uint8Array.from(pick(labels, false)) };
}

/** Fits the temperature on the held-out folds and puts the model's data together. */
export function calibratedModelData(language: string, utterances: Utterances, weights: LinearWeights, folds: HeldOutFold[]): IntentModelData {
  const intents = intentsOf(utterances);
  const classes = intents.length;
  const heldOutLogits: Float64Array[] = [];
  const heldOutLabels: number[] = [];
  for (const fold of folds) {
    fold.labels.forEach((label, position) => {
      heldOutLogits.push(Float64Array.from(fold.logits.subarray(position * classes, (position + 1) * classes)));
      heldOutLabels.push(label);
    });
  }
  const temperature = heldOutLogits.length > 0 ? fitTemperature(heldOutLogits, heldOutLabels) : 1;
  const confidence = new Float32Array(heldOutLogits.length);
  const predicted = new Uint8Array(heldOutLogits.length);
  heldOutLogits.forEach((logits, index) => {
    const probabilities = softmax(logits, temperature);
    let top = 0;
    for (let label = 1; label < probabilities.length; label++) if (probabilities[label]! > probabilities[top]!) top = label;
    confidence[index] = probabilities[top]!;
    predicted[index] = top;
  });
  return {
    version: MODEL_VERSION,
    language,
    intents,
    weights: compactWeights(weights),
    temperature,
    heldOut: { confidence, predicted, actual: Uint8Array.from(heldOutLabels) },
  };
}

/**
 * Trains the language's model on all its utterances, and one model per fold to predict the utterances it leaves
 * out: those held-out predictions fit the temperature and later the thresholds.
 */
export function trainIntentModelData(language: string, utterances: Utterances, options: { folds?: number; training?: TrainingOptions } = {}): IntentModelData {
  const { folds = CALIBRATION_FOLDS, training = TRAINING } = options;
  const heldOut = Array.from({ length: folds }, (_, fold) => predictHeldOutFold(language, utterances, fold, folds, training));
  return calibratedModelData(language, utterances, trainIntentWeights(language, utterances, training), heldOut);
}

/** The labels of the `count` highest probabilities, highest first (ties: the lower label first, as a stable sort). */
function likeliest(probabilities: Float64Array, count: number): number[] {
  const top: number[] = [];
  for (let label = 0; label < probabilities.length; label++) {
    let at = top.length;
    while (at > 0 && probabilities[top[at - 1]!]! < probabilities[label]!) at--;
    if (at >= count) continue;
    // Insert at `at`, the last one falling off when the list is full (in place: splice would make a list each time).
    if (top.length < count) top.push(label);
    for (let index = top.length - 1; index > at; index--) top[index] = top[index - 1]!;
    top[at] = label;
  }
  return top;
}

export function intentModelFrom(data: IntentModelData): IntentModel {
  const { language, intents, weights, temperature } = data;
  const index = buildFeatureIndex(weights.keys);
  const rows: number[] = [];
  const scores = new Float64Array(weights.classes);
  // A word's own features (itself, its stem, its letter grams) are most of a message's, each a look-up in tables
  // too large for the processor's cache: their weights are added up once per word and kept for the words of recent
  // messages, with how many they are (past the bound the memory starts again).
  const wordScores = boundedMemo((word: string): { own: Float64Array; count: number } => {
    const features = wordFeatures(word, language);
    const own = new Float64Array(weights.classes);
    for (const key of features) {
      const row = index.rowOf(key);
      if (row >= 0) addCompactRow(weights, row, own);
    }
    return { own, count: features.length };
  }, SCORED_WORDS);
  return {
    language,
    intents,
    temperature,
    data,
    classify(text, count = intents.length) {
      const { words, others } = intentFeatureParts(text, language);
      scores.fill(0);
      let featureCount = others.length;
      for (const word of words) {
        const { own, count: ownCount } = wordScores(word);
        featureCount += ownCount;
        for (let label = 0; label < own.length; label++) scores[label]! += own[label]!;
      }
      if (featureCount === 0) return [];
      if (featureCount > MAX_FEATURES) {
        // Only the first features are read: the plain way, feature by feature.
        const features = intentFeatures(text, language);
        rows.length = 0;
        for (const key of features) {
          const row = index.rowOf(key);
          if (row >= 0) rows.push(row);
        }
        scoreCompactRows(weights, rows, features.length, scores);
      } else {
        for (const key of others) {
          const row = index.rowOf(key);
          if (row >= 0) addCompactRow(weights, row, scores);
        }
        finishCompactScores(weights, featureCount, scores);
      }
      const probabilities = softmax(scores, temperature);
      return likeliest(probabilities, Math.min(count, intents.length)).map((label) => ({ intent: intents[label]!, confidence: probabilities[label]! }));
    },
    heldOut() {
      const { confidence, predicted, actual } = data.heldOut;
      return Array.from(confidence, (value, position) => ({
        confidence: value,
        predicted: intents[predicted[position]!]!,
        actual: intents[actual[position]!]!,
      }));
    },
  };
}

/** Trains a language's model in this thread: for tests and scripts; the server trains in a worker (trainer.ts). */
export function trainIntentModel(language: string, utterances: Utterances, options?: { folds?: number; training?: TrainingOptions }): IntentModel {
  return intentModelFrom(trainIntentModelData(language, utterances, options));
}
