// Runs work the store keeps for later (order follow-ups, store events): every node polls the store, which hands
// each due job to exactly one of them, so jobs survive a restart and run once however many nodes there are.
import type { Logger } from '../shared/index.js';
import type { ScheduledJob, Store } from '../store/index.js';

export type JobHandler = (job: ScheduledJob) => Promise<void>;

export interface Scheduler {
  /** Keeps a job for later; at `runAt` (or the next poll after it) one node runs it. */
  schedule(job: ScheduledJob): Promise<void>;
  /** Looks for due jobs now instead of at the next poll (work just scheduled for now). */
  poke(): void;
  /** Stops polling and waits for the jobs being run. */
  close(): Promise<void>;
}

/** A failing job is tried again this many times, a little later each time. */
const MAX_ATTEMPTS = 4;
const RETRY_DELAY_MS = 30_000;
const BATCH = 20;

export function createScheduler({
  store,
  handlers,
  intervalMs,
  now,
  logger,
}: {
  store: Store;
  handlers: Record<string, JobHandler>;
  intervalMs: number;
  now: () => Date;
  logger: Logger;
}): Scheduler {
  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;

  async function run(job: ScheduledJob): Promise<void> {
    const handler = handlers[job.kind];
    if (!handler) {
      logger.warn({ job: job.id, kind: job.kind }, 'no handler for a scheduled job; dropped');
      return;
    }
    try {
      await handler(job);
    } catch (error) {
      const attempt = (typeof job.payload.attempt === 'number' ? job.payload.attempt : 0) + 1;
      if (attempt >= MAX_ATTEMPTS) {
        logger.error({ err: error, job: job.id, kind: job.kind, attempts: attempt }, 'a scheduled job failed for the last time; dropped');
        return;
      }
      logger.warn({ err: error, job: job.id, kind: job.kind, attempt }, 'a scheduled job failed; it will be tried again');
      const runAt = new Date(now().getTime() + RETRY_DELAY_MS * 2 ** (attempt - 1)).toISOString();
      await store
        .scheduleJob({ ...job, runAt, payload: { ...job.payload, attempt } })
        .catch((scheduleError: unknown) => logger.error({ err: scheduleError, job: job.id }, 'could not schedule a failed job again'));
    }
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (closed) return;
        const due = await store.takeDueJobs(now(), BATCH);
        for (const job of due) await run(job);
        if (due.length < BATCH) break;
      }
    } while (again && !closed);
  }

  function poke(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => logger.error({ err: error }, 'could not read scheduled jobs; trying again at the next poll'))
      .finally(() => {
        running = undefined;
      });
  }

  const timer = setInterval(poke, intervalMs).unref();
  // Jobs that fell due while no node was running start at once.
  poke();

  return {
    async schedule(job) {
      await store.scheduleJob(job);
      if (Date.parse(job.runAt) <= now().getTime()) poke();
    },
    poke,
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
    },
  };
}
