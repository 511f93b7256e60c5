// Worker thread entry: trains the intent models it is given and posts each back as plain data, so neither the
// training's CPU time nor its garbage touches the thread that answers shoppers.
import { parentPort, workerData } from 'node:worker_threads';
import { trainIntentModelData } from './intent-model.js';

export interface TrainingJob {
  language: string;
  utterances: Record<string, string[]>;
}

for (const { language, utterances } of (workerData as { jobs: TrainingJob[] }).jobs) {
  const data = trainIntentModelData(language, utterances);
  const { weights, heldOut } = data;
  const buffers = [weights.keys, weights.weights, weights.bias, heldOut.confidence, heldOut.predicted, heldOut.actual].map((array) => array.buffer as ArrayBuffer);
  parentPort!.postMessage(data, buffers);
}
