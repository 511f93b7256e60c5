// The console's store: server changes arrive as actions, whole queues now and single conversations later.
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../src/shared/protocol.js';
import { initialState, reduce, selectedConversation, type State } from '../../../src/web/console/store.js';

const summary = (id: string, changes: Partial<ConversationSummary> = {}): ConversationSummary => ({ id, status: 'queued', priority: 0, unread: 1, ...changes });
const apply = (state: State, ...actions: Parameters<typeof reduce>[1][]) => actions.reduce(reduce, state);

describe('the console store', () => {
  it('replaces the queue, and changes or removes one conversation in place', () => {
    const state = apply(initialState, { type: 'queueReplaced', conversations: [summary('a'), summary('b')] });
    const updated = reduce(state, { type: 'conversationUpdated', conversation: summary('b', { status: 'assigned', assignedTo: 'ana' }) });
    expect(updated.open.map((entry) => [entry.id, entry.status])).toEqual([
      ['a', 'queued'],
      ['b', 'assigned'],
    ]);
    expect(updated.open[0]).toBe(state.open[0]); // untouched entries keep their identity: their lines do not render again
    expect(reduce(updated, { type: 'conversationUpdated', conversation: summary('c') }).open.map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
    expect(reduce(updated, { type: 'conversationRemoved', conversationId: 'a' }).open.map((entry) => entry.id)).toEqual(['b']);
  });

  it('keeps showing a conversation the agent resolved after it leaves the open list, as closed', () => {
    let state = apply(
      initialState,
      { type: 'queueReplaced', conversations: [summary('a', { status: 'assigned', assignedTo: 'ana' })] },
      { type: 'selected', conversationId: 'a' },
    );
    state = reduce(state, { type: 'selectedChanged', changes: { status: 'closed', assignedTo: undefined } });
    state = reduce(state, { type: 'queueReplaced', conversations: [] });
    expect(selectedConversation(state)).toMatchObject({ id: 'a', status: 'closed' });
  });

  it('adds a live message only to a conversation whose history is loaded, and only once', () => {
    const message = { id: 'm1', conversationId: 'a', author: 'shopper' as const, text: 'hi', createdAt: '2026-12-01T10:00:00.000Z' };
    expect(reduce(initialState, { type: 'messageReceived', message })).toBe(initialState);
    const loaded = reduce(initialState, { type: 'historyLoaded', conversationId: 'a', messages: [] });
    const once = reduce(loaded, { type: 'messageReceived', message });
    expect(once.messages.a).toEqual([message]);
    expect(reduce(once, { type: 'messageReceived', message })).toBe(once);
  });
});
