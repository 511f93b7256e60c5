// The running analytics totals: whatever a write changes in a conversation, adding the write's change to the totals
// gives what counting the new version afresh gives, so the totals never drift from the conversations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTally, tallyChange, tallyConversation, type ConversationRecord, type Tally } from '../../src/store/index.js';

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const record: fc.Arbitrary<ConversationRecord> = fc
  .record({
    turns: fc.constantFrom(0, 1, 5),
    language: maybe(fc.constantFrom('en', 'es')),
    lastIntent: maybe(fc.constantFrom('order_status', 'greeting')),
    handoff: maybe(fc.record({ intent: maybe(fc.constantFrom('complaint', 'order_status')) })),
    waitSeconds: maybe(fc.constantFrom(3, 40)),
    firstResponseSeconds: maybe(fc.constantFrom(5, 60)),
    rating: maybe(fc.constantFrom(1, 5)),
    status: fc.constantFrom('bot', 'queued', 'closed' as const),
  })
  .map(({ turns, language, lastIntent, handoff, waitSeconds, firstResponseSeconds, rating, status }) => ({
    id: 'c1',
    tokenHash: 'hash',
    status,
    state: { turns, ...(language ? { language } : {}) } as ConversationRecord['state'],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...(lastIntent ? { lastIntent } : {}),
    ...(handoff ? { handoff: { reason: 'asked', priority: 0, at: '2026-01-01T00:00:00.000Z', ...(handoff.intent ? { intent: handoff.intent } : {}) } } : {}),
    ...(waitSeconds !== undefined ? { waitSeconds } : {}),
    ...(firstResponseSeconds !== undefined ? { firstResponseSeconds } : {}),
    ...(rating !== undefined ? { rating: { score: rating } } : {}),
  }));

const fields = ['turns', 'language', 'lastIntent', 'handoff', 'waitSeconds', 'firstResponseSeconds', 'rating', 'status'] as const;

const withoutZeros = (tally: Tally) => Object.fromEntries(Object.entries(tally).filter(([, value]) => value !== 0));

describe('analytics tally', () => {
  it('adding a write’s change to the old totals gives the new conversation’s totals', () => {
    fc.assert(
      fc.property(record, record, fc.array(fc.constantFrom(...fields)), (before, other, changed) => {
        // A write changes a few fields at a time.
        const after = { ...before, state: { ...before.state } } as Record<string, unknown>;
        for (const field of changed) {
          if (field === 'turns' || field === 'language') (after.state as Record<string, unknown>)[field] = other.state[field];
          else after[field] = other[field];
        }
        const totals = addTally({ ...tallyConversation(before) }, tallyChange(before, after as unknown as ConversationRecord));
        expect(withoutZeros(totals)).toEqual(withoutZeros(tallyConversation(after as unknown as ConversationRecord)));
      }),
      { numRuns: 2000 },
    );
  });

  it('a write that changes nothing counted changes no total', () => {
    fc.assert(
      fc.property(record, (before) => {
        expect(tallyChange(before, { ...before, updatedAt: '2026-02-01T00:00:00.000Z', status: 'assigned' })).toEqual({});
      }),
    );
  });
});
