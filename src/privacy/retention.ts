// The retention period: conversations untouched for longer than RETENTION_DAYS, and conversations nobody wrote in
// for EMPTY_CONVERSATION_HOURS, are deleted, in batches, on a timer that every node runs. Nodes sharing Redis take
// turns through a lease; a conversation deleted twice is harmless.
import type { Logger } from '../shared/index.js';
import type { Store } from '../store/index.js';
import type { ErasedConversation, Eraser } from './erase.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const LEASE_KEY = 'retention:purge';

export interface PurgeOptions {
  store: Store;
  eraser: Eraser;
  /** 0 keeps everything. */
  retentionDays: number;
  /** Hours an empty conversation is kept after it was opened; 0 keeps it as long as any other. */
  emptyHours?: number;
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

/**
 * Deletes the conversations opened more than `emptyHours` before `now` in which nobody wrote, and those last
 * updated more than `retentionDays` before `now`, oldest first.
 */
export async function purgeExpired(options: PurgeOptions): Promise<PurgeResult> {
  const { store, eraser, emptyHours = 0, retentionDays, now } = options;
  const none: PurgeResult = { conversations: 0, messages: 0 };
  const emptyCutoff = new Date(now.getTime() - emptyHours * HOUR_MS);
  const empty =
    emptyHours === 0
      ? none
      : await eraseInBatches(
          (limit) => store.listEmptyConversations(emptyCutoff, limit),
          (id) => eraser.deleteConversationData(id, { onlyIfEmpty: true }),
          options,
        );
  const retentionCutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const old =
    retentionDays === 0
      ? none
      : await eraseInBatches(
          async (limit) => (await store.listConversationsUpdatedBefore(retentionCutoff, limit)).map((record) => record.id),
          (id) => eraser.deleteConversationData(id, { updatedBefore: retentionCutoff }),
          options,
        );
  return { conversations: empty.conversations + old.conversations, messages: empty.messages + old.messages };
}

/** Erases the conversations `list` names, a batch at a time, until a batch comes back short (or maxBatches). */
async function eraseInBatches(
  list: (limit: number) => Promise<string[]>,
  erase: (id: string) => Promise<ErasedConversation | undefined>,
  { batchSize = 100, maxBatches = 100, signal }: PurgeOptions,
): Promise<PurgeResult> {
  const removed: PurgeResult = { conversations: 0, messages: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const ids = await list(batchSize);
    for (const id of ids) {
      if (signal?.aborted) return removed;
      const erased = await erase(id);
      if (!erased) continue;
      removed.conversations++;
      removed.messages += erased.messages;
    }
    if (ids.length < batchSize) break;
  }
  return removed;
}

export interface RetentionScheduleOptions extends Omit<PurgeOptions, 'now' | 'signal'> {
  now: () => Date;
  logger: Logger;
  intervalMs?: number;
  /** The first run comes shortly after start, not at once: start-up stays quick. */
  firstRunDelayMs?: number;
}

/** Purges now and then (every 10 minutes) until stopped; the timers never keep the process alive. */
export function startRetention({ now, logger, intervalMs = 600_000, firstRunDelayMs = 60_000, ...purge }: RetentionScheduleOptions): { stop(): Promise<void> } {
  if (purge.retentionDays === 0 && !purge.emptyHours) return { stop: async () => undefined };
  const aborted = new AbortController();
  let running: Promise<void> | undefined;

  const run = async () => {
    // One node per period does the work; the lease ends a little before the next period, so if that node is
    // gone, another takes over.
    if (!(await purge.store.rememberOnce(LEASE_KEY, Math.floor(intervalMs * 0.9)))) return;
    const removed = await purgeExpired({ ...purge, now: now(), signal: aborted.signal });
    const fields = { ...removed, retentionDays: purge.retentionDays, emptyHours: purge.emptyHours };
    if (removed.conversations > 0) logger.info(fields, 'retention: deleted conversations past the retention period or left empty');
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
