// The behaviour every Store must have, run against each implementation so they cannot drift.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeAnalytics } from '../../src/analytics/index.js';
import type { Message } from '../../src/shared/protocol.js';
import type { ConversationRecord, Store } from '../../src/store/index.js';

const at = '2026-11-23T10:00:00.000Z';

export const conversation = (overrides: Partial<ConversationRecord> = {}): ConversationRecord => ({
  id: randomUUID(),
  tokenHash: randomUUID(),
  status: 'bot',
  state: { turns: 0, lowConfidenceStreak: 0 },
  createdAt: at,
  updatedAt: at,
  ...overrides,
});

const message = (conversationId: string, text: string, author: Message['author'] = 'shopper'): Message => ({
  id: randomUUID(),
  conversationId,
  author,
  text,
  createdAt: at,
});

export function storeContract(name: string, create: () => Promise<Store>): void {
  describe(`${name} store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await create();
    });
    afterEach(() => store.close());

    it('creates, finds by id and by token hash, and saves conversations', async () => {
      const record = conversation();
      await store.createConversation(record);
      expect(await store.getConversation(record.id)).toEqual(record);
      expect(await store.findConversationByTokenHash(record.tokenHash)).toEqual(record);
      expect(await store.findConversationByTokenHash('no-such-hash')).toBeUndefined();
      await store.saveConversation({ ...record, status: 'queued', priority: 2 });
      expect(await store.getConversation(record.id)).toMatchObject({ status: 'queued', priority: 2 });
    });

    it('moves a conversation to a new token hash: the old one finds nothing', async () => {
      const record = conversation();
      await store.createConversation(record);
      await store.saveConversation({ ...record, tokenHash: 'rotated' });
      expect(await store.findConversationByTokenHash('rotated')).toMatchObject({ id: record.id });
      expect(await store.findConversationByTokenHash(record.tokenHash)).toBeUndefined();
    });

    it('keeps what it stored: changing a returned record either fails or changes nothing stored', async () => {
      const record = conversation();
      await store.createConversation(record);
      const returned = (await store.getConversation(record.id))!;
      // Redis gives a copy; memory gives its own immutable record, frozen in tests, so the change fails there.
      try {
        returned.state.turns = 99;
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError);
      }
      expect((await store.getConversation(record.id))!.state.turns).toBe(0);
    });

    it('lets exactly one of two concurrent conditional saves through', async () => {
      const record = conversation({ status: 'queued' });
      await store.createConversation(record);
      const results = await Promise.all([
        store.saveConversationIf({ ...record, status: 'assigned', assignedTo: 'agent-a' }, 'queued'),
        store.saveConversationIf({ ...record, status: 'assigned', assignedTo: 'agent-b' }, 'queued'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = (await store.getConversation(record.id))!;
      expect(stored.assignedTo).toBe(results[0] ? 'agent-a' : 'agent-b');
      expect(await store.listConversationsByStatus(['assigned'])).toHaveLength(1);
      expect(await store.saveConversationIf({ ...record, status: 'bot' }, 'queued')).toBe(false);
    });

    it('keeps messages in order and stores a resent clientMessageId once', async () => {
      const record = conversation();
      await store.createConversation(record);
      const first = await store.appendMessage(message(record.id, 'hello'), 'client-1');
      const again = await store.appendMessage(message(record.id, 'hello'), 'client-1');
      await store.appendMessage(message(record.id, 'hi!', 'bot'));
      expect(first.isDuplicate).toBe(false);
      expect(again).toEqual({ message: first.message, isDuplicate: true });
      expect((await store.listMessages(record.id)).map((stored) => stored.text)).toEqual(['hello', 'hi!']);
    });

    it("keeps each conversation's unread count and last message as messages are stored, a resent one counted once", async () => {
      const record = conversation();
      const quiet = conversation();
      await store.createConversation(record);
      await store.createConversation(quiet);
      await store.appendMessage(message(record.id, 'hello'), 'client-1');
      await store.appendMessage(message(record.id, 'hello'), 'client-1');
      await store.appendMessage(message(record.id, 'a person please'));
      await store.appendMessage({ ...message(record.id, 'Ana joined the chat.', 'system') });
      expect((await store.messageDigests([record.id, quiet.id])).get(record.id)).toEqual({ unread: 2, lastMessage: 'a person please' });
      expect((await store.messageDigests([quiet.id])).has(quiet.id)).toBe(false);
      await store.appendMessage(message(record.id, 'Hi, I am Ana.', 'agent'));
      expect((await store.messageDigests([record.id])).get(record.id)).toEqual({ unread: 0, lastMessage: 'Hi, I am Ana.' });
      await store.deleteConversation(record.id);
      expect((await store.messageDigests([record.id])).size).toBe(0);
    });

    it('refuses a message for a conversation that does not exist', async () => {
      await expect(store.appendMessage(message(randomUUID(), 'lost?'))).rejects.toThrow(/does not exist/);
    });

    it('lists conversations by status', async () => {
      const queued = conversation({ status: 'queued' });
      const assigned = conversation({ status: 'assigned', assignedTo: 'agent-1' });
      await store.createConversation(queued);
      await store.createConversation(assigned);
      await store.createConversation(conversation());
      const listed = await store.listConversationsByStatus(['queued', 'assigned']);
      expect(listed.map((record) => record.id).sort()).toEqual([queued.id, assigned.id].sort());
    });

    // Far in the future: the Redis store lets a session key expire with the session itself.
    it('expires agent sessions and deletes them on logout', async () => {
      await store.createAgentSession({ tokenHash: 'h1', agentId: 'a1', expiresAt: '2099-11-23T12:00:00.000Z' });
      expect(await store.getAgentSession('h1', new Date('2099-11-23T11:00:00Z'))).toMatchObject({ agentId: 'a1' });
      expect(await store.getAgentSession('h1', new Date('2099-11-23T12:00:01Z'))).toBeUndefined();
      await store.createAgentSession({ tokenHash: 'h2', agentId: 'a1', expiresAt: '2099-11-23T12:00:00.000Z' });
      await store.deleteAgentSession('h2');
      expect(await store.getAgentSession('h2', new Date('2099-11-23T11:00:00Z'))).toBeUndefined();
    });

    it('keeps the agents directory by id: a saved agent replaces the one with its id', async () => {
      const ana = { id: 'a1', email: 'ana@shop.example', name: 'Ana', languages: ['en'], role: 'agent', passwordHash: 'scrypt$x' };
      await store.saveAgent(ana);
      await store.saveAgent({ id: 'a2', email: 'bo@shop.example', name: 'Bo', languages: ['ja'], role: 'operator', passwordHash: 'scrypt$y' });
      await store.saveAgent({ ...ana, name: 'Ana María' });
      const agents = (await store.listAgents()).sort((a, b) => a.id.localeCompare(b.id));
      expect(agents.map((agent) => agent.name)).toEqual(['Ana María', 'Bo']);
      expect(agents[0]).toEqual({ ...ana, name: 'Ana María' });
    });

    it('keeps the latest handling times, newest first', async () => {
      for (const seconds of [60, 120, 180]) await store.recordHandlingTime(seconds, 2);
      expect(await store.listHandlingTimes()).toEqual([180, 120]);
    });

    it('keeps the audit log and unanswered messages newest first', async () => {
      await store.appendAudit({ at, agentId: 'a1', action: 'claim', conversationId: 'c1' });
      await store.appendAudit({ at, agentId: 'a1', action: 'resolve', conversationId: 'c1' });
      expect((await store.listAudit(10)).map((entry) => entry.action)).toEqual(['resolve', 'claim']);
      await store.recordUnanswered({ text: 'first', language: 'en', guessedIntent: 'greeting', confidence: 0.2, at });
      await store.recordUnanswered({ text: 'second', language: 'en', guessedIntent: 'greeting', confidence: 0.2, at });
      expect((await store.listUnanswered(1)).map((entry) => entry.text)).toEqual(['second']);
    });

    it('counts hits in fixed windows', async () => {
      expect(await store.hit('k', 60_000, 1_000)).toBe(1);
      expect(await store.hit('k', 60_000, 2_000)).toBe(2);
      expect(await store.hit('k', 60_000, 62_000)).toBe(1);
      expect(await store.hit('other', 60_000, 2_000)).toBe(1);
    });

    it('counts failures in a sliding window per key, keeps the last 100, and forgets them on demand', async () => {
      const minute = 60_000;
      expect(await store.recordFailure('login:a', 1 * minute, 10 * minute)).toEqual([1 * minute]);
      expect(await store.recordFailure('login:a', 5 * minute, 10 * minute)).toEqual([1 * minute, 5 * minute]);
      expect(await store.recordFailure('login:b', 5 * minute, 10 * minute)).toEqual([5 * minute]);
      // The window slides: the first failure leaves it ten minutes later.
      expect(await store.listFailures('login:a', 11 * minute, 10 * minute)).toEqual([5 * minute]);
      expect(await store.recordFailure('login:a', 12 * minute, 10 * minute)).toEqual([5 * minute, 12 * minute]);
      for (let index = 0; index < 120; index++) await store.recordFailure('login:c', 20 * minute + index, 10 * minute);
      const kept = await store.listFailures('login:c', 21 * minute, 10 * minute);
      expect(kept).toHaveLength(100);
      expect(kept.at(-1)).toBe(20 * minute + 119);
      await store.clearFailures('login:a');
      expect(await store.listFailures('login:a', 12 * minute, 10 * minute)).toEqual([]);
    });

    it("lists a customer's conversations, most recent first", async () => {
      const older = conversation({ customerId: 'cust_1', updatedAt: '2026-11-01T00:00:00.000Z' });
      const newer = conversation({ customerId: 'cust_1', updatedAt: '2026-11-20T00:00:00.000Z' });
      await store.createConversation(older);
      await store.createConversation(newer);
      await store.createConversation(conversation({ customerId: 'cust_2' }));
      await store.createConversation(conversation());
      expect((await store.listConversationsByCustomer('cust_1')).map((record) => record.id)).toEqual([newer.id, older.id]);
      expect(await store.listConversationsByCustomer('nobody')).toEqual([]);
    });

    it('lists the most recently updated conversations first, a page at a time', async () => {
      const old = conversation({ updatedAt: '2026-01-01T00:00:00.000Z' });
      const middle = conversation({ updatedAt: '2026-06-01T00:00:00.000Z' });
      const recent = conversation({ updatedAt: '2026-11-20T00:00:00.000Z' });
      for (const record of [middle, old, recent]) await store.createConversation(record);
      expect((await store.listRecentConversations(2)).map((record) => record.id)).toEqual([recent.id, middle.id]);
      expect((await store.listRecentConversations(2, 2)).map((record) => record.id)).toEqual([old.id]);
      // A save moves it to the front.
      await store.saveConversation({ ...old, updatedAt: '2026-11-21T00:00:00.000Z' });
      expect((await store.listRecentConversations(1))[0]!.id).toBe(old.id);
    });

    it('lists conversations not updated since a moment, oldest first', async () => {
      const old = conversation({ updatedAt: '2026-01-01T00:00:00.000Z' });
      const older = conversation({ updatedAt: '2025-06-01T00:00:00.000Z' });
      const recent = conversation({ updatedAt: '2026-11-20T00:00:00.000Z' });
      for (const record of [old, older, recent]) await store.createConversation(record);
      const before = new Date('2026-02-01T00:00:00.000Z');
      expect((await store.listConversationsUpdatedBefore(before, 10)).map((record) => record.id)).toEqual([older.id, old.id]);
      expect(await store.listConversationsUpdatedBefore(before, 1)).toHaveLength(1);
      // A later save moves it out of the old ones.
      await store.saveConversation({ ...old, updatedAt: '2026-11-21T00:00:00.000Z' });
      expect((await store.listConversationsUpdatedBefore(before, 10)).map((record) => record.id)).toEqual([older.id]);
    });

    it('deletes a conversation with its messages, token and index entries', async () => {
      const record = conversation({ customerId: 'cust_9', status: 'queued', updatedAt: '2025-01-01T00:00:00.000Z' });
      await store.createConversation(record);
      await store.appendMessage(message(record.id, 'my address is 1 Main St'), 'client-1');
      await store.deleteConversation(record.id);
      expect(await store.getConversation(record.id)).toBeUndefined();
      expect(await store.findConversationByTokenHash(record.tokenHash)).toBeUndefined();
      expect(await store.listMessages(record.id)).toEqual([]);
      expect(await store.listConversationsByCustomer('cust_9')).toEqual([]);
      expect((await store.listConversationsByStatus(['queued'])).map((found) => found.id)).not.toContain(record.id);
      expect(await store.listConversationsUpdatedBefore(new Date(), 100)).not.toContainEqual(expect.objectContaining({ id: record.id }));
      await expect(store.appendMessage(message(record.id, 'again'), 'client-1')).rejects.toThrow(/does not exist/);
      await store.deleteConversation('no-such-id');
    });

    it("keeps a conversation's picture records up to the limit, and forgets them with the conversation", async () => {
      const record = conversation();
      await store.createConversation(record);
      const picture = (id: string) => ({
        id,
        conversationId: record.id,
        type: 'image/png' as const,
        width: 4,
        height: 3,
        size: 120,
        createdAt: at,
        uploadedBy: 'shopper',
      });
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      const added = await Promise.all(ids.map((id) => store.addAttachment(picture(id), 2)));
      expect(added.filter(Boolean)).toHaveLength(2);
      const kept = await store.listAttachments(record.id);
      expect(kept).toHaveLength(2);
      expect(await store.getAttachment(kept[0]!.id)).toEqual(kept[0]);
      expect(await store.listAttachments('another-conversation')).toEqual([]);
      await store.deleteConversation(record.id);
      expect(await store.listAttachments(record.id)).toEqual([]);
      expect(await store.getAttachment(kept[0]!.id)).toBeUndefined();
    });

    it('remembers a key once until it expires', async () => {
      expect(await store.rememberOnce('event-1', 200)).toBe(true);
      expect(await store.rememberOnce('event-1', 200)).toBe(false);
      expect(await store.rememberOnce('event-2', 200)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await store.rememberOnce('event-1', 200)).toBe(true);
    });

    it('hands each due job to exactly one caller, earliest first, and keeps the rest', async () => {
      const job = (id: string, runAt: string) => ({ id, kind: 'follow-up', runAt, payload: { orderNumber: id } });
      await store.scheduleJob(job('late', '2026-12-10T00:00:00.000Z'));
      await store.scheduleJob(job('second', '2026-11-02T00:00:00.000Z'));
      await store.scheduleJob(job('first', '2026-11-01T00:00:00.000Z'));
      await store.scheduleJob(job('moved', '2026-11-01T00:00:00.000Z'));
      await store.scheduleJob(job('moved', '2026-12-20T00:00:00.000Z'));
      const now = new Date('2026-11-23T00:00:00.000Z');
      const [a, b] = await Promise.all([store.takeDueJobs(now, 10), store.takeDueJobs(now, 10)]);
      const taken = [...a, ...b];
      expect(taken.map((found) => found.id).sort()).toEqual(['first', 'second']);
      expect((a.length ? a : b).map((found) => found.id)).toEqual(['first', 'second']);
      expect(taken[0]?.payload).toEqual({ orderNumber: 'first' });
      expect(await store.takeDueJobs(now, 10)).toEqual([]);
      expect((await store.takeDueJobs(new Date('2026-12-31T00:00:00.000Z'), 10)).map((found) => found.id)).toEqual(['late', 'moved']);
    });

    it('keeps the analytics totals current through every write', async () => {
      const engaged = conversation({ state: { turns: 2, lowConfidenceStreak: 0, language: 'es' }, lastIntent: 'order_status' });
      const handedOff = conversation({
        state: { turns: 1, lowConfidenceStreak: 0, language: 'en' },
        status: 'queued',
        handoff: { reason: 'requested', priority: 0, at, intent: 'human_agent' },
      });
      await store.createConversation(conversation()); // nobody wrote in it: not counted
      await store.createConversation(engaged);
      await store.createConversation(handedOff);
      await store.saveConversation({ ...engaged, status: 'closed', rating: { score: 5 } });
      await store.saveConversation({ ...engaged, status: 'closed', rating: { score: 2 } });
      expect(computeAnalytics(await store.analyticsTotals(), [])).toMatchObject({
        conversations: 2,
        handoffRate: 0.5,
        ratings: 1,
        ratingAverage: 2,
        handoffsByLanguage: { es: { conversations: 1, handoffs: 0, handoffRate: 0 }, en: { conversations: 1, handoffs: 1, handoffRate: 1 } },
      });
      await store.deleteConversation(handedOff.id);
      expect(computeAnalytics(await store.analyticsTotals(), [])).toMatchObject({
        conversations: 1,
        handoffRate: 0,
        ratings: 1,
        handoffsByIntent: { order_status: { conversations: 1, handoffs: 0, handoffRate: 0 } },
      });
    });

    it('lists conversations nobody wrote in, oldest first, until their first message', async () => {
      const first = conversation({ createdAt: '2026-11-01T00:00:00.000Z' });
      const second = conversation({ createdAt: '2026-11-02T00:00:00.000Z' });
      const recent = conversation({ createdAt: '2026-11-23T00:00:00.000Z' });
      for (const record of [first, second, recent]) await store.createConversation(record);
      const before = new Date('2026-11-10T00:00:00.000Z');
      expect(await store.listEmptyConversations(before, 10)).toEqual([first.id, second.id]);
      expect(await store.listEmptyConversations(before, 1)).toEqual([first.id]);
      await store.appendMessage(message(first.id, 'hello'));
      expect(await store.listEmptyConversations(before, 10)).toEqual([second.id]);
      await store.deleteConversation(second.id);
      expect(await store.listEmptyConversations(before, 10)).toEqual([]);
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}
