// One intent classifier per language: multinomial logistic regression over the hashed features of features.ts,
// with a temperature fitted on cross-validated predictions so that `confidence` is the probability that the top
// intent is right.
//
// Why this model (5-fold cross-validation on the training utterances, all 12 languages, see BENCHMARKS.md):
// natural's naive Bayes over the same kind of features counts every correlated feature (a stem and each letter
// gram of the same word) as independent evidence, so its posteriors sit near 0 or 1 whatever the message, and
// framing words ("can you help me …") outweigh the request. Logistic regression learns weights jointly, so
// redundant features share the evidence, and its softmax, divided by one fitted temperature, is close to a
// probability. natural's own LogisticRegressionClassifier is dense and grows steeply with the vocabulary; a
// linear SVM would need a separate calibration step for the same accuracy. Training is SGD with AdaGrad steps
// over a few epochs: about a tenth of a second per language, so the model and its calibration folds are
// retrained off the event loop when content changes (see trainer.ts).
import { fitTemperature, type HeldOutPrediction } from './calibration.js';
import { intentFeatures } from './features.js';
import { buildFeatureIndex, scoreRows, softmax, trainLogisticRegression, type LinearWeights, type TrainingOptions } from './logistic-regression.js';

/** Changes whenever features or training change, so that models saved by an older version are not reused. */
export const MODEL_VERSION = 'logreg-1';

export const TRAINING: TrainingOptions = { epochs: 5, learningRate: 0.5, l2: 1e-4, minCount: 1, seed: 13 };
/** Folds of the cross-validation that fits the temperature and yields the held-out predictions thresholds use. */
export const CALIBRATION_FOLDS = 5;

export interface IntentScore {
  intent: string;
  confidence: number;
}

/** A trained model as plain data: what a worker sends back, and what the model cache stores. */
export interface IntentModelData {
  version: string;
  language: string;
  intents: string[];
  weights: LinearWeights;
  temperature: number;
  /** Cross-validated predictions on the training utterances, with the temperature applied. */
  heldOut: { confidence: Float32Array; predicted: Uint8Array; actual: Uint8Array };
}

export interface IntentModel {
  language: string;
  intents: string[];
  temperature: number;
  /** Intents ranked by the probability that each is the right one; empty when the message has nothing to go on. */
  classify(text: string): IntentScore[];
  /** The cross-validated predictions this model's calibration was fitted on. */
  heldOut(): HeldOutPrediction[];
  data: IntentModelData;
}

type Utterances = Record<string, string[]>;

/** Every utterance's features and label, and its position within its intent (which decides its fold). */
function examplesOf(language: string, utterances: Utterances, intents: string[]) {
  const features: number[][] = [];
  const labels: number[] = [];
  const positions: number[] = [];
  intents.forEach((intent, label) => {
    utterances[intent]!.forEach((utterance, position) => {
      features.push(intentFeatures(utterance, language));
      labels.push(label);
      positions.push(position);
    });
  });
  return { features, labels, positions };
}

/** The raw class scores of each example under weights trained without it. */
function logitsOf(weights: LinearWeights, features: number[][]): Float64Array[] {
  const index = buildFeatureIndex(weights.keys);
  return features.map((example) => {
    const rows = example.map((key) => index.rowOf(key)).filter((row) => row >= 0);
    return scoreRows(weights, rows, example.length, new Float64Array(weights.classes)).slice();
  });
}

/**
 * Trains the language's model on all its utterances, and `folds` models each without one fold (every
 * `folds`-th utterance of each intent) to predict that fold: those held-out predictions fit the temperature.
 */
export function trainIntentModelData(language: string, utterances: Utterances, options: { folds?: number; training?: TrainingOptions } = {}): IntentModelData {
  const { folds = CALIBRATION_FOLDS, training = TRAINING } = options;
  const intents = Object.keys(utterances).filter((intent) => utterances[intent]!.length > 0);
  const { features, labels, positions } = examplesOf(language, utterances, intents);
  const weights = trainLogisticRegression(features, labels, intents.length, training);

  const heldOutLogits: Float64Array[] = [];
  const heldOutLabels: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const kept = positions.map((position) => position % folds !== fold);
    const pick = <T>(list: T[], keep: boolean) => list.filter((_, index) => kept[index] === keep);
    if (!kept.includes(true) || !kept.includes(false)) continue;
    const foldWeights = trainLogisticRegression(pick(features, true), pick(labels, true), intents.length, training);
    heldOutLogits.push(...logitsOf(foldWeights, pick(features, false)));
    heldOutLabels.push(...pick(labels, false));
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
  return { version: MODEL_VERSION, language, intents, weights, temperature, heldOut: { confidence, predicted, actual: Uint8Array.from(heldOutLabels) } };
}

export function intentModelFrom(data: IntentModelData): IntentModel {
  const { language, intents, weights, temperature } = data;
  const index = buildFeatureIndex(weights.keys);
  const rows: number[] = [];
  const scores = new Float64Array(weights.classes);
  return {
    language,
    intents,
    temperature,
    data,
    classify(text) {
      const features = intentFeatures(text, language);
      if (features.length === 0) return [];
      rows.length = 0;
      for (const key of features) {
        const row = index.rowOf(key);
        if (row >= 0) rows.push(row);
      }
      const probabilities = softmax(scoreRows(weights, rows, features.length, scores), temperature);
      return intents.map((intent, label) => ({ intent, confidence: probabilities[label]! })).sort((a, b) => b.confidence - a.confidence);
    },
    heldOut() {
      const { confidence, predicted, actual } = data.heldOut;
      return Array.from(confidence, (value, position) => ({ confidence: value, predicted: intents[predicted[position]!]!, actual: intents[actual[position]!]! }));
    },
  };
}

/** Trains a language's model in this thread: for tests and scripts; the server trains in a worker (trainer.ts). */
export function trainIntentModel(language: string, utterances: Utterances, options?: { folds?: number; training?: TrainingOptions }): IntentModel {
  return intentModelFrom(trainIntentModelData(language, utterances, options));
}
