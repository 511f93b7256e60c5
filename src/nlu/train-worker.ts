// Worker thread entry: does the training jobs it is given (a language's model, or one of its calibration folds)
// and posts each result back as plain data, so neither the training's CPU time nor its garbage touches the thread
// that answers shoppers.
import { parentPort, workerData } from 'node:worker_threads';
import { predictHeldOutFold, trainIntentWeights, type HeldOutFold } from './intent-model.js';
import type { LinearWeights } from './logistic-regression.js';

export interface TrainingJob {
  language: string;
  /** The model itself, or the number of the calibration fold to hold out and predict. */
  part: 'weights' | number;
}

export interface TrainingInput {
  corpora: Record<string, Record<string, string[]>>;
  jobs: TrainingJob[];
}

export type TrainingResult = TrainingJob & ({ weights: LinearWeights } | { fold: HeldOutFold });

const { corpora, jobs } = workerData as TrainingInput;
for (const job of jobs) {
  const utterances = corpora[job.language]!;
  if (job.part === 'weights') {
    const weights = trainIntentWeights(job.language, utterances);
    const result: TrainingResult = { ...job, weights };
    parentPort!.postMessage(
      result,
      [weights.keys, weights.weights, weights.bias].map((array) => array.buffer as ArrayBuffer),
    );
  } else {
    const fold = predictHeldOutFold(job.language, utterances, job.part);
    const result: TrainingResult = { ...job, fold };
    parentPort!.postMessage(
      result,
      [fold.logits, fold.labels].map((array) => array.buffer as ArrayBuffer),
    );
  }
}
