// Analytics for the store: how much the bot handles alone, where it hands off (by intent and language), how long
// shoppers wait for people, how they rate, and what the bot did not understand. The store keeps running totals of
// what each conversation contributes (its tally), changed on every write, so reading them costs the same with ten
// conversations or a million: nothing is copied or counted again.
import { groupSuggestions, type UnansweredMessage } from '../learning/index.js';
import type { Analytics, HandoffBreakdown } from '../shared/index.js';
import type { Tally } from '../store/index.js';

const rate = (part: number, whole: number) => (whole ? part / whole : 0);
const average = (sum: number, count: number) => (count ? sum / count : null);

/** The counts of the conversations rated with each score (the gauge on /metrics). */
export function ratingCounts(totals: Tally): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [name, value] of Object.entries(totals)) {
    const score = name.match(/^rating:(\d+)$/)?.[1];
    if (score) counts.set(Number(score), value);
  }
  return counts;
}

function breakdown(totals: Tally, kind: 'intent' | 'language'): Record<string, HandoffBreakdown> {
  const table: Record<string, HandoffBreakdown> = {};
  for (const [name, value] of Object.entries(totals)) {
    const key = name.match(new RegExp(`^${kind}:(.+):conversations$`))?.[1];
    if (key === undefined || value <= 0) continue;
    const handoffs = totals[`${kind}:${key}:handoffs`] ?? 0;
    table[key] = { conversations: value, handoffs, handoffRate: rate(handoffs, value) };
  }
  return table;
}

export function computeAnalytics(totals: Tally, unanswered: UnansweredMessage[]): Analytics {
  const count = (name: string) => totals[name] ?? 0;
  const ratings = [...ratingCounts(totals)];
  const rated = ratings.reduce((sum, [, conversations]) => sum + conversations, 0);
  return {
    conversations: count('conversations'),
    automationRate: rate(count('conversations') - count('handoffs'), count('conversations')),
    handoffRate: rate(count('handoffs'), count('conversations')),
    handoffsByIntent: breakdown(totals, 'intent'),
    handoffsByLanguage: breakdown(totals, 'language'),
    averageWaitSeconds: average(count('waitSeconds'), count('waits')),
    averageFirstResponseSeconds: average(count('firstResponseSeconds'), count('firstResponses')),
    ratings: rated,
    ratingAverage: average(
      ratings.reduce((sum, [score, conversations]) => sum + score * conversations, 0),
      rated,
    ),
    topUnanswered: groupSuggestions(unanswered).slice(0, 10),
  };
}
