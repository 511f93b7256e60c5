import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/index.js';
import { conversation, storeContract } from './contract.js';

storeContract('memory', async () => createMemoryStore({ freeze: true }));

describe('memory store ceiling', () => {
  it('evicts the least recently changed closed conversation to make room, and refuses clearly when none is closed', async () => {
    const store = createMemoryStore({ maxConversations: 3 });
    const evicted: string[] = [];
    store.onEvicted!((id) => evicted.push(id));
    const older = conversation({ status: 'closed' });
    const newer = conversation({ status: 'closed' });
    const open = conversation();
    for (const record of [older, newer, open]) await store.createConversation(record);
    await store.saveConversation({ ...older, updatedAt: '2026-11-24T00:00:00.000Z' }); // older changed last

    const next = conversation();
    await store.createConversation(next);
    expect(evicted).toEqual([newer.id]);
    expect(await store.getConversation(newer.id)).toBeUndefined();
    expect(await store.findConversationByTokenHash(newer.tokenHash)).toBeUndefined();

    await store.createConversation(conversation());
    expect(evicted).toEqual([newer.id, older.id]);
    await expect(store.createConversation(conversation())).rejects.toMatchObject({ code: 'capacity_reached', status: 503 });
    expect(await store.getConversation(open.id)).toBeDefined();
    expect(await store.getConversation(next.id)).toBeDefined();
  });
});
