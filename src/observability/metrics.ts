// Prometheus metrics (prom-client), one registry per app: what shoppers ask and how the bot does, hand-offs, the
// queue, ratings, connections and content reloads.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

interface StateReader {
  queueLength(): Promise<number>;
  connections(namespace: 'shopper' | 'agent'): number;
  /** Conversations rated with each score, by their last rating. */
  ratings(): Promise<Map<number, number>>;
}

export type Outcome = 'answered' | 'clarified' | 'handed_off' | 'unanswered';

/** What the server counts as it happens: messages and the pipeline's time, hand-offs, queue waits, reloads. */
function eventMetrics(registry: Registry) {
  return {
    messages: new Counter({
      name: 'borderless_messages_total',
      help: 'Shopper messages by language, intent and what the bot did with them',
      labelNames: ['language', 'intent', 'outcome'] as const,
      registers: [registry],
    }),
    pipelineSeconds: new Histogram({
      name: 'borderless_pipeline_seconds',
      help: 'Time the pipeline takes for one message',
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05],
      registers: [registry],
    }),
    handoffs: new Counter({
      name: 'borderless_handoffs_total',
      help: 'Conversations handed to people, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    handoffsRefused: new Counter({
      name: 'borderless_handoffs_refused_total',
      help: 'Requests for a person refused past a cap (per client address or in all); the bot kept the conversation',
      labelNames: ['cap'] as const,
      registers: [registry],
    }),
    waitSeconds: new Histogram({
      name: 'borderless_queue_wait_seconds',
      help: 'How long shoppers waited in the queue before an agent claimed them',
      buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600],
      registers: [registry],
    }),
    reloads: new Counter({
      name: 'borderless_content_reloads_total',
      help: 'Content reloads, by result',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
  };
}

/** What is read when Prometheus scrapes, so the figures are current: the queue, ratings and connections. */
function stateGauges(registry: Registry, state: () => StateReader | undefined): void {
  new Gauge({
    name: 'borderless_queue_length',
    help: 'Conversations waiting for an agent',
    registers: [registry],
    async collect() {
      const read = state();
      if (read) this.set(await read.queueLength());
    },
  });
  new Gauge({
    // A gauge read from the store, not a counter of rating events: a conversation counts once, with its last rating.
    name: 'borderless_rated_conversations',
    help: 'Conversations by the score of their last rating',
    labelNames: ['score'] as const,
    registers: [registry],
    async collect() {
      const read = state();
      if (!read) return;
      for (const [score, conversations] of await read.ratings()) this.set({ score: String(score) }, conversations);
    },
  });
  new Gauge({
    name: 'borderless_connections',
    help: 'Connected sockets by namespace',
    labelNames: ['namespace'] as const,
    registers: [registry],
    collect() {
      const read = state();
      if (!read) return;
      this.set({ namespace: 'shopper' }, read.connections('shopper'));
      this.set({ namespace: 'agent' }, read.connections('agent'));
    },
  });
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'borderless_process_' });
  const { messages, pipelineSeconds, handoffs, handoffsRefused, waitSeconds, reloads } = eventMetrics(registry);
  // One counter per language, intent and outcome (a few hundred at most), kept: prom-client would otherwise sort
  // and join the labels again for every message.
  const messageCounters = new Map<string, { inc(): void }>();
  let state: StateReader | undefined;
  stateGauges(registry, () => state);

  return {
    registry,
    message(language: string, intent: string, outcome: Outcome, seconds?: number) {
      const key = `${language} ${intent} ${outcome}`;
      let counter = messageCounters.get(key);
      if (!counter) messageCounters.set(key, (counter = messages.labels({ language, intent, outcome })));
      counter.inc();
      if (seconds !== undefined) pipelineSeconds.observe(seconds);
    },
    handoff: (reason: string) => handoffs.inc({ reason }),
    handoffRefused: (cap: 'address' | 'global') => handoffsRefused.inc({ cap }),
    waited: (seconds: number) => waitSeconds.observe(seconds),
    reload: (ok: boolean) => reloads.inc({ result: ok ? 'ok' : 'rejected' }),
    /** Where the gauges read from when Prometheus scrapes, so the figures are current. */
    observeState(read: StateReader) {
      state = read;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
