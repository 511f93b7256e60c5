// Gets every language's intent model for the content being loaded, cheapest way first: a model this process
// already trained for the same utterances, then the model cache on disk (keyed by a hash of the utterances, the
// training settings and the model version, so a stale file is never used), and only then training, in worker
// threads, which keeps the event loop free during a hot reload and lets the training garbage go with the worker.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import {
  calibratedModelData,
  CALIBRATION_FOLDS,
  intentModelFrom,
  MODEL_VERSION,
  TRAINING,
  type HeldOutFold,
  type IntentModel,
  type IntentModelData,
} from './intent-model.js';
import { compactWeights, type LinearWeights } from './logistic-regression.js';
import type { TrainingInput, TrainingJob, TrainingResult } from './train-worker.js';

type Corpora = Record<string, Record<string, string[]>>;

export interface TrainOptions {
  /** Where trained models are kept between runs; none: models are trained in every new process. */
  cacheDir?: string;
  /** A training that takes longer than this is given up (the last good snapshot keeps serving). */
  timeoutMs?: number;
}

/**
 * Models this process has trained or read, by key, most recently used last: a reload that leaves a language's
 * utterances alone reuses its model. Room for every language of a store and a few it replaced.
 */
const trained = new Map<string, IntentModel>();
const REMEMBERED_MODELS = 16;
/** Cache files kept per language: the current content's and a few before it (an operator undoing an edit). */
const CACHED_FILES_PER_LANGUAGE = 3;

export function modelKey(language: string, utterances: Record<string, string[]>): string {
  return createHash('sha256')
    .update(JSON.stringify([MODEL_VERSION, TRAINING, CALIBRATION_FOLDS, language, utterances]))
    .digest('hex')
    .slice(0, 32);
}

const cacheFile = (cacheDir: string, language: string, key: string) => path.join(cacheDir, `${language}-${key}.model`);

async function readCached(cacheDir: string, language: string, key: string): Promise<IntentModelData | undefined> {
  try {
    const data = deserialize(await readFile(cacheFile(cacheDir, language, key))) as IntentModelData;
    return data.version === MODEL_VERSION && data.language === language ? data : undefined;
  } catch {
    return undefined; // missing or unreadable: train again
  }
}

/** Writes a model file whole (to a temporary name, then renamed) and keeps only the language's newest few. */
async function writeCached(cacheDir: string, data: IntentModelData, key: string): Promise<void> {
  try {
    await mkdir(cacheDir, { recursive: true });
    const file = cacheFile(cacheDir, data.language, key);
    await writeFile(`${file}.${process.pid}.tmp`, serialize(data));
    await rename(`${file}.${process.pid}.tmp`, file);
    const own = (await readdir(cacheDir)).filter((name) => name.startsWith(`${data.language}-`) && name.endsWith('.model'));
    const dated = await Promise.all(own.map(async (name) => ({ name, at: (await stat(path.join(cacheDir, name))).mtimeMs })));
    for (const { name } of dated.sort((a, b) => b.at - a.at).slice(CACHED_FILES_PER_LANGUAGE)) await unlink(path.join(cacheDir, name)).catch(() => {});
  } catch {
    // A cache that cannot be written costs only time at the next start.
  }
}

/**
 * The worker's entry: the compiled file, or, when running from the TypeScript sources (tests, scripts), a line that
 * loads the source through tsx (Node 20 does not pass `--import` loaders on to workers).
 */
function startWorker(workerData: TrainingInput): Worker {
  const entry = new URL(`./train-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
  if (entry.pathname.endsWith('.js')) return new Worker(entry, { workerData });
  // tsx's ES module API (its CommonJS twin cannot load the ES module half of itself from a worker).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const source = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(source, { eval: true, workerData });
}

/** Does the jobs in one worker, handing over each result as it comes. */
function trainInWorker(input: TrainingInput, timeoutMs: number, onResult: (result: TrainingResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(input);
    let remaining = input.jobs.length;
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`training took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    worker.on('message', (result: TrainingResult) => {
      remaining--;
      onResult(result);
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.on('exit', (code) => {
      clearTimeout(timer);
      if (remaining === 0) resolve();
      else
        reject(
          new Error(`the training worker stopped (exit code ${code}) before it finished ${[...new Set(input.jobs.map((job) => job.language))].join(', ')}`),
        );
    });
  });
}

/**
 * Shares the jobs among as many workers as there are cores, largest first: a language's model and each of its
 * folds are separate jobs, so even one language's retraining uses every core.
 */
function shareOut(jobs: TrainingJob[], corpora: Corpora): TrainingJob[][] {
  const size = (job: TrainingJob) =>
    Object.values(corpora[job.language]!).reduce((sum, list) => sum + list.length, 0) * (job.part === 'weights' ? 1 : 1 - 1 / CALIBRATION_FOLDS);
  const groups = Array.from({ length: Math.min(jobs.length, Math.max(1, availableParallelism())) }, () => ({ jobs: [] as TrainingJob[], load: 0 }));
  for (const job of [...jobs].sort((a, b) => size(b) - size(a))) {
    const lightest = groups.reduce((best, group) => (group.load < best.load ? group : best));
    lightest.jobs.push(job);
    lightest.load += size(job);
  }
  return groups.map((group) => group.jobs).filter((group) => group.length > 0);
}

function remember(key: string, model: IntentModel): IntentModel {
  trained.delete(key);
  trained.set(key, model);
  if (trained.size > REMEMBERED_MODELS) trained.delete(trained.keys().next().value!);
  return model;
}

/**
 * The model serving each language now, with a fingerprint of the utterances it was trained on (a sorted hash per
 * utterance): what a retrained model may be calibrated by until its own calibration folds are done.
 */
const serving = new Map<string, { model: IntentModel; utterances: Uint32Array }>();

/** A retrained model is calibrated by the one it replaces only when at most this share of the utterances changed. */
const EARLY_CHANGE = 0.01;

/** Each utterance (with its intent) as a 32-bit hash, sorted: enough to count how many changed, in little memory. */
function fingerprint(utterances: Record<string, string[]>): Uint32Array {
  const hashes = Object.entries(utterances).flatMap(([intent, list]) => list.map((text) => hashText(`${intent}\n${text}`)));
  return Uint32Array.from(hashes).sort();
}

/** FNV-1a over a string's UTF-16 code units. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** Utterances in one set and not in the other, as a share of the larger set (a merge of the sorted hashes). */
function changedShare(before: Uint32Array, after: Uint32Array): number {
  let [left, right, common] = [0, 0, 0];
  while (left < before.length && right < after.length) {
    if (before[left] === after[right]) [left, right, common] = [left + 1, right + 1, common + 1];
    else if (before[left]! < after[right]!) left++;
    else right++;
  }
  return (before.length + after.length - 2 * common) / Math.max(1, before.length, after.length);
}

/**
 * The model to serve a language with before its calibration folds are done: the new weights with the temperature
 * and held-out predictions (so the threshold) of the model they replace. Only for a small edit of the same intents:
 * the new model is trained the same way on nearly the same utterances, so its scores, their temperature and the
 * confidence that reaches the target precision hardly move (docs/understanding.md has the measurement).
 */
function earlyModel(language: string, utterances: Record<string, string[]>, weights: LinearWeights): IntentModel | undefined {
  const previous = serving.get(language);
  if (!previous) return undefined;
  const { data } = previous.model;
  const intents = Object.keys(utterances).filter((intent) => utterances[intent]!.length > 0);
  if (intents.join('\n') !== data.intents.join('\n') || changedShare(previous.utterances, fingerprint(utterances)) > EARLY_CHANGE) return undefined;
  return intentModelFrom({ ...data, weights: compactWeights(weights) });
}

/** A retrained model served before its calibration is done, and the calibrated model once it is. */
export interface EarlyModel extends IntentModel {
  calibrated: Promise<IntentModel>;
}

export const isEarly = (model: IntentModel): model is EarlyModel => 'calibrated' in model;

interface Training {
  language: string;
  weights?: LinearWeights;
  folds: HeldOutFold[];
  /** Settles with the model to serve first: the calibrated one, or an early one when `early` allows it. */
  ready: Deferred<IntentModel>;
  calibrated: Deferred<IntentModel>;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => {}); // a rejection is seen by whoever awaits it, or by nobody when it no longer matters
  return { promise, resolve, reject };
}

/** Trains the missing languages in workers; each language's `ready` settles as soon as it can be served. */
function trainMissing(corpora: Corpora, missing: string[], keys: Map<string, string>, options: TrainOptions & { early?: boolean }): Map<string, Training> {
  const { cacheDir, timeoutMs = 120_000, early = false } = options;
  const trainings = new Map(
    missing.map((language) => [language, { language, folds: [] as HeldOutFold[], ready: deferred<IntentModel>(), calibrated: deferred<IntentModel>() }]),
  );
  const onResult = (result: TrainingResult) => {
    const training: Training = trainings.get(result.language)!;
    if ('weights' in result) training.weights = result.weights;
    else training.folds[result.part as number] = result.fold;
    const utterances = corpora[result.language]!;
    if ('weights' in result && early) {
      const model = earlyModel(result.language, utterances, result.weights);
      if (model) training.ready.resolve(Object.assign(model, { calibrated: training.calibrated.promise }));
    }
    if (!training.weights || training.folds.filter(Boolean).length < CALIBRATION_FOLDS) return;
    // The last part of a language is in: its temperature is fitted here, a few milliseconds' work.
    const data = calibratedModelData(result.language, utterances, training.weights, training.folds);
    const key = keys.get(result.language)!;
    const model = remember(key, intentModelFrom(data));
    serving.set(result.language, { model, utterances: fingerprint(utterances) });
    training.calibrated.resolve(model);
    // Served once its file is written (a command may exit right after), unless an early model is serving already.
    void (cacheDir ? writeCached(cacheDir, data, key) : Promise.resolve()).then(() => training.ready.resolve(model));
  };
  const jobs = missing.flatMap((language) => [
    { language, part: 'weights' as const },
    ...Array.from({ length: CALIBRATION_FOLDS }, (_, fold) => ({ language, part: fold })),
  ]);
  const subsets = (languages: Iterable<string>) => Object.fromEntries([...languages].map((language) => [language, corpora[language]!]));
  for (const group of shareOut(jobs, corpora)) {
    const languages = new Set(group.map((job) => job.language));
    trainInWorker({ corpora: subsets(languages), jobs: group }, timeoutMs, onResult).catch((error: unknown) => {
      for (const language of languages) {
        trainings.get(language)!.ready.reject(error);
        trainings.get(language)!.calibrated.reject(error);
      }
    });
  }
  return trainings;
}

/**
 * Every language's intent model; rejects when training fails, so the caller can keep its last good models. With
 * `early`, a language retrained after a small edit is served as soon as its model is trained, calibrated by the
 * model it replaces, and carries the promise of its calibrated self (see EarlyModel).
 */
export async function intentModelsFor(corpora: Corpora, options: TrainOptions & { early?: boolean } = {}): Promise<Map<string, IntentModel>> {
  const { cacheDir } = options;
  const models = new Map<string, IntentModel>();
  const keys = new Map(Object.entries(corpora).map(([language, utterances]) => [language, modelKey(language, utterances)]));
  const missing: string[] = [];
  const writes: Promise<void>[] = [];
  for (const [language, key] of keys) {
    const known = trained.get(key);
    const cached = !known && cacheDir ? await readCached(cacheDir, language, key) : undefined;
    const model = known ? remember(key, known) : cached ? remember(key, intentModelFrom(cached)) : undefined;
    if (!model) {
      missing.push(language);
      continue;
    }
    models.set(language, model);
    serving.set(language, { model, utterances: fingerprint(corpora[language]!) });
    // Trained for another cache folder: this one gets the file too, for the next process.
    if (known && cacheDir && !existsSync(cacheFile(cacheDir, language, key))) writes.push(writeCached(cacheDir, known.data, key));
  }
  await Promise.all(writes);
  if (missing.length === 0) return models;
  const trainings = trainMissing(corpora, missing, keys, options);
  for (const [language, training] of trainings) models.set(language, await training.ready.promise);
  return new Map(Object.keys(corpora).map((language) => [language, models.get(language)!]));
}
