// natural ships types for its package root only; these are the submodules the pipeline imports directly,
// because the root module loads every storage driver and reads .env on import.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  type Observation = string[] | Record<string, string>;
  export default class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    docs: { label: string; text: string[] }[];
    features: Record<string, number>;
    addDocument(text: string | string[], classification: string): void;
    train(): void;
    textToFeatures(observation: string[] | string): Observation;
    getClassifications(observation: string[]): { label: string; value: number }[];
    classify(observation: string[]): string;
  }
}

declare module 'natural/lib/natural/stemmers/*.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
