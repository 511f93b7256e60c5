// npm run eval:faq: how help-article search scores on the labelled questions in eval/faq/ (each {text, article},
// article null for a question no article answers), and which score threshold keeps wrong answers out. The
// threshold chosen goes in faq/settings.json's minScore.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSnapshot } from '../src/knowledge/index.js';
import { normalizeText } from '../src/pipeline/normalize.js';

const root = path.resolve(import.meta.dirname, '..');
const { snapshot, problems } = await loadSnapshot(root);
if (!snapshot?.help) throw new Error(`content does not load or has no help articles: ${problems.map((problem) => problem.message).join('; ')}`);
const help = snapshot.help;

interface Row {
  language: string;
  text: string;
  article: string | null;
  found?: string;
  score: number;
  /** Strong enough to answer over an intent the classifier is sure of. */
  strong: boolean;
}
const rows: Row[] = [];
for (const file of readdirSync(path.join(root, 'eval/faq'))
  .filter((name) => name.endsWith('.jsonl'))
  .sort()) {
  const language = path.basename(file, '.jsonl');
  for (const line of readFileSync(path.join(root, 'eval/faq', file), 'utf8')
    .trim()
    .split('\n')) {
    const { text, article } = JSON.parse(line) as { text: string; article: string | null };
    const match = help.search(language, normalizeText(text));
    rows.push({ language, text, article, found: match?.article.id, score: match?.score ?? 0, strong: !!match?.strong });
  }
}

const positives = rows.filter((row) => row.article);
const negatives = rows.filter((row) => !row.article);
/** At a threshold: questions answered with their article, answered with another, and unrelated ones answered. */
function at(threshold: number) {
  const right = positives.filter((row) => row.score >= threshold && row.found === row.article).length;
  const wrong =
    positives.filter((row) => row.score >= threshold && row.found !== row.article).length + negatives.filter((row) => row.score >= threshold).length;
  return { right, wrong };
}
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
const scores = [...new Set(rows.map((row) => Math.floor(row.score * 10) / 10))].sort((a, b) => a - b);
console.log(`${positives.length} questions with an article, ${negatives.length} without, ${new Set(rows.map((row) => row.language)).size} languages\n`);
console.log('threshold  answered right  wrong answers');
for (const threshold of scores.filter((score) => score > 0)) {
  const { right, wrong } = at(threshold);
  console.log(`${threshold.toFixed(1).padStart(9)}  ${pct(right, positives.length).padStart(14)}  ${String(wrong).padStart(13)}`);
}
const current = help.settings.minScore;
const { right, wrong } = at(current);
console.log(`\nminScore ${current} (faq/settings.json): ${pct(right, positives.length)} answered with their article, ${wrong} wrong answer(s)`);
// A strong match answers even over a confident intent: it must be right, and never for a question no article answers.
const strong = rows.filter((row) => row.strong);
const strongWrong = strong.filter((row) => row.found !== row.article);
console.log(
  `strong matches (answer over a confident intent): ${strong.length} of ${positives.length} questions with an article, ${strongWrong.length} wrong (of them ${strongWrong.filter((row) => !row.article).length} for a question no article answers)`,
);
for (const row of rows) {
  const answered = row.score >= current;
  const ok = row.article ? answered && row.found === row.article : !answered;
  if (!ok || process.argv.includes('--all'))
    console.log(
      `  ${ok ? ' ' : '✗'} ${row.language} ${row.score.toFixed(2).padStart(6)} ${String(row.found).padEnd(15)} want ${String(row.article).padEnd(15)} ${row.text}`,
    );
}

// What listing an intent in faq/settings.json's `intents` would do: the share of its own training utterances an
// article would then answer (any confident match), next to the share a strong match already takes over today.
// An intent whose utterances articles would often take has a general answer worth keeping: list only intents
// with a low share, and read what they are taken by.
console.log('\nper intent: training utterances an article would answer if listed in "intents", and strong matches now');
const perIntent = new Map<string, { total: number; confident: number; strong: number }>();
for (const language of [...new Set(rows.map((row) => row.language))]) {
  const corpus = JSON.parse(readFileSync(path.join(root, 'locales', language, 'intents.json'), 'utf8')) as Record<string, string[]>;
  for (const [intent, texts] of Object.entries(corpus)) {
    const tally = perIntent.get(intent) ?? { total: 0, confident: 0, strong: 0 };
    for (const text of texts) {
      const match = help.search(language, normalizeText(text));
      tally.total++;
      if (match?.confident) tally.confident++;
      if (match?.strong) tally.strong++;
    }
    perIntent.set(intent, tally);
  }
}
for (const [intent, { total, confident, strong }] of perIntent)
  console.log(`  ${intent.padEnd(18)} ${String(total).padStart(5)}  ${pct(confident, total).padStart(6)} if listed  ${pct(strong, total).padStart(6)} strong`);
