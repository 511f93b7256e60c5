// npm run eval: accuracy on the labelled dev set in eval/dev/ (kept apart from the training utterances), per
// language, next to NLP.js trained on the same intents.json files.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadSnapshot } from '../src/knowledge/index.js';
import { fold } from '../src/pipeline/text.js';
import { understand } from '../src/pipeline/index.js';
import { OUT_OF_SCOPE } from '../src/pipeline/intent.js';
import { trainIntentModel } from '../src/nlu/index.js';

interface Example {
  text: string;
  language: string;
  intent: string;
}

const root = path.resolve(import.meta.dirname, '..');
const devDir = path.join(root, 'eval/dev');
const percent = (part: number, whole: number) => (whole === 0 ? '   -' : ((100 * part) / whole).toFixed(1).padStart(5));

const { snapshot, problems } = await loadSnapshot(root);
if (!snapshot) throw new Error(`content does not load: ${problems.map((problem) => problem.message).join('; ')}`);

const dev = new Map<string, Example[]>();
for (const file of readdirSync(devDir).filter((name) => name.endsWith('.jsonl')).sort()) {
  const examples = readFileSync(path.join(devDir, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Example);
  dev.set(path.basename(file, '.jsonl'), examples);
}

type Corpora = Record<string, Record<string, string[]>>;
const corpora: Corpora = Object.fromEntries(
  snapshot.languages.map((language) => [language, JSON.parse(readFileSync(path.join(root, 'locales', language, 'intents.json'), 'utf8'))]),
);

// The dev set must stay apart from training: an utterance in both would flatter the figures.
let overlap = 0;
for (const [language, examples] of dev) {
  const utterances = new Set(Object.values(corpora[language] ?? {}).flat().map((utterance) => fold(utterance).trim()));
  overlap += examples.filter((example) => utterances.has(fold(example.text).trim())).length;
}

// NLP.js, trained on the same files, given the right language (a generous comparison).
async function trainNlpJs(training: Corpora) {
  const require = createRequire(import.meta.url);
  const { NlpManager } = require('node-nlp') as { NlpManager: new (options: object) => { addDocument(language: string, text: string, intent: string): void; train(): Promise<void>; process(language: string, text: string): Promise<{ intent: string }> } };
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
const nlpjs = await trainNlpJs(corpora);

const header = ['lang', 'n', 'lang%', 'short%', 'intent%', 'given%', 'nlp.js%', 'prec%', 'cover%', 'oos-decl%'];
console.log(header.map((cell) => cell.padStart(9)).join(''));
const totals = { n: 0, languageOk: 0, short: 0, shortOk: 0, inScope: 0, intentOk: 0, givenOk: 0, nlpOk: 0, confident: 0, confidentOk: 0, outOfScope: 0, declined: 0 };
for (const [language, examples] of dev) {
  const row = { n: 0, languageOk: 0, short: 0, shortOk: 0, inScope: 0, intentOk: 0, givenOk: 0, nlpOk: 0, confident: 0, confidentOk: 0, outOfScope: 0, declined: 0 };
  for (const example of examples) {
    row.n++;
    const detected = understand(snapshot, example.text);
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
    if (understand(snapshot, example.text, { language }).intent.intent === example.intent) row.givenOk++;
    if ((await nlpjs.process(language, example.text)).intent === example.intent) row.nlpOk++;
    if (answered) {
      row.confident++;
      if (detected.intent.intent === example.intent) row.confidentOk++;
    }
  }
  for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  const cells = [language, String(row.n), percent(row.languageOk, row.n), percent(row.shortOk, row.short), percent(row.intentOk, row.inScope), percent(row.givenOk, row.inScope), percent(row.nlpOk, row.inScope), percent(row.confidentOk, row.confident), percent(row.confident, row.inScope), percent(row.declined, row.outOfScope)];
  console.log(cells.map((cell) => cell.padStart(9)).join(''));
}
const t = totals;
console.log(['all', String(t.n), percent(t.languageOk, t.n), percent(t.shortOk, t.short), percent(t.intentOk, t.inScope), percent(t.givenOk, t.inScope), percent(t.nlpOk, t.inScope), percent(t.confidentOk, t.confident), percent(t.confident, t.inScope), percent(t.declined, t.outOfScope)].map((cell) => cell.padStart(9)).join(''));
console.log(`
lang%      language detected right, no hint          short%    the same for messages of one or two words
intent%    intent right, language detected            given%    intent right, language given
nlp.js%    NLP.js (node-nlp) intent, language given   prec%     confident answers that are right
cover%     in-scope messages answered confidently     oos-decl% out-of-scope messages not answered confidently
dev messages also found in the training utterances: ${overlap}`);

// 5-fold cross-validation on the training utterances: each fifth is held out in turn. These utterances are more
// varied than the dev set (typos, long stories, slang), so this is the harder figure of the two.
const FOLDS = 5;
const cv = { total: 0, ours: 0, nlpJs: 0, confident: 0, confidentRight: 0, outOfScope: 0, declined: 0 };
for (let foldIndex = 0; foldIndex < FOLDS; foldIndex++) {
  const training: Corpora = {};
  const heldOut: { language: string; text: string; intent: string }[] = [];
  for (const [language, intents] of Object.entries(corpora)) {
    training[language] = {};
    for (const [intent, utterances] of Object.entries(intents)) {
      training[language][intent] = utterances.filter((_, index) => index % FOLDS !== foldIndex);
      for (const [index, text] of utterances.entries()) if (index % FOLDS === foldIndex) heldOut.push({ language, text, intent });
    }
  }
  const models = new Map(Object.entries(training).map(([language, intents]) => [language, trainIntentModel(language, intents)]));
  const baseline = await trainNlpJs(training);
  for (const example of heldOut) {
    const [top] = models.get(example.language)!.classify(example.text);
    const answered = !!top && top.intent !== OUT_OF_SCOPE && top.confidence >= snapshot.intentThresholds.get(example.language)!.threshold;
    if (example.intent === OUT_OF_SCOPE) {
      cv.outOfScope++;
      if (!answered) cv.declined++;
      continue;
    }
    cv.total++;
    if (top?.intent === example.intent) cv.ours++;
    if (answered) {
      cv.confident++;
      if (top?.intent === example.intent) cv.confidentRight++;
    }
    if ((await baseline.process(example.language, example.text)).intent === example.intent) cv.nlpJs++;
  }
}
console.log(`5-fold cross-validation on the training utterances, ${cv.total} in-scope and ${cv.outOfScope} out-of-scope messages, language given:
  intent accuracy  Borderless ${percent(cv.ours, cv.total)}%   NLP.js ${percent(cv.nlpJs, cv.total)}%
  Borderless at each language's threshold: prec ${percent(cv.confidentRight, cv.confident)}%  cover ${percent(cv.confident, cv.total)}%  oos-decl ${percent(cv.declined, cv.outOfScope)}%`);
