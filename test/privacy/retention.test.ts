import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationLock } from '../../src/conversations/index.js';
import { newConversationState } from '../../src/pipeline/index.js';
import { createEraser, purgeExpired, startRetention } from '../../src/privacy/index.js';
import { createMemoryStore, createRedisStore, type ConversationRecord, type Store } from '../../src/store/index.js';
import { removeRedisKeys, TEST_REDIS_URL, until } from '../helpers.js';
import { recordingLogger } from '../recording-logger.js';

const prefixes: string[] = [];
const redisStore = () => {
  const prefix = `borderless-test:${randomUUID()}:`;
  prefixes.push(prefix);
  return createRedisStore(TEST_REDIS_URL, { prefix });
};
afterAll(() => removeRedisKeys(prefixes));

const NOW = new Date('2025-06-01T12:00:00Z');
const daysBefore = (days: number, from = NOW) => new Date(from.getTime() - days * 86_400_000).toISOString();

/** A conversation last changed at `updatedAt`, with a shopper message and a bot reply. */
async function conversation(store: Store, updatedAt: string): Promise<ConversationRecord> {
  const record: ConversationRecord = {
    id: randomUUID(),
    tokenHash: randomUUID(),
    status: 'closed',
    state: newConversationState(),
    createdAt: updatedAt,
    updatedAt,
    contactEmail: 'ana@example.com',
  };
  await store.createConversation(record);
  await store.appendMessage({ id: randomUUID(), conversationId: record.id, author: 'shopper', text: 'my address is 5 Rue Haute', createdAt: updatedAt });
  await store.appendMessage({ id: randomUUID(), conversationId: record.id, author: 'bot', text: 'Thank you!', createdAt: updatedAt });
  return record;
}

async function isGone(store: Store, record: ConversationRecord): Promise<boolean> {
  return (
    (await store.getConversation(record.id)) === undefined &&
    (await store.findConversationByTokenHash(record.tokenHash)) === undefined &&
    (await store.listMessages(record.id)).length === 0
  );
}

function collectingLogger() {
  const logger = recordingLogger();
  return { lines: logger.lines, logger };
}

describe.each([
  ['memory', createMemoryStore],
  ['redis', redisStore],
])('retention purge with the %s store', (_name, makeStore) => {
  let store: Store;
  let disconnected: string[];
  let eraser: ReturnType<typeof createEraser>;

  beforeEach(() => {
    store = makeStore();
    disconnected = [];
    eraser = createEraser({
      store,
      withConversationLock: createConversationLock(),
      deleteAttachments: async () => undefined,
      disconnectShoppers: (id) => disconnected.push(id),
      queueChanged: () => undefined,
    });
  });
  afterEach(() => store.close());

  it('deletes conversations nobody wrote in once they are EMPTY_CONVERSATION_HOURS old, with their pictures and widgets', async () => {
    const opened = (hoursAgo: number): ConversationRecord => {
      const at = new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();
      return { id: randomUUID(), tokenHash: randomUUID(), status: 'bot', state: newConversationState(), createdAt: at, updatedAt: at };
    };
    const abandoned = opened(25);
    const recent = opened(2);
    const written = opened(30);
    for (const record of [abandoned, recent, written]) await store.createConversation(record);
    await store.appendMessage({ id: randomUUID(), conversationId: written.id, author: 'shopper', text: 'hello', createdAt: written.createdAt });
    const pictures: string[] = [];
    eraser = createEraser({
      store,
      withConversationLock: createConversationLock(),
      deleteAttachments: async (id) => void pictures.push(id),
      disconnectShoppers: (id) => disconnected.push(id),
      queueChanged: () => undefined,
    });

    expect(await purgeExpired({ store, eraser, retentionDays: 365, emptyHours: 24, now: NOW })).toEqual({ conversations: 1, messages: 0 });
    expect(await isGone(store, abandoned)).toBe(true);
    expect(pictures).toEqual([abandoned.id]);
    expect(disconnected).toEqual([abandoned.id]);
    expect(await store.getConversation(recent.id)).toBeDefined();
    expect(await store.getConversation(written.id)).toBeDefined();
  });

  it('deletes conversations untouched for longer than the period, with their messages, token and contact e-mail', async () => {
    const old = await conversation(store, daysBefore(31));
    const removed = await purgeExpired({ store, eraser, retentionDays: 30, now: NOW });
    expect(removed).toEqual({ conversations: 1, messages: 2 });
    expect(await isGone(store, old)).toBe(true);
    expect(disconnected).toEqual([old.id]);
  });

  it('keeps conversations changed within the period', async () => {
    const recent = await conversation(store, daysBefore(29));
    const old = await conversation(store, daysBefore(400));
    await purgeExpired({ store, eraser, retentionDays: 30, now: NOW });
    expect(await store.getConversation(recent.id)).toMatchObject({ id: recent.id, contactEmail: 'ana@example.com' });
    expect(await store.listMessages(recent.id)).toHaveLength(2);
    expect(await isGone(store, old)).toBe(true);
  });

  it('keeps everything when the period is 0', async () => {
    const ancient = await conversation(store, daysBefore(5000));
    expect(await purgeExpired({ store, eraser, retentionDays: 0, now: NOW })).toEqual({ conversations: 0, messages: 0 });
    expect(await store.getConversation(ancient.id)).toBeDefined();
  });

  it('works through more expired conversations than fit in one batch', async () => {
    const old = await Promise.all([40, 50, 60, 70, 80].map((days) => conversation(store, daysBefore(days))));
    const kept = await conversation(store, daysBefore(1));
    expect(await purgeExpired({ store, eraser, retentionDays: 30, now: NOW, batchSize: 2 })).toEqual({ conversations: 5, messages: 10 });
    for (const record of old) expect(await isGone(store, record)).toBe(true);
    expect(await store.getConversation(kept.id)).toBeDefined();
  });

  it('counts a conversation once when two purges overlap', async () => {
    const old = await conversation(store, daysBefore(90));
    const [first, second] = await Promise.all([
      purgeExpired({ store, eraser, retentionDays: 30, now: NOW }),
      purgeExpired({ store, eraser, retentionDays: 30, now: NOW }),
    ]);
    expect(first.conversations + second.conversations).toBe(1);
    expect(await isGone(store, old)).toBe(true);
  });
});

describe('retention schedule', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });
  const eraserFor = (store: Store) =>
    createEraser({
      store,
      withConversationLock: createConversationLock(),
      deleteAttachments: async () => undefined,
      disconnectShoppers: () => undefined,
      queueChanged: () => undefined,
    });

  it('purges shortly after start and again every period until stopped, logging how many went', async () => {
    const store = createMemoryStore();
    stores.push(store);
    const { lines, logger } = collectingLogger();
    const now = () => new Date();
    const first = await conversation(store, daysBefore(40, now()));
    const retention = startRetention({ store, eraser: eraserFor(store), retentionDays: 30, now, logger, firstRunDelayMs: 10, intervalMs: 150 });
    try {
      await until(() => lines.some((line) => line.level === 'info'), 2000);
      expect(await store.getConversation(first.id)).toBeUndefined();
      expect(lines.find((line) => line.level === 'info')?.object).toMatchObject({ conversations: 1, messages: 2, retentionDays: 30 });

      const second = await conversation(store, daysBefore(40, now()));
      await until(() => lines.filter((line) => line.level === 'info').length === 2, 2000);
      expect(await store.getConversation(second.id)).toBeUndefined();
    } finally {
      await retention.stop();
    }
    const afterStop = await conversation(store, daysBefore(40, now()));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await store.getConversation(afterStop.id)).toBeDefined();
  });

  it('lets one of several nodes sharing Redis purge in a period', async () => {
    // Two nodes: two connections to the same keys.
    const prefix = `borderless-test:${randomUUID()}:`;
    prefixes.push(prefix);
    const nodes = [createRedisStore(TEST_REDIS_URL, { prefix }), createRedisStore(TEST_REDIS_URL, { prefix })];
    stores.push(...nodes);
    await Promise.all([40, 50, 60].map((days) => conversation(nodes[0]!, daysBefore(days, new Date()))));
    const logs = nodes.map(() => collectingLogger());
    const schedules = nodes.map((store, index) =>
      startRetention({
        store,
        eraser: eraserFor(store),
        retentionDays: 30,
        now: () => new Date(),
        logger: logs[index]!.logger,
        firstRunDelayMs: 10,
        intervalMs: 60_000,
      }),
    );
    try {
      await until(() => logs.some((log) => log.lines.length > 0), 2000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const runs = logs.flatMap((log) => log.lines);
      expect(runs).toHaveLength(1);
      expect(runs[0]?.object).toMatchObject({ conversations: 3 });
    } finally {
      await Promise.all(schedules.map((schedule) => schedule.stop()));
    }
  });
});
