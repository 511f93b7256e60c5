// npm run bench: pipeline time per message with all languages loaded (median, p99, per stage), the server's
// start-up time and its resident memory once ready, and the end-to-end chat figures: one node in memory against a
// bare Socket.IO echo server, and one node against two nodes sharing Redis.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSnapshot } from '../src/knowledge/index.js';
import { buildFacts, decide, newConversationState } from '../src/pipeline/decide.js';
import { extractEntities } from '../src/pipeline/entities.js';
import { runPipeline } from '../src/pipeline/index.js';
import { classifyIntent } from '../src/pipeline/intent.js';
import { normalizeText } from '../src/pipeline/normalize.js';
import { renderReply } from '../src/pipeline/render.js';
import autocannon from 'autocannon';
import { isRedisReachable, maxEventLoopDelaySeconds, measureIdleShoppers, removeRedisKeys, residentKb, runLoad, startBorderless, startEchoServer, startHelloServer, type LoadResult, type ServerProcess } from './bench-chat.js';

const root = path.resolve(import.meta.dirname, '..');
const ROUNDS = 20;

function summarize(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p99: sorted[Math.floor(sorted.length * 0.99)]! };
}
const ms = (value: number) => value.toFixed(3).padStart(8);

const messages = readdirSync(path.join(root, 'eval/dev'))
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) => readFileSync(path.join(root, 'eval/dev', name), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text));

const loadStarted = performance.now();
const { snapshot } = await loadSnapshot(root);
if (!snapshot) throw new Error('content does not load; run borderless check');
const loadMs = performance.now() - loadStarted;

// Warm up the JIT, then measure whole messages and each stage separately.
const now = new Date();
for (const text of messages) await runPipeline(snapshot, { text, now });
const whole: number[] = [];
const stages: Record<string, number[]> = { normalize: [], language: [], intent: [], entities: [], rules: [], render: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const text of messages) {
    let started = performance.now();
    await runPipeline(snapshot, { text, now });
    whole.push(performance.now() - started);

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
  if (!existsSync(path.join(root, 'dist/cli/index.js'))) return undefined;
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
const SHOPPERS = 1000;
/** Each shopper sends a message every two seconds: 500 messages a second offered. */
const MESSAGES_PER_SHOPPER_PER_SECOND = 0.5;
const answered: string[] = [];
for (const text of messages) {
  const result = await runPipeline(snapshot, { text, now });
  if ((result.action === 'reply' || result.action === 'ask') && result.intent.confident) answered.push(text);
}
interface ChatFigures {
  offered: { borderless: LoadResult; echo: LoadResult; maxEventLoopDelayMs: number };
  capacity: { borderless: LoadResult; echo: LoadResult };
  idle: { count: number; kbPerShopper: number }[];
  preview: { borderless: number; hello: number; p99: number };
  nodes: NodeFigures | { skipped: string };
}
interface NodeFigures {
  offered: { oneNode: NodesResult; twoNodes: NodesResult };
  capacity: { twoNodes: NodesResult };
  keysRemoved: number;
}
interface NodesResult extends LoadResult {
  maxEventLoopDelayMs: number;
  keysRemoved: number;
}
async function compareWithEcho(options: { warmupSeconds: number; seconds: number; perSecond?: number }) {
  const borderlessServer = await startBorderless();
  let maxEventLoopDelayMs = NaN;
  const borderless = await (async () => {
    await maxEventLoopDelaySeconds(borderlessServer.url); // resets the delay histogram
    const result = await runLoad(borderlessServer.url, SHOPPERS, answered, options);
    maxEventLoopDelayMs = (await maxEventLoopDelaySeconds(borderlessServer.url)) * 1000;
    return result;
  })().finally(() => borderlessServer.stop());
  const echoServer = await startEchoServer();
  const echo = await runLoad(echoServer.url, SHOPPERS, answered, options).finally(() => echoServer.stop());
  return { borderless, echo, maxEventLoopDelayMs };
}

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The same shoppers split evenly across `count` server processes that share Redis (store and Socket.IO adapter)
 * under one key prefix for this run, removed once the processes have exited.
 */
async function measureNodes(count: number, options: { warmupSeconds: number; seconds: number; perSecond?: number }): Promise<NodesResult> {
  const env = { REDIS_URL, REDIS_PREFIX: `borderless-bench-${process.pid}-${Date.now()}:` };
  const servers: ServerProcess[] = [];
  const stopAll = () => Promise.all(servers.map((server) => server.stop()));
  try {
    for (let index = 0; index < count; index++) servers.push(await startBorderless(env));
    const urls = servers.map((server) => server.url);
    await Promise.all(urls.map(maxEventLoopDelaySeconds)); // resets the delay histograms
    const result = await runLoad(urls, SHOPPERS, answered, options);
    const delays = await Promise.all(urls.map(maxEventLoopDelaySeconds));
    await stopAll();
    return { ...result, maxEventLoopDelayMs: Math.max(...delays) * 1000, keysRemoved: await removeRedisKeys(REDIS_URL, env.REDIS_PREFIX) };
  } catch (error) {
    await stopAll();
    await removeRedisKeys(REDIS_URL, env.REDIS_PREFIX).catch(() => 0);
    throw error;
  }
}

/** One node and two nodes on Redis under the offered load, two nodes at capacity; one node in memory is measured above. */
async function compareNodes(): Promise<ChatFigures['nodes']> {
  if (!(await isRedisReachable(REDIS_URL))) return { skipped: `Redis does not answer at ${REDIS_URL} (set REDIS_URL)` };
  const offered = { warmupSeconds: 3, seconds: 10, perSecond: MESSAGES_PER_SHOPPER_PER_SECOND };
  const oneNode = await measureNodes(1, offered);
  const twoNodes = await measureNodes(2, offered);
  const capacity = await measureNodes(2, { warmupSeconds: 3, seconds: 10 });
  return { offered: { oneNode, twoNodes }, capacity: { twoNodes: capacity }, keysRemoved: oneNode.keysRemoved + twoNodes.keysRemoved + capacity.keysRemoved };
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
    offered: await compareWithEcho({ warmupSeconds: 3, seconds: 10, perSecond: MESSAGES_PER_SHOPPER_PER_SECOND }),
    capacity: await compareWithEcho({ warmupSeconds: 3, seconds: 10 }),
    idle: [await measureIdleShoppers(1000), await measureIdleShoppers(5000)],
    preview: await comparePreview(),
    nodes: await compareNodes(),
  };
}

const total = summarize(whole);
console.log(`Borderless pipeline benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}`);
console.log(`${messages.length} dev messages in ${snapshot.languages.length} languages × ${ROUNDS} rounds = ${whole.length} messages\n`);
console.log(`${'stage'.padEnd(12)}${'median ms'.padStart(10)}${'p99 ms'.padStart(10)}`);
for (const [stage, samples] of Object.entries(stages)) {
  const { median, p99 } = summarize(samples);
  console.log(`${stage.padEnd(12)}${ms(median).padStart(10)}${ms(p99).padStart(10)}`);
}
console.log(`${'whole'.padEnd(12)}${ms(total.median).padStart(10)}${ms(total.p99).padStart(10)}\n`);
console.log(`content load and training, in process: ${loadMs.toFixed(0)} ms`);
if (startup) {
  console.log(`server start → /readyz answers:        ${startup.readyMs.toFixed(0)} ms`);
  console.log(`server resident memory once ready:     ${startup.rssMb.toFixed(0)} MB`);
} else {
  console.log('server start-up and chat not measured: run `npm run build` first');
}
if (chat) {
  const header = `${''.padEnd(22)}${'replies/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'p99 ms'.padStart(10)}`;
  const row = (name: string, result: LoadResult) =>
    `${name.padEnd(22)}${result.repliesPerSecond.toFixed(0).padStart(10)}${[result.p50, result.p95, result.p99].map((value) => value.toFixed(1).padStart(10)).join('')}`;
  const ratio = ({ borderless, echo }: { borderless: LoadResult; echo: LoadResult }) => ((100 * borderless.repliesPerSecond) / echo.repliesPerSecond).toFixed(0);
  const offered = SHOPPERS * MESSAGES_PER_SHOPPER_PER_SECOND;
  console.log(`\nend to end, ${SHOPPERS} shoppers on websockets, each sending a message every ${1 / MESSAGES_PER_SHOPPER_PER_SECOND} s (${offered} messages/s offered), 10 s after a 3 s warm-up`);
  console.log(header);
  console.log(row('Borderless', chat.offered.borderless));
  console.log(row('bare Socket.IO echo', chat.offered.echo));
  console.log(`throughput ratio: ${ratio(chat.offered)}% of the echo server; longest event-loop delay in Borderless: ${chat.offered.maxEventLoopDelayMs.toFixed(1)} ms`);
  console.log(`\ncapacity, the same ${SHOPPERS} shoppers each sending the next message as soon as the reply arrives`);
  console.log(header);
  console.log(row('Borderless', chat.capacity.borderless));
  console.log(row('bare Socket.IO echo', chat.capacity.echo));
  console.log(`throughput ratio: ${ratio(chat.capacity)}% of the echo server`);
  console.log('');
  for (const idle of chat.idle) console.log(`memory per idle connected shopper (${idle.count} connected): ${idle.kbPerShopper.toFixed(1)} KB`);
  console.log(`\nPOST /api/v1/preview, 50 connections: ${chat.preview.borderless.toFixed(0)} requests/s (p99 ${chat.preview.p99} ms); a bare Fastify hello-world route: ${chat.preview.hello.toFixed(0)} requests/s (${((100 * chat.preview.borderless) / chat.preview.hello).toFixed(0)}%)`);
  console.log(`\nseveral nodes: the same ${SHOPPERS} shoppers split evenly across server processes sharing Redis (${REDIS_URL})`);
  if ('skipped' in chat.nodes) {
    console.log(`two-node row skipped: ${chat.nodes.skipped}`);
  } else {
    const loop = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(1)).padStart(12);
    console.log(`${header}${'loop max ms'.padStart(12)}`);
    console.log(`${offered} messages/s offered`);
    console.log(`${row('  one node, memory', chat.offered.borderless)}${loop(chat.offered.maxEventLoopDelayMs)}`);
    console.log(`${row('  one node, Redis', chat.nodes.offered.oneNode)}${loop(chat.nodes.offered.oneNode.maxEventLoopDelayMs)}`);
    console.log(`${row('  two nodes, Redis', chat.nodes.offered.twoNodes)}${loop(chat.nodes.offered.twoNodes.maxEventLoopDelayMs)}`);
    console.log('capacity (next message when the reply arrives)');
    console.log(`${row('  one node, memory', chat.capacity.borderless)}${loop(undefined)}`);
    console.log(`${row('  two nodes, Redis', chat.nodes.capacity.twoNodes)}${loop(chat.nodes.capacity.twoNodes.maxEventLoopDelayMs)}`);
    console.log(`the rows in memory are those above; Redis keys written by these runs and removed afterwards: ${chat.nodes.keysRemoved}`);
  }
}
