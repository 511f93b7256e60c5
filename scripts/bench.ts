// npm run bench: pipeline time per message with all languages loaded (median, p99, per stage), the server's
// start-up time and its resident memory once ready, and the end-to-end chat figures: one process in memory against
// a bare Socket.IO echo server in the same run, where its CPU time goes (a --cpu-prof profile), and one worker
// against two sharing Redis behind one port.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSnapshot } from '../src/knowledge/index.js';
import { buildFacts, decide } from '../src/pipeline/decide.js';
import { newConversationState } from '../src/pipeline/state.js';
import { extractEntities } from '../src/pipeline/entities.js';
import { runPipeline } from '../src/pipeline/index.js';
import { classifyIntent } from '../src/pipeline/intent.js';
import { normalizeText } from '../src/pipeline/normalize.js';
import { renderReply } from '../src/pipeline/render.js';
import { buildCatalogue, CatalogueSchema, DEMO_PRODUCTS_FILE } from '../src/products/index.js';
import autocannon from 'autocannon';
import { topOfProfile, type ProfileEntry } from './cpu-profile.js';
import {
  cpuSeconds,
  isRedisReachable,
  maxEventLoopDelaySeconds,
  measureIdleShoppers,
  removeRedisKeys,
  residentKb,
  runLoad,
  startBorderless,
  startEchoServer,
  startHelloServer,
  type LoadResult,
  type ServerProcess,
} from './bench-chat.js';

const root = path.resolve(import.meta.dirname, '..');
const ROUNDS = 20;
/** `npm run bench -- --pipeline`: the pipeline's table only, for comparing a change to the hot path quickly. */
const PIPELINE_ONLY = process.argv.includes('--pipeline');

function summarize(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p99: sorted[Math.floor(sorted.length * 0.99)]! };
}
const ms = (value: number) => value.toFixed(3).padStart(8);

const messages = readdirSync(path.join(root, 'eval/dev'))
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) =>
    readFileSync(path.join(root, 'eval/dev', name), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );

/** CPU time the host gave to others while this machine waited for it (Linux `steal`), in seconds; undefined elsewhere. */
function stolenSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    return Number(fields[8]) / 100;
  } catch {
    return undefined;
  }
}
const stolenAtStart = stolenSeconds();

const loadStarted = performance.now();
const { snapshot } = await loadSnapshot(root);
if (!snapshot) throw new Error('content does not load; run borderless check');
const loadMs = performance.now() - loadStarted;

// Hot reload: the same content with one more English training utterance, as an operator's edit; the languages
// whose utterances did not change keep their trained models, English is trained again (in worker threads).
async function measureReload(): Promise<number> {
  const copy = mkdtempSync(path.join(tmpdir(), 'borderless-reload-'));
  try {
    for (const folder of readdirSync(root)) {
      if (['node_modules', '.git', 'dist', 'data', 'eval', 'test', 'src', 'scripts', 'docs'].includes(folder)) continue;
      cpSync(path.join(root, folder), path.join(copy, folder), { recursive: true });
    }
    const file = path.join(copy, 'locales/en/intents.json');
    const intents = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
    intents.greeting!.push(`hello from the reload benchmark ${Date.now()}`);
    writeFileSync(file, JSON.stringify(intents));
    const started = performance.now();
    const { snapshot: reloaded } = await loadSnapshot(copy);
    if (!reloaded) throw new Error('the edited content does not load');
    return performance.now() - started;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
const reloadMs = PIPELINE_ONLY ? NaN : await measureReload();

// Warm up the JIT, then measure whole messages and each stage separately.
const now = new Date();
// The server passes the store's catalogue to every turn, and a turn may search it: timed apart, with the demo's.
const catalogue = buildCatalogue(CatalogueSchema.parse(JSON.parse(readFileSync(DEMO_PRODUCTS_FILE, 'utf8'))));
for (const text of messages) await runPipeline(snapshot, { text, now });
for (const text of messages) await runPipeline(snapshot, { text, now, context: { catalogue } });
const whole: number[] = [];
const withCatalogue: number[] = [];
const stages: Record<string, number[]> = { normalize: [], language: [], intent: [], entities: [], rules: [], render: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const text of messages) {
    let started = performance.now();
    await runPipeline(snapshot, { text, now });
    whole.push(performance.now() - started);
    started = performance.now();
    await runPipeline(snapshot, { text, now, context: { catalogue } });
    withCatalogue.push(performance.now() - started);

    started = performance.now();
    const normalized = normalizeText(text);
    let mark = performance.now();
    stages.normalize!.push(mark - started);
    const language = snapshot.languageModel.detect(normalized, {}, snapshot.settings.defaultLanguage);
    stages.language!.push(performance.now() - mark);
    mark = performance.now();
    const intent = classifyIntent(snapshot, normalized, language.language);
    stages.intent!.push(performance.now() - mark);
    mark = performance.now();
    const entities = extractEntities(normalized, snapshot.countries);
    stages.entities!.push(performance.now() - mark);
    mark = performance.now();
    const decision = await decide(snapshot, buildFacts(normalized, language, intent, entities, newConversationState(), now));
    stages.rules!.push(performance.now() - mark);
    mark = performance.now();
    if (decision.action) renderReply(snapshot, { templateId: decision.action.params.template, language: language.language, entities, variantSeed: round, now });
    stages.render!.push(performance.now() - mark);
  }
}

// Start-up: a real server process, timed from spawn until /readyz answers; its memory read once ready.
async function measureStartup(): Promise<{ readyMs: number; rssMb: number } | undefined> {
  if (PIPELINE_ONLY || !existsSync(path.join(root, 'dist/cli/index.js'))) return undefined;
  const started = performance.now();
  const server = await startBorderless();
  try {
    const readyMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { readyMs, rssMb: residentKb(server.child.pid!) / 1024 };
  } finally {
    await server.stop();
  }
}
const startup = await measureStartup();

// End to end: shoppers on real sockets, each sending its next message when the reply arrives. The messages are
// the dev messages the bot answers outright, so no conversation is handed off and falls silent mid-run.
/** Shoppers at capacity: each sends its next message as soon as the reply arrives. */
const CAPACITY_SHOPPERS = 200;
/** Shoppers under a fixed load: each sends a message every two seconds, 500 messages a second offered. */
const OFFERED_SHOPPERS = 1000;
const MESSAGES_PER_SHOPPER_PER_SECOND = 0.5;
const CAPACITY = { warmupSeconds: 3, seconds: 10 };
/**
 * The capacity comparison takes turns: Borderless, the echo server, Borderless… each round 5 s after a 2 s warm-up,
 * both servers running throughout, so that a slower spell of this shared machine weighs on both alike. Each server
 * first runs 10 s uncounted: a fresh process is slower for its first seconds (its young heap grows, its caches of
 * recent words fill), and a store's server runs for days.
 */
const CAPACITY_ROUNDS = 5;
const CAPACITY_ROUND = { warmupSeconds: 2, seconds: 5 };
const CAPACITY_WARM_UP = { warmupSeconds: 9, seconds: 1 };
const OFFERED = { ...CAPACITY, perSecond: MESSAGES_PER_SHOPPER_PER_SECOND };
const answered: string[] = [];
for (const text of messages) {
  const result = await runPipeline(snapshot, { text, now });
  if ((result.action === 'reply' || result.action === 'ask') && result.intent.confident) answered.push(text);
}
interface Compared {
  borderless: LoadResult;
  echo: LoadResult;
  /** While the replies were counted. */
  maxEventLoopDelayMs: number;
  /** From the first shopper connecting to the last one gone. */
  maxEventLoopDelayWholeRunMs: number;
}
/** A run with the CPU time the server process spent per reply while the replies were counted (Linux only). */
type Measured = LoadResult & { cpuUsPerReply?: number };
interface Capacity {
  rounds: { borderless: Measured; echo: Measured }[];
  /** Each server's median round by replies a second. */
  borderless: Measured;
  echo: Measured;
}
interface ChatFigures {
  capacity: Capacity;
  offered: Compared;
  profile: ProfileEntry[];
  idle: { count: number; kbPerShopper: number }[];
  preview: { borderless: number; hello: number; p99: number };
  workers: WorkerFigures | { skipped: string };
}
interface WorkerFigures {
  capacity: { one: LoadResult; two: LoadResult };
  offered: { one: LoadResult; two: LoadResult };
  keysRemoved: number;
}

/** Borderless (one process, in memory), then the bare echo server, under the same load. */
async function compareWithEcho(shoppers: number, options: { warmupSeconds: number; seconds: number; perSecond?: number }): Promise<Compared> {
  const borderlessServer = await startBorderless();
  // Each reading of the delay starts the server's histogram again: the longest delay while the replies are counted,
  // and the longest over the whole run, shoppers connecting (in bursts of 50) and leaving (all at once) included.
  const longest = async () => (await maxEventLoopDelaySeconds(borderlessServer.url)) * 1000;
  let maxEventLoopDelayMs = NaN;
  let outsideWindowMs = NaN;
  const borderless = await (async () => {
    await longest();
    const result = await runLoad(borderlessServer.url, shoppers, answered, options, {
      start: async () => (outsideWindowMs = await longest()),
      end: async () => (maxEventLoopDelayMs = await longest()),
    });
    outsideWindowMs = Math.max(outsideWindowMs, await longest());
    return result;
  })().finally(() => borderlessServer.stop());
  const echoServer = await startEchoServer();
  const echo = await runLoad(echoServer.url, shoppers, answered, options).finally(() => echoServer.stop());
  return { borderless, echo, maxEventLoopDelayMs, maxEventLoopDelayWholeRunMs: Math.max(maxEventLoopDelayMs, outsideWindowMs) };
}

/** One closed-loop run of the capacity shoppers against a running server, with its CPU time per reply. */
async function atCapacity(server: ServerProcess, options = CAPACITY_ROUND): Promise<Measured> {
  const pid = server.child.pid!;
  let before: number | undefined;
  let after: number | undefined;
  const result = await runLoad(server.url, CAPACITY_SHOPPERS, answered, options, {
    start: async () => (before = cpuSeconds(pid)),
    end: async () => (after = cpuSeconds(pid)),
  });
  const cpuUsPerReply = before === undefined || after === undefined ? undefined : ((after - before) * 1e6) / result.replies;
  return { ...result, cpuUsPerReply };
}

const medianRun = (runs: Measured[]) => [...runs].sort((a, b) => a.repliesPerSecond - b.repliesPerSecond)[Math.floor(runs.length / 2)]!;

/** Borderless (one process, in memory) and the bare echo server, both started once and measured in turns. */
async function capacityInTurns(): Promise<Capacity> {
  const borderlessServer = await startBorderless();
  const echoServer = await startEchoServer().catch(async (error: unknown) => {
    await borderlessServer.stop();
    throw error;
  });
  try {
    await atCapacity(borderlessServer, CAPACITY_WARM_UP);
    await atCapacity(echoServer, CAPACITY_WARM_UP);
    const rounds: Capacity['rounds'] = [];
    for (let round = 0; round < CAPACITY_ROUNDS; round++) rounds.push({ borderless: await atCapacity(borderlessServer), echo: await atCapacity(echoServer) });
    return { rounds, borderless: medianRun(rounds.map((round) => round.borderless)), echo: medianRun(rounds.map((round) => round.echo)) };
  } finally {
    await Promise.all([borderlessServer.stop(), echoServer.stop()]);
  }
}

/** One process at capacity under `node --cpu-prof`: the ten functions with the most of its own CPU time. */
async function profileAtCapacity(): Promise<ProfileEntry[]> {
  const directory = mkdtempSync(path.join(tmpdir(), 'borderless-profile-'));
  try {
    const spawned = performance.now();
    const server = await startBorderless({}, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', directory] });
    // Only the load counts, not the start-up's training: samples from when the shoppers begin.
    const loadFromMs = performance.now() - spawned;
    try {
      await runLoad(server.url, CAPACITY_SHOPPERS, answered, CAPACITY);
    } finally {
      await server.stop(); // the profile is written as the process exits
    }
    const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the server wrote no CPU profile');
    return topOfProfile(path.join(directory, file), root, { fromMs: loadFromMs });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * `borderless start --workers N` on Redis, under one key prefix for this run, removed once it has exited: at
 * capacity, then under the offered load.
 */
async function measureWorkers(workers: number): Promise<{ capacity: LoadResult; offered: LoadResult; keysRemoved: number }> {
  const env = { REDIS_URL, REDIS_PREFIX: `borderless-bench-${process.pid}-${Date.now()}:` };
  const server = await startBorderless(env, { args: ['--workers', String(workers)] });
  try {
    const capacity = await runLoad(server.url, CAPACITY_SHOPPERS, answered, CAPACITY);
    const offered = await runLoad(server.url, OFFERED_SHOPPERS, answered, OFFERED);
    await server.stop();
    return { capacity, offered, keysRemoved: await removeRedisKeys(REDIS_URL, env.REDIS_PREFIX) };
  } catch (error) {
    await server.stop();
    await removeRedisKeys(REDIS_URL, env.REDIS_PREFIX).catch(() => 0);
    throw error;
  }
}

async function compareWorkers(): Promise<ChatFigures['workers']> {
  if (!(await isRedisReachable(REDIS_URL))) return { skipped: `Redis does not answer at ${REDIS_URL} (set REDIS_URL)` };
  try {
    const one = await measureWorkers(1);
    const two = await measureWorkers(2);
    return {
      capacity: { one: one.capacity, two: two.capacity },
      offered: { one: one.offered, two: two.offered },
      keysRemoved: one.keysRemoved + two.keysRemoved,
    };
  } catch (error) {
    return { skipped: `the run failed: ${(error as Error).message}` };
  }
}

/** Requests a second to POST /api/v1/preview, next to a bare Fastify hello-world route, 50 connections, 10 s each. */
async function comparePreview(): Promise<ChatFigures['preview']> {
  const borderlessServer = await startBorderless();
  let preview;
  try {
    preview = await autocannon({
      url: `${borderlessServer.url}/api/v1/preview`,
      method: 'POST',
      headers: { authorization: 'Bearer bench-operator-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hola, dónde está mi pedido 100234?' }),
      connections: 50,
      duration: 10,
    });
  } finally {
    await borderlessServer.stop();
  }
  if (preview.non2xx > 0) throw new Error(`${preview.non2xx} preview requests failed`);
  const helloServer = await startHelloServer();
  let hello;
  try {
    hello = await autocannon({ url: helloServer.url, connections: 50, duration: 10 });
  } finally {
    await helloServer.stop();
  }
  return { borderless: preview.requests.average, hello: hello.requests.average, p99: preview.latency.p99 };
}

let chat: ChatFigures | undefined;
if (startup) {
  chat = {
    capacity: await capacityInTurns(),
    offered: await compareWithEcho(OFFERED_SHOPPERS, OFFERED),
    profile: await profileAtCapacity(),
    idle: [await measureIdleShoppers(1000), await measureIdleShoppers(5000)],
    preview: await comparePreview(),
    workers: await compareWorkers(),
  };
}

const total = summarize(whole);
console.log(
  `Borderless pipeline benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}`,
);
console.log(
  `load average when the run ended: ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')} (the figures below are only comparable within one run on a busy machine)`,
);
const stolen = stolenSeconds();
if (stolen !== undefined && stolenAtStart !== undefined)
  console.log(`CPU time the host took for others during the run (steal): ${(stolen - stolenAtStart).toFixed(1)} s; more than a few seconds slows every figure`);
console.log(`${messages.length} dev messages in ${snapshot.languages.length} languages × ${ROUNDS} rounds = ${whole.length} messages\n`);
console.log(`${'stage'.padEnd(12)}${'median ms'.padStart(10)}${'p99 ms'.padStart(10)}`);
for (const [stage, samples] of Object.entries(stages)) {
  const { median, p99 } = summarize(samples);
  console.log(`${stage.padEnd(12)}${ms(median).padStart(10)}${ms(p99).padStart(10)}`);
}
console.log(`${'whole'.padEnd(12)}${ms(total.median).padStart(10)}${ms(total.p99).padStart(10)}`);
const catalogued = summarize(withCatalogue);
console.log(`${'whole, with the demo catalogue (as the server runs it)'}  median ${catalogued.median.toFixed(3)}  p99 ${catalogued.p99.toFixed(3)}\n`);
console.log(`content load and training, in process: ${loadMs.toFixed(0)} ms`);
if (PIPELINE_ONLY) process.exit(0);
console.log(`reload after one new English utterance: ${reloadMs.toFixed(0)} ms (English retrained, the rest kept)`);
if (startup) {
  console.log(`server start → /readyz answers:        ${startup.readyMs.toFixed(0)} ms`);
  console.log(`server resident memory once ready:     ${startup.rssMb.toFixed(0)} MB`);
} else {
  console.log('server start-up and chat not measured: run `npm run build` first');
}
if (chat) {
  const header = `${''.padEnd(30)}${'replies/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'p99 ms'.padStart(10)}`;
  const row = (name: string, result: LoadResult) =>
    `${name.padEnd(30)}${result.repliesPerSecond.toFixed(0).padStart(10)}${[result.p50, result.p95, result.p99].map((value) => value.toFixed(1).padStart(10)).join('')}`;
  const ratio = ({ borderless, echo }: { borderless: LoadResult; echo: LoadResult }) => (100 * borderless.repliesPerSecond) / echo.repliesPerSecond;
  const cpu = (run: Measured) => (run.cpuUsPerReply === undefined ? '' : run.cpuUsPerReply.toFixed(0));
  console.log(
    `\ncapacity: ${CAPACITY_SHOPPERS} shoppers on websockets, each sending the next message as soon as the reply arrives; one process, state in memory; ${CAPACITY_ROUNDS} rounds in turns (Borderless, echo, Borderless…), each ${CAPACITY_ROUND.seconds} s after a ${CAPACITY_ROUND.warmupSeconds} s warm-up, once each server has run ${CAPACITY_WARM_UP.warmupSeconds + CAPACITY_WARM_UP.seconds} s uncounted`,
  );
  console.log(`${header}${'CPU µs/reply'.padStart(14)}`);
  chat.capacity.rounds.forEach(({ borderless, echo }, index) => {
    console.log(`${row(`Borderless, round ${index + 1}`, borderless)}${cpu(borderless).padStart(14)}`);
    console.log(`${row(`echo, round ${index + 1}`, echo)}${cpu(echo).padStart(14)}   ratio ${ratio({ borderless, echo }).toFixed(1)}%`);
  });
  console.log(`${row('Borderless, median round', chat.capacity.borderless)}${cpu(chat.capacity.borderless).padStart(14)}`);
  console.log(`${row('bare Socket.IO echo, median', chat.capacity.echo)}${cpu(chat.capacity.echo).padStart(14)}`);
  // Each round's pair ran back to back, so its ratio is the one a slower spell of the machine changes least.
  const roundRatios = chat.capacity.rounds.map(ratio).sort((a, b) => a - b);
  console.log(
    `replies per second per process: ${roundRatios[Math.floor(roundRatios.length / 2)]!.toFixed(1)}% of the echo server's (the median of the rounds' ratios; ${ratio(chat.capacity).toFixed(1)}% between the median rounds)`,
  );
  const offered = OFFERED_SHOPPERS * MESSAGES_PER_SHOPPER_PER_SECOND;
  console.log(
    `\noffered load: ${OFFERED_SHOPPERS} shoppers, each sending a message every ${1 / MESSAGES_PER_SHOPPER_PER_SECOND} s (${offered} messages/s), 10 s after a 3 s warm-up`,
  );
  console.log(header);
  console.log(row('Borderless', chat.offered.borderless));
  console.log(row('bare Socket.IO echo', chat.offered.echo));
  console.log(
    `Borderless p99 ${chat.offered.borderless.p99.toFixed(1)} ms; longest event-loop delay in Borderless: ${chat.offered.maxEventLoopDelayMs.toFixed(1)} ms while the replies were counted, ${chat.offered.maxEventLoopDelayWholeRunMs.toFixed(1)} ms over the whole run (${OFFERED_SHOPPERS} shoppers connecting and leaving included)`,
  );
  console.log(`\nwhere one process spends its CPU at capacity (node --cpu-prof, own time, share of busy time):`);
  for (const entry of chat.profile) console.log(`${entry.share.toFixed(1).padStart(6)}%  ${entry.name.slice(0, 40).padEnd(40)} ${entry.where}`);
  console.log('');
  for (const idle of chat.idle) console.log(`memory per idle connected shopper (${idle.count} connected): ${idle.kbPerShopper.toFixed(1)} KB`);
  console.log(
    `\nPOST /api/v1/preview, 50 connections: ${chat.preview.borderless.toFixed(0)} requests/s (p99 ${chat.preview.p99} ms); a bare Fastify hello-world route: ${chat.preview.hello.toFixed(0)} requests/s (${((100 * chat.preview.borderless) / chat.preview.hello).toFixed(0)}%)`,
  );
  console.log(`\nworkers: \`borderless start --workers N\` behind one port, sharing Redis (${REDIS_URL}); the load generator runs on the same machine`);
  if ('skipped' in chat.workers) {
    console.log(`workers skipped: ${chat.workers.skipped}`);
  } else {
    const { capacity, offered: fixed } = chat.workers;
    console.log(`${header}${'per process'.padStart(12)}`);
    console.log(`capacity, ${CAPACITY_SHOPPERS} shoppers`);
    console.log(`${row('  1 worker, Redis', capacity.one)}${capacity.one.repliesPerSecond.toFixed(0).padStart(12)}`);
    console.log(`${row('  2 workers, Redis', capacity.two)}${(capacity.two.repliesPerSecond / 2).toFixed(0).padStart(12)}`);
    console.log(`${offered} messages/s offered, ${OFFERED_SHOPPERS} shoppers`);
    console.log(row('  1 worker, Redis', fixed.one));
    console.log(row('  2 workers, Redis', fixed.two));
    console.log(
      `2 workers at capacity: ${(capacity.two.repliesPerSecond / capacity.one.repliesPerSecond).toFixed(2)}× one worker; Redis keys written by these runs and removed afterwards: ${chat.workers.keysRemoved}`,
    );
  }
}
