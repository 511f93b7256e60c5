import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectedCalibrationError,
  intentThreshold,
  OUT_OF_SCOPE,
  thresholdForPrecision,
  trainIntentModel,
  type HeldOutPrediction,
} from '../../src/nlu/index.js';
import { projectRoot } from '../helpers.js';

const prediction = (confidence: number, predicted: string, actual: string): HeldOutPrediction => ({ confidence, predicted, actual });

describe('calibrated confidence', () => {
  it('means the probability of being right on utterances the model never saw', () => {
    const english = JSON.parse(readFileSync(path.join(projectRoot, 'locales/en/intents.json'), 'utf8')) as Record<string, string[]>;
    // Every fifth utterance of each intent is held out; the model (and its own calibration folds) sees the rest.
    const training = Object.fromEntries(Object.entries(english).map(([intent, list]) => [intent, list.filter((_, index) => index % 5 !== 2)]));
    const model = trainIntentModel('en', training);
    const heldOut = Object.entries(english).flatMap(([intent, list]) =>
      list
        .filter((_, index) => index % 5 === 2)
        .map((text) => {
          const [top] = model.classify(text);
          return prediction(top!.confidence, top!.intent, intent);
        }),
    );
    const accuracy = heldOut.filter((one) => one.predicted === one.actual).length / heldOut.length;
    const meanConfidence = heldOut.reduce((sum, one) => sum + one.confidence, 0) / heldOut.length;
    expect(heldOut.length).toBeGreaterThan(500);
    expect(Math.abs(meanConfidence - accuracy)).toBeLessThan(0.05);
    expect(expectedCalibrationError(heldOut)).toBeLessThan(0.06);
  }, 120_000);
});

describe('threshold for a target precision', () => {
  const predictions = [
    prediction(0.99, 'order_status', 'order_status'),
    prediction(0.95, 'refund', 'refund'),
    prediction(0.9, 'refund', 'complaint'), // wrong: precision 2/3 from here down
    prediction(0.8, 'complaint', 'complaint'),
    prediction(0.7, 'order_status', 'order_status'),
    prediction(0.6, 'order_status', OUT_OF_SCOPE), // an out-of-scope message answered: a wrong answer
    prediction(0.97, OUT_OF_SCOPE, OUT_OF_SCOPE), // declined: not an answer at all
    prediction(0.5, 'refund', 'refund'),
  ];

  it('is the lowest confidence at which the answers reach the target', () => {
    // From 0.7 down: 4 right of 5 answers (0.8); from 0.6: 4 of 6; from 0.5: 5 of 7.
    expect(thresholdForPrecision(predictions, 0.8, OUT_OF_SCOPE)).toEqual({ threshold: 0.7, precision: 0.8, coverage: 5 / 6, reached: true });
    expect(thresholdForPrecision(predictions, 0.7, OUT_OF_SCOPE).threshold).toBe(0.5);
    expect(thresholdForPrecision(predictions, 1, OUT_OF_SCOPE)).toMatchObject({ threshold: 0.95, precision: 1, reached: true });
  });

  it('says so when no threshold reaches the target, and keeps the most precise one', () => {
    const poor = [prediction(0.9, 'refund', 'complaint'), prediction(0.8, 'refund', 'refund')];
    expect(thresholdForPrecision(poor, 0.95, OUT_OF_SCOPE)).toEqual({ threshold: 0.8, precision: 0.5, coverage: 1, reached: false });
  });

  it("takes an operator's raw threshold as it is, reporting what it gives", () => {
    expect(intentThreshold(predictions, { confidenceThreshold: 0.85 })).toMatchObject({
      source: 'confidenceThreshold',
      threshold: 0.85,
      precision: 2 / 3,
      coverage: 3 / 6,
    });
    expect(intentThreshold(predictions, { targetPrecision: 0.8 })).toMatchObject({ source: 'targetPrecision', threshold: 0.7 });
    expect(intentThreshold(predictions, {})).toMatchObject({ source: 'targetPrecision', targetPrecision: 0.95 });
  });
});
