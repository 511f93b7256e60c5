// The retention period: conversations untouched for longer than RETENTION_DAYS are deleted, in batches, on a timer
// that every node runs. Nodes sharing Redis take turns through a lease; a conversation deleted twice is harmless.
import type { Store } from '../store/index.js';
import type { Eraser } from './erase.js';

const DAY_MS = 86_400_000;
const LEASE_KEY = 'retention:purge';

export interface PurgeOptions {
  store: Store;
  eraser: Eraser;
  /** 0 keeps everything. */
  retentionDays: number;
  now: Date;
  batchSize?: number;
  /** A run ends after this many batches and the next run goes on, so one run cannot hold a node for long. */
  maxBatches?: number;
  signal?: AbortSignal;
}

export interface PurgeResult {
  conversations: number;
  messages: number;
}

/** Deletes the conversations last updated more than `retentionDays` before `now`, oldest first. */
export async function purgeExpired({ store, eraser, retentionDays, now, batchSize = 100, maxBatches = 100, signal }: PurgeOptions): Promise<PurgeResult> {
  const removed: PurgeResult = { conversations: 0, messages: 0 };
  if (retentionDays === 0) return removed;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  for (let batch = 0; batch < maxBatches; batch++) {
    const expired = await store.listConversationsUpdatedBefore(cutoff, batchSize);
    for (const record of expired) {
      if (signal?.aborted) return removed;
      const erased = await eraser.deleteConversationData(record.id, { updatedBefore: cutoff });
      if (!erased) continue;
      removed.conversations++;
      removed.messages += erased.messages;
    }
    if (expired.length < batchSize) break;
  }
  return removed;
}

export interface RetentionScheduleOptions extends Omit<PurgeOptions, 'now' | 'signal'> {
  now: () => Date;
  logger: { info(object: object, message: string): void; debug(object: object, message: string): void; error(object: object, message: string): void };
  intervalMs?: number;
  /** The first run comes shortly after start, not at once: start-up stays quick. */
  firstRunDelayMs?: number;
}

/** Purges now and then until stopped; the timers never keep the process alive. */
export function startRetention({ now, logger, intervalMs = 3_600_000, firstRunDelayMs = 60_000, ...purge }: RetentionScheduleOptions): { stop(): Promise<void> } {
  if (purge.retentionDays === 0) return { stop: async () => undefined };
  const aborted = new AbortController();
  let running: Promise<void> | undefined;

  const run = async () => {
    // One node per period does the work; the lease ends a little before the next period, so if that node is
    // gone, another takes over.
    if (!(await purge.store.rememberOnce(LEASE_KEY, Math.floor(intervalMs * 0.9)))) return;
    const removed = await purgeExpired({ ...purge, now: now(), signal: aborted.signal });
    const fields = { ...removed, retentionDays: purge.retentionDays };
    if (removed.conversations > 0) logger.info(fields, 'retention: deleted conversations past the retention period');
    else logger.debug(fields, 'retention: nothing past the retention period');
  };
  const tick = () => {
    if (running || aborted.signal.aborted) return;
    running = run()
      .catch((error: unknown) => logger.error({ err: error }, 'retention purge failed; the next run tries again'))
      .finally(() => (running = undefined));
  };
  const first = setTimeout(tick, firstRunDelayMs).unref();
  const every = setInterval(tick, intervalMs).unref();

  return {
    async stop() {
      aborted.abort();
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
