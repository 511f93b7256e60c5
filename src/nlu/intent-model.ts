// One intent classifier per language: natural's Bayes classifier over the features of features.ts, with a
// confidence that is not Bayes' overconfident posterior but falls when the message has unknown words.
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { intentFeatures, lexicalUnits } from './features.js';

/**
 * natural's classifier builds a dense 0/1 vector over its whole vocabulary for every message; the Bayes
 * classifier underneath also accepts sparse observations, which keeps training and classifying linear in the
 * message length.
 */
class SparseBayesClassifier extends BayesClassifier {
  override textToFeatures(observation: string[] | string): Record<string, string> {
    const sparse: Record<string, string> = {};
    let index = 0;
    // The prefix keeps a word like "constructor" from meeting Object.prototype inside the counts table.
    for (const feature of new Set(observation)) sparse[index++] = `~${feature}`;
    return sparse;
  }
}

export interface IntentScore {
  intent: string;
  confidence: number;
}

export interface IntentModel {
  language: string;
  intents: string[];
  /** Ranked intents with confidences in [0, 1]; empty when the message has nothing to go on. */
  classify(text: string): { ranked: IntentScore[]; knownShare: number };
}

/** Bayes log-scores are sums over features; dividing by this many features per unit keeps confidences graded. */
const TEMPERATURE_PER_FEATURE = 0.1;
/** Bayes' additive smoothing; small, because letter n-grams already spread evidence over many features. */
const SMOOTHING = 0.1;

export function trainIntentModel(language: string, utterances: Record<string, string[]>): IntentModel {
  const classifier = new SparseBayesClassifier(undefined, SMOOTHING);
  const vocabulary = new Set<string>();
  for (const [intent, examples] of Object.entries(utterances)) {
    for (const example of examples) {
      const features = intentFeatures(example, language);
      if (features.length === 0) continue;
      classifier.addDocument(features, intent);
      for (const unit of lexicalUnits(features)) vocabulary.add(unit);
    }
  }
  classifier.train();
  // The trained counts are all classifying needs: the documents and natural's dense feature index are let go.
  classifier.docs = [];
  classifier.features = {};
  const intents = Object.keys(utterances);

  return {
    language,
    intents,
    classify(text) {
      const features = intentFeatures(text, language);
      if (features.length === 0) return { ranked: [], knownShare: 0 };
      const units = lexicalUnits(features);
      const knownShare = units.length === 0 ? 1 : units.filter((unit) => vocabulary.has(unit)).length / units.length;

      const scores = classifier.getClassifications(features);
      const temperature = Math.max(1, new Set(features).size * TEMPERATURE_PER_FEATURE);
      const logits = scores.map(({ value }) => (value > 0 ? Math.log(value) : -1e6) / temperature);
      const top = Math.max(...logits);
      const weights = logits.map((logit) => Math.exp(logit - top));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      const ranked = scores.map(({ label }, index) => ({ intent: label, confidence: weights[index]! / total }));
      return { ranked, knownShare };
    },
  };
}
