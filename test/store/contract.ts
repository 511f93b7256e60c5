// The behaviour every Store must have, run against each implementation so they cannot drift.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const message = (conversationId: string, text: string, author: Message['author'] = 'shopper'): Message => ({ id: randomUUID(), conversationId, author, text, createdAt: at });

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

    it('gives copies: changing a returned record changes nothing stored', async () => {
      const record = conversation();
      await store.createConversation(record);
      const copy = (await store.getConversation(record.id))!;
      copy.state.turns = 99;
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

    it('expires agent sessions and deletes them on logout', async () => {
      await store.createAgentSession({ tokenHash: 'h1', agentId: 'a1', expiresAt: '2026-11-23T12:00:00.000Z' });
      expect(await store.getAgentSession('h1', new Date('2026-11-23T11:00:00Z'))).toMatchObject({ agentId: 'a1' });
      expect(await store.getAgentSession('h1', new Date('2026-11-23T12:00:01Z'))).toBeUndefined();
      await store.createAgentSession({ tokenHash: 'h2', agentId: 'a1', expiresAt: '2026-11-23T12:00:00.000Z' });
      await store.deleteAgentSession('h2');
      expect(await store.getAgentSession('h2', new Date('2026-11-23T11:00:00Z'))).toBeUndefined();
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

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}
