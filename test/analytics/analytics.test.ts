import { describe, expect, it } from 'vitest';
import { computeAnalytics } from '../../src/analytics/index.js';
import { addTally, tallyChange, tallyConversation, type Tally } from '../../src/store/index.js';
import type { ConversationRecord } from '../../src/store/index.js';

const at = '2026-11-23T10:00:00Z';
const conversation = (overrides: Partial<ConversationRecord>): ConversationRecord => ({
  id: Math.random().toString(36).slice(2),
  tokenHash: 'x',
  status: 'bot',
  state: { turns: 2, lowConfidenceStreak: 0, language: 'en' },
  createdAt: at,
  updatedAt: at,
  ...overrides,
});

describe('store analytics', () => {
  it('sums up automation, hand-offs by intent and language, waits and ratings', () => {
    const records = [
      conversation({ lastIntent: 'order_status' }),
      conversation({ lastIntent: 'order_status', state: { turns: 1, lowConfidenceStreak: 0, language: 'es' } }),
      conversation({
        status: 'closed',
        handoff: { reason: 'requested', priority: 0, at, intent: 'human_agent' },
        waitSeconds: 30,
        firstResponseSeconds: 50,
        rating: { score: 4 },
      }),
      conversation({
        status: 'closed',
        handoff: { reason: 'complaint', priority: 2, at, intent: 'complaint' },
        waitSeconds: 90,
        firstResponseSeconds: 100,
        rating: { score: 2 },
        state: { turns: 3, lowConfidenceStreak: 0, language: 'es' },
      }),
      conversation({ state: { turns: 0, lowConfidenceStreak: 0 } }), // opened the widget, wrote nothing
    ];
    const totals = records.reduce<Tally>((sum, record) => addTally(sum, tallyConversation(record)), {});
    const analytics = computeAnalytics(totals, [{ text: 'blorp', language: 'en', guessedIntent: 'greeting', confidence: 0.1, at }]);
    expect(analytics).toMatchObject({
      conversations: 4,
      automationRate: 0.5,
      handoffRate: 0.5,
      averageWaitSeconds: 60,
      averageFirstResponseSeconds: 75,
      ratings: 2,
      ratingAverage: 3,
    });
    expect(analytics.handoffsByIntent.order_status).toEqual({ conversations: 2, handoffs: 0, handoffRate: 0 });
    expect(analytics.handoffsByIntent.complaint).toEqual({ conversations: 1, handoffs: 1, handoffRate: 1 });
    expect(analytics.handoffsByLanguage.es).toEqual({ conversations: 2, handoffs: 1, handoffRate: 0.5 });
    expect(analytics.topUnanswered[0]).toMatchObject({ guessedIntent: 'greeting', count: 1 });
  });

  it('counts a conversation once with its last rating, and forgets a deleted one', () => {
    const closed = conversation({ status: 'closed', handoff: { reason: 'requested', priority: 0, at }, waitSeconds: 20 });
    const totals = addTally({}, tallyChange(undefined, closed));
    let current = closed;
    for (const score of [5, 1, 4]) {
      const rated = { ...current, rating: { score } };
      addTally(totals, tallyChange(current, rated));
      current = rated;
    }
    expect(computeAnalytics(totals, [])).toMatchObject({ conversations: 1, ratings: 1, ratingAverage: 4, averageWaitSeconds: 20 });
    addTally(totals, tallyChange(current, undefined));
    expect(computeAnalytics(totals, [])).toMatchObject({ conversations: 0, ratings: 0, ratingAverage: null, averageWaitSeconds: null, handoffsByIntent: {} });
  });
});
