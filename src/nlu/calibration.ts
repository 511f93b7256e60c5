// Turning scores into probabilities and probabilities into decisions: the temperature that makes held-out
// confidences honest, how honest they are (reliability table, expected calibration error), and the lowest
// threshold whose confident answers reach a precision the operator asks for.
import { softmax } from './logistic-regression.js';

/** One held-out prediction: how sure the model was of its top intent, and whether that intent was right. */
export interface HeldOutPrediction {
  confidence: number;
  predicted: string;
  actual: string;
}

/** The temperature minimising the log-loss of held-out logits (golden-section search on its logarithm). */
export function fitTemperature(logits: Float64Array[], labels: number[]): number {
  const scratch = new Float64Array(logits[0]?.length ?? 0);
  const loss = (logTemperature: number) => {
    const temperature = Math.exp(logTemperature);
    let total = 0;
    logits.forEach((row, index) => {
      scratch.set(row);
      total -= Math.log(Math.max(softmax(scratch, temperature)[labels[index]!]!, 1e-12));
    });
    return total;
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [low, high] = [Math.log(0.05), Math.log(20)];
  let [left, right] = [high - ratio * (high - low), low + ratio * (high - low)];
  let [leftLoss, rightLoss] = [loss(left), loss(right)];
  for (let step = 0; step < 40; step++) {
    if (leftLoss < rightLoss) {
      [high, right, rightLoss] = [right, left, leftLoss];
      left = high - ratio * (high - low);
      leftLoss = loss(left);
    } else {
      [low, left, leftLoss] = [left, right, rightLoss];
      right = low + ratio * (high - low);
      rightLoss = loss(right);
    }
  }
  return Math.exp((low + high) / 2);
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** Confidence bins of equal width against the share of their predictions that were right. */
export function reliability(predictions: HeldOutPrediction[], bins = 10): ReliabilityBin[] {
  const table = Array.from({ length: bins }, (_, index) => ({ from: index / bins, to: (index + 1) / bins, count: 0, meanConfidence: 0, accuracy: 0 }));
  for (const { confidence, predicted, actual } of predictions) {
    const bin = table[Math.min(bins - 1, Math.floor(confidence * bins))]!;
    bin.count++;
    bin.meanConfidence += confidence;
    if (predicted === actual) bin.accuracy++;
  }
  for (const bin of table) {
    if (bin.count === 0) continue;
    bin.meanConfidence /= bin.count;
    bin.accuracy /= bin.count;
  }
  return table;
}

/** Expected calibration error: the count-weighted gap between confidence and accuracy over the bins. */
export function expectedCalibrationError(predictions: HeldOutPrediction[], bins = 10): number {
  if (predictions.length === 0) return 0;
  return reliability(predictions, bins).reduce((sum, bin) => sum + (bin.count * Math.abs(bin.meanConfidence - bin.accuracy)) / predictions.length, 0);
}

export interface ThresholdChoice {
  threshold: number;
  /** Share of confident answers that were right. */
  precision: number;
  /** Share of in-scope messages answered confidently (and rightly or not). */
  coverage: number;
  /** Whether some threshold reached the target; if not, the threshold is the one with the best precision. */
  reached: boolean;
}

/**
 * The lowest confidence threshold at which the answers the bot would give (a confident intent other than
 * out-of-scope) are right at least `target` of the time. An out-of-scope message answered as an intent is a wrong
 * answer; out-of-scope predicted confidently is a decline, not an answer.
 */
export function thresholdForPrecision(predictions: HeldOutPrediction[], target: number, outOfScope: string): ThresholdChoice {
  const answers = predictions.filter((prediction) => prediction.predicted !== outOfScope).sort((a, b) => b.confidence - a.confidence);
  const inScope = predictions.filter((prediction) => prediction.actual !== outOfScope).length;
  let right = 0;
  let best: ThresholdChoice = { threshold: 1, precision: 0, coverage: 0, reached: false };
  let lowest: ThresholdChoice | undefined;
  let answeredInScope = 0;
  answers.forEach((answer, index) => {
    if (answer.predicted === answer.actual) right++;
    if (answer.actual !== outOfScope) answeredInScope++;
    // A threshold sits only between distinct confidences: all answers of the same confidence go together.
    if (answers[index + 1]?.confidence === answer.confidence) return;
    const choice = { threshold: answer.confidence, precision: right / (index + 1), coverage: inScope ? answeredInScope / inScope : 0, reached: true };
    if (choice.precision >= target) lowest = choice;
    if (choice.precision > best.precision) best = { ...choice, reached: false };
  });
  return lowest ?? best;
}

/** The intent of messages the bot should decline rather than answer. */
export const OUT_OF_SCOPE = 'out_of_scope';

/** Used when settings name neither a target precision nor a threshold. */
export const DEFAULT_TARGET_PRECISION = 0.95;

export interface IntentThreshold extends ThresholdChoice {
  /** The operator's raw threshold, or the one derived from their target precision. */
  source: 'confidenceThreshold' | 'targetPrecision';
  targetPrecision?: number;
}

/**
 * A language's confidence threshold: the operator's raw one where set (with the precision and coverage it gives on
 * the held-out predictions), otherwise the lowest that reaches the target precision.
 */
export function intentThreshold(
  heldOut: HeldOutPrediction[],
  settings: { confidenceThreshold?: number; targetPrecision?: number },
  outOfScope = OUT_OF_SCOPE,
): IntentThreshold {
  if (settings.confidenceThreshold !== undefined) {
    const threshold = settings.confidenceThreshold;
    const answers = heldOut.filter((prediction) => prediction.predicted !== outOfScope && prediction.confidence >= threshold);
    const inScope = heldOut.filter((prediction) => prediction.actual !== outOfScope).length;
    return {
      source: 'confidenceThreshold',
      threshold,
      precision: answers.length ? answers.filter((answer) => answer.predicted === answer.actual).length / answers.length : 0,
      coverage: inScope ? answers.filter((answer) => answer.actual !== outOfScope).length / inScope : 0,
      reached: true,
    };
  }
  const targetPrecision = settings.targetPrecision ?? DEFAULT_TARGET_PRECISION;
  return { source: 'targetPrecision', targetPrecision, ...thresholdForPrecision(heldOut, targetPrecision, outOfScope) };
}
