// Multinomial logistic regression over sparse binary features: the weights of the features seen in training, one
// Float32Array row of class weights per feature, found through an open-addressing table of the features' hashes.
// Trained by stochastic gradient descent with AdaGrad step sizes (one accumulator per feature row) and L2
// regularisation on the rows each example touches; the example order comes from a seeded generator, so the same
// utterances always give the same weights.

export interface LinearWeights {
  classes: number;
  /** The feature hashes that have a row, in row order. */
  keys: Uint32Array;
  /** keys.length rows of `classes` weights. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty on the weights an example touches. */
  l2: number;
  /** Features seen in fewer training examples than this get no row: once-seen letter grams are mostly noise. */
  minCount: number;
  seed: number;
}

/** A small seeded generator (mulberry32): the same seed shuffles the same way on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Finds a feature's row from its hash in a table twice the size of the vocabulary. The table holds rows only (the
 * hash is read from `keys`): half the memory of keeping each slot's hash beside its row.
 */
export interface FeatureIndex {
  rowOf(key: number): number;
}

export function buildFeatureIndex(keys: Uint32Array): FeatureIndex {
  let capacity = 16;
  while (capacity < keys.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotRows = new Int32Array(capacity).fill(-1);
  keys.forEach((key, row) => {
    let slot = key & mask;
    while (slotRows[slot] !== -1) slot = (slot + 1) & mask;
    slotRows[slot] = row;
  });
  return {
    rowOf(key) {
      for (let slot = key & mask; ; slot = (slot + 1) & mask) {
        const row = slotRows[slot]!;
        if (row === -1 || keys[row] === key) return row;
      }
    },
  };
}

/**
 * Class scores (logits) of one example: the bias plus the mean-square-root-scaled sum of its known features' rows.
 * Unknown features still count in the scale, so a message of mostly unseen words gets flatter scores.
 */
export function scoreRows(model: LinearWeights, rows: ArrayLike<number>, featureCount: number, into: Float64Array): Float64Array {
  const { classes, weights, bias } = model;
  into.fill(0);
  for (let index = 0; index < rows.length; index++) {
    const base = rows[index]! * classes;
    for (let label = 0; label < classes; label++) into[label]! += weights[base + label]!;
  }
  const scale = featureCount > 0 ? 1 / Math.sqrt(featureCount) : 0;
  for (let label = 0; label < classes; label++) into[label] = into[label]! * scale + bias[label]!;
  return into;
}

/** Softmax of logits divided by a temperature, in place. */
export function softmax(logits: Float64Array, temperature = 1): Float64Array {
  let top = -Infinity;
  for (const logit of logits) top = Math.max(top, logit);
  let total = 0;
  for (let label = 0; label < logits.length; label++) total += logits[label] = Math.exp((logits[label]! - top) / temperature);
  for (let label = 0; label < logits.length; label++) logits[label]! /= total;
  return logits;
}

/** A gradient this small moves no weight that matters. */
const NEGLIGIBLE = 1e-3;

export function trainLogisticRegression(features: number[][], labels: number[], classes: number, options: TrainingOptions): LinearWeights {
  const counts = new Map<number, number>();
  for (const example of features) for (const key of example) counts.set(key, (counts.get(key) ?? 0) + 1);
  const kept = [...counts].filter(([, count]) => count >= options.minCount).map(([key]) => key);
  const rowOf = new Map(kept.map((key, row) => [key, row]));
  const examples = features.map((example) => Int32Array.from(example.filter((key) => rowOf.has(key)).map((key) => rowOf.get(key)!)));

  const weights = new Float32Array(kept.length * classes);
  const bias = new Float32Array(classes);
  const rowSquares = new Float64Array(kept.length);
  let biasSquares = 0;
  const model: LinearWeights = { classes, keys: Uint32Array.from(kept), weights, bias };
  const probabilities = new Float64Array(classes);
  const gradient = new Float64Array(classes);
  const activeLabels = new Int32Array(classes);
  const random = seededRandom(options.seed);
  const order = Array.from(features.keys());

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    for (const exampleIndex of order) {
      const rows = examples[exampleIndex]!;
      const featureCount = features[exampleIndex]!.length;
      softmax(scoreRows(model, rows, featureCount, probabilities));
      probabilities[labels[exampleIndex]!]! -= 1; // the gradient of the log-loss with respect to the logits
      const scale = featureCount > 0 ? 1 / Math.sqrt(featureCount) : 0;
      // Classes the model already rules out (probability near 0) get no update: most of them, after an epoch.
      let active = 0;
      for (let label = 0; label < classes; label++) if (Math.abs(probabilities[label]!) > NEGLIGIBLE) activeLabels[active++] = label;
      if (active === 0) continue;
      for (const row of rows) {
        const base = row * classes;
        let squares = 0;
        for (let label = 0; label < classes; label++) gradient[label] = 0;
        for (let position = 0; position < active; position++) {
          const label = activeLabels[position]!;
          const step = probabilities[label]! * scale + options.l2 * weights[base + label]!;
          gradient[label] = step;
          squares += step * step;
        }
        rowSquares[row]! += squares / classes;
        const rate = options.learningRate / Math.sqrt(rowSquares[row]! + 1e-8);
        for (let position = 0; position < active; position++) {
          const label = activeLabels[position]!;
          weights[base + label]! -= rate * gradient[label]!;
        }
      }
      let squares = 0;
      for (let label = 0; label < classes; label++) squares += probabilities[label]! ** 2;
      biasSquares += squares / classes;
      const rate = options.learningRate / Math.sqrt(biasSquares + 1e-8);
      for (let label = 0; label < classes; label++) bias[label]! -= rate * probabilities[label]!;
    }
  }
  return model;
}

/**
 * Trained weights kept as bytes: each feature's row scaled so its largest weight is ±127. A quarter of the memory
 * of Float32 rows, and scores within a fraction of a percent of them.
 */
export interface CompactWeights {
  classes: number;
  keys: Uint32Array;
  weights: Int8Array;
  /** Per row: the weight one step of its bytes stands for. */
  scales: Float32Array;
  bias: Float32Array;
}

export function compactWeights({ classes, keys, weights, bias }: LinearWeights): CompactWeights {
  const bytes = new Int8Array(weights.length);
  const scales = new Float32Array(keys.length);
  for (let row = 0; row < keys.length; row++) {
    const base = row * classes;
    let largest = 0;
    for (let label = 0; label < classes; label++) largest = Math.max(largest, Math.abs(weights[base + label]!));
    const scale = largest / 127 || 1;
    scales[row] = scale;
    for (let label = 0; label < classes; label++) bytes[base + label] = Math.round(weights[base + label]! / scale);
  }
  return { classes, keys, weights: bytes, scales, bias };
}

/** scoreRows for compact weights. */
export function scoreCompactRows(model: CompactWeights, rows: ArrayLike<number>, featureCount: number, into: Float64Array): Float64Array {
  into.fill(0);
  for (let index = 0; index < rows.length; index++) addCompactRow(model, rows[index]!, into);
  return finishCompactScores(model, featureCount, into);
}

/** Adds one feature's row of weights to running class sums. */
export function addCompactRow({ classes, weights, scales }: CompactWeights, row: number, into: Float64Array): void {
  const base = row * classes;
  const scale = scales[row]!;
  for (let label = 0; label < classes; label++) into[label]! += weights[base + label]! * scale;
}

/** Running class sums of `featureCount` features as logits: scaled by the square root of the count, plus the bias. */
export function finishCompactScores({ classes, bias }: CompactWeights, featureCount: number, into: Float64Array): Float64Array {
  const norm = featureCount > 0 ? 1 / Math.sqrt(featureCount) : 0;
  for (let label = 0; label < classes; label++) into[label] = into[label]! * norm + bias[label]!;
  return into;
}
