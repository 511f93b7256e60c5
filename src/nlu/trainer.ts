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
import type { LinearWeights } from './logistic-regression.js';
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

/** Every language's intent model; rejects when training fails, so the caller can keep its last good models. */
export async function intentModelsFor(corpora: Corpora, { cacheDir, timeoutMs = 120_000 }: TrainOptions = {}): Promise<Map<string, IntentModel>> {
  const models = new Map<string, IntentModel>();
  const keys = new Map(Object.entries(corpora).map(([language, utterances]) => [language, modelKey(language, utterances)]));
  const missing: string[] = [];
  const writes: Promise<void>[] = [];
  for (const [language, key] of keys) {
    const known = trained.get(key);
    const cached = !known && cacheDir ? await readCached(cacheDir, language, key) : undefined;
    if (known) {
      models.set(language, remember(key, known));
      // Trained for another cache folder: this one gets the file too, for the next process.
      if (cacheDir && !existsSync(cacheFile(cacheDir, language, key))) writes.push(writeCached(cacheDir, known.data, key));
    } else if (cached) models.set(language, remember(key, intentModelFrom(cached)));
    else missing.push(language);
  }
  if (missing.length === 0) {
    await Promise.all(writes);
    return models;
  }

  const jobs = missing.flatMap((language) => [
    { language, part: 'weights' as const },
    ...Array.from({ length: CALIBRATION_FOLDS }, (_, fold) => ({ language, part: fold })),
  ]);
  const parts = new Map(missing.map((language) => [language, { weights: undefined as LinearWeights | undefined, folds: [] as HeldOutFold[] }]));
  const subsets = (languages: Iterable<string>) => Object.fromEntries([...languages].map((language) => [language, corpora[language]!]));
  await Promise.all(
    shareOut(jobs, corpora).map((group) =>
      trainInWorker({ corpora: subsets(new Set(group.map((job) => job.language))), jobs: group }, timeoutMs, (result) => {
        const part = parts.get(result.language)!;
        if ('weights' in result) part.weights = result.weights;
        else part.folds[result.part as number] = result.fold;
        if (!part.weights || part.folds.filter(Boolean).length < CALIBRATION_FOLDS) return;
        // The last part of a language is in: its temperature is fitted here, a few milliseconds' work.
        const data = calibratedModelData(result.language, corpora[result.language]!, part.weights, part.folds);
        const key = keys.get(result.language)!;
        models.set(result.language, remember(key, intentModelFrom(data)));
        if (cacheDir) writes.push(writeCached(cacheDir, data, key));
      }),
    ),
  );
  await Promise.all(writes);
  return new Map(Object.keys(corpora).map((language) => [language, models.get(language)!]));
}
