// npm run eval: intent accuracy per language on the labelled sets kept apart from the training utterances
// (eval/dev/, and eval/dev-hard/ written by someone who never saw them), then 5-fold cross-validation on the
// training utterances with the calibration of the confidences (reliability table, expected calibration error)
// and the precision and coverage of each language's threshold; NLP.js, trained on the same files, alongside.
// `--no-nlpjs` leaves NLP.js out (its columns show "-"): a few minutes instead of about 25, for comparing two
// versions of our own models.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadSnapshot } from '../src/knowledge/index.js';
import { expectedCalibrationError, intentModelsFor, intentThreshold, OUT_OF_SCOPE, reliability, type HeldOutPrediction } from '../src/nlu/index.js';
import { understand } from '../src/pipeline/index.js';
import { fold } from '../src/shared/index.js';

interface Example {
  text: string;
  language: string;
  intent: string;
}
type Corpora = Record<string, Record<string, string[]>>;

const root = path.resolve(import.meta.dirname, '..');
const percent = (part: number, whole: number) => (whole === 0 ? '   -' : ((100 * part) / whole).toFixed(1).padStart(5));
/** NLP.js's share, or "-" when it was left out. */
const nlpPercent = (part: number, whole: number) => (withNlpJs ? percent(part, whole) : '    -');
const line = (cells: (string | number)[]) => console.log(cells.map((cell) => String(cell).padStart(9)).join(''));
const started = Date.now();

const { snapshot, problems } = await loadSnapshot(root);
if (!snapshot) throw new Error(`content does not load: ${problems.map((problem) => problem.message).join('; ')}`);
const corpora: Corpora = Object.fromEntries(
  snapshot.languages.map((language) => [language, JSON.parse(readFileSync(path.join(root, 'locales', language, 'intents.json'), 'utf8'))]),
);

function readSet(folder: string): Map<string, Example[]> {
  const set = new Map<string, Example[]>();
  const directory = path.join(root, 'eval', folder);
  if (!existsSync(directory)) return set;
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()) {
    set.set(
      path.basename(file, '.jsonl'),
      readFileSync(path.join(directory, file), 'utf8')
        .trim()
        .split('\n')
        .map((text) => JSON.parse(text) as Example),
    );
  }
  return set;
}

// A labelled message that is also a training utterance would flatter the figures: such messages are counted, then left out.
const sameText = (text: string) =>
  fold(text)
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?¿¡。！？]+$/u, '')
    .trim();
const trainingTexts = new Map(Object.entries(corpora).map(([language, intents]) => [language, new Set(Object.values(intents).flat().map(sameText))]));
function withoutTrainingUtterances(set: Map<string, Example[]>): { set: Map<string, Example[]>; overlap: number } {
  let overlap = 0;
  const kept = new Map<string, Example[]>();
  for (const [language, examples] of set) {
    const fresh = examples.filter((example) => !trainingTexts.get(language)?.has(sameText(example.text)));
    overlap += examples.length - fresh.length;
    kept.set(language, fresh);
  }
  return { set: kept, overlap };
}

// NLP.js, trained on the same files, given the right language (a generous comparison).
interface NlpJs {
  process(language: string, text: string): Promise<{ intent: string }>;
}
async function trainNlpJs(training: Corpora): Promise<NlpJs> {
  const require = createRequire(import.meta.url);
  const { NlpManager } = require('node-nlp') as {
    NlpManager: new (options: object) => NlpJs & { addDocument(language: string, text: string, intent: string): void; train(): Promise<void> };
  };
  const manager = new NlpManager({ languages: Object.keys(training), forceNER: true, nlu: { log: false }, autoSave: false });
  const { log, warn } = console;
  console.log = console.warn = () => {}; // NLP.js prints a line for every utterance made only of stop words
  try {
    for (const [language, intents] of Object.entries(training)) {
      for (const [intent, utterances] of Object.entries(intents)) for (const utterance of utterances) manager.addDocument(language, utterance, intent);
    }
    await manager.train();
  } finally {
    Object.assign(console, { log, warn });
  }
  return manager;
}
/** NLP.js is most of the eval's time; without it the figures of our own models are the same. */
const withNlpJs = !process.argv.includes('--no-nlpjs');
const nlpjs = withNlpJs ? await trainNlpJs(corpora) : undefined;

const zero = () => ({
  n: 0,
  languageOk: 0,
  short: 0,
  shortOk: 0,
  inScope: 0,
  intentOk: 0,
  givenOk: 0,
  nlpOk: 0,
  confident: 0,
  confidentOk: 0,
  outOfScope: 0,
  declined: 0,
});
type Row = ReturnType<typeof zero>;
const rowCells = (name: string, row: Row) => [
  name,
  row.n,
  percent(row.languageOk, row.n),
  percent(row.shortOk, row.short),
  percent(row.intentOk, row.inScope),
  percent(row.givenOk, row.inScope),
  nlpPercent(row.nlpOk, row.inScope),
  percent(row.confidentOk, row.confident),
  percent(row.confident, row.inScope),
  percent(row.declined, row.outOfScope),
];

/** The whole pipeline on each message (language detected, then given), next to NLP.js given the language. */
async function evaluateSet(title: string, set: Map<string, Example[]>) {
  console.log(`\n${title}`);
  line(['lang', 'n', 'lang%', 'short%', 'intent%', 'given%', 'nlp.js%', 'prec%', 'cover%', 'oos-decl%']);
  const totals = zero();
  for (const [language, examples] of set) {
    const row = zero();
    for (const example of examples) {
      row.n++;
      const detected = understand(snapshot!, example.text);
      const isShort = example.text.trim().split(/\s+/).length <= 2;
      if (detected.language.language === language) row.languageOk++;
      if (isShort) {
        row.short++;
        if (detected.language.language === language) row.shortOk++;
      }
      const answered = detected.language.isSupported && detected.intent.confident;
      if (example.intent === OUT_OF_SCOPE) {
        row.outOfScope++;
        if (!answered) row.declined++;
        continue;
      }
      row.inScope++;
      if (detected.intent.intent === example.intent) row.intentOk++;
      if (understand(snapshot!, example.text, { language }).intent.intent === example.intent) row.givenOk++;
      if (nlpjs && (await nlpjs.process(language, example.text)).intent === example.intent) row.nlpOk++;
      if (answered) {
        row.confident++;
        if (detected.intent.intent === example.intent) row.confidentOk++;
      }
    }
    for (const key of Object.keys(totals) as (keyof Row)[]) totals[key] += row[key];
    line(rowCells(language, row));
  }
  line(rowCells('all', totals));
}

const dev = withoutTrainingUtterances(readSet('dev'));
await evaluateSet(`dev set (eval/dev/): messages also found in the training utterances: ${dev.overlap} (left out)`, dev.set);
const hard = withoutTrainingUtterances(readSet('dev-hard'));
if (hard.set.size > 0) await evaluateSet(`hard dev set (eval/dev-hard/): messages also found in the training utterances: ${hard.overlap} (left out)`, hard.set);
console.log(`
lang%      language detected right, no hint          short%    the same for messages of one or two words
intent%    intent right, language detected            given%    intent right, language given
nlp.js%    NLP.js (node-nlp) intent, language given   prec%     confident answers that are right
cover%     in-scope messages answered confidently     oos-decl% out-of-scope messages not answered confidently`);

// Each language's threshold, as the server derives it at load time from the models' cross-validated predictions.
const percentOf = (share: number) => `${(share * 100).toFixed(1)}%`;
const { targetPrecision, confidenceThreshold } = snapshot.settings;
console.log(
  `\nthresholds (${confidenceThreshold === undefined ? `targetPrecision ${targetPrecision ?? 'default'}` : `confidenceThreshold ${confidenceThreshold}`}), on the serving models' calibration folds:`,
);
line(['lang', 'thresh', 'prec%', 'cover%', 'temp']);
for (const [language, choice] of snapshot.intentThresholds) {
  line([
    language,
    choice.threshold.toFixed(3),
    percentOf(choice.precision),
    percentOf(choice.coverage),
    snapshot.intentModels.get(language)!.temperature.toFixed(2),
  ]);
}

// 5-fold cross-validation: each fifth of every intent's utterances is predicted by a model (calibration and
// threshold included) trained on the other four fifths, and by NLP.js trained on the same.
const FOLDS = 5;
const cv = new Map(snapshot.languages.map((language) => [language, { ...zero(), predictions: [] as HeldOutPrediction[] }]));
for (let foldIndex = 0; foldIndex < FOLDS; foldIndex++) {
  const training: Corpora = {};
  const heldOut: Example[] = [];
  for (const [language, intents] of Object.entries(corpora)) {
    training[language] = {};
    for (const [intent, utterances] of Object.entries(intents)) {
      training[language][intent] = utterances.filter((_, index) => index % FOLDS !== foldIndex);
      for (const [index, text] of utterances.entries()) if (index % FOLDS === foldIndex) heldOut.push({ language, text, intent });
    }
  }
  const models = await intentModelsFor(training);
  const thresholds = new Map([...models].map(([language, model]) => [language, intentThreshold(model.heldOut(), snapshot.settings).threshold]));
  const baseline = withNlpJs ? await trainNlpJs(training) : undefined;
  for (const example of heldOut) {
    const row = cv.get(example.language)!;
    const [top] = models.get(example.language)!.classify(example.text);
    if (!top) continue;
    row.predictions.push({ confidence: top.confidence, predicted: top.intent, actual: example.intent });
    const answered = top.intent !== OUT_OF_SCOPE && top.confidence >= thresholds.get(example.language)!;
    row.n++;
    if (answered) {
      row.confident++;
      if (top.intent === example.intent) row.confidentOk++;
    }
    if (example.intent === OUT_OF_SCOPE) {
      row.outOfScope++;
      if (!answered) row.declined++;
      continue;
    }
    row.inScope++;
    if (top.intent === example.intent) row.intentOk++;
    if (baseline && (await baseline.process(example.language, example.text)).intent === example.intent) row.nlpOk++;
  }
}
console.log(`\n5-fold cross-validation on the training utterances, language given; each fold's model has its own calibration and threshold:`);
line(['lang', 'n', 'intent%', 'nlp.js%', 'prec%', 'cover%', 'oos-decl%', 'ECE']);
const all = { ...zero(), predictions: [] as HeldOutPrediction[] };
const cvCells = (name: string, row: typeof all) => [
  name,
  row.n,
  percent(row.intentOk, row.inScope),
  nlpPercent(row.nlpOk, row.inScope),
  percent(row.confidentOk, row.confident),
  percent(row.confident - (row.outOfScope - row.declined), row.inScope),
  percent(row.declined, row.outOfScope),
  expectedCalibrationError(row.predictions).toFixed(3),
];
for (const [language, row] of cv) {
  for (const key of Object.keys(zero()) as (keyof Row)[]) all[key] += row[key];
  all.predictions.push(...row.predictions);
  line(cvCells(language, row));
}
line(cvCells('all', all));
console.log(`
intent%    in-scope intent right                      nlp.js%   NLP.js, same folds
prec%      confident answers that are right (an out-of-scope message answered counts as wrong)
cover%     in-scope messages answered confidently     oos-decl% out-of-scope messages not answered confidently
ECE        expected calibration error of the top intent's confidence (10 bins; target ≤ 0.05)

reliability of the confidence on cross-validation (all languages, ${all.predictions.length} predictions):`);
line(['from', 'to', 'n', 'mean conf', 'accuracy']);
for (const bin of reliability(all.predictions)) {
  line([bin.from.toFixed(1), bin.to.toFixed(1), bin.count, bin.count ? bin.meanConfidence.toFixed(3) : '-', bin.count ? bin.accuracy.toFixed(3) : '-']);
}
console.log(`\neval took ${((Date.now() - started) / 1000).toFixed(0)} s`);
