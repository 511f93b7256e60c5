// Analytics for the store: how much the bot handles alone, where it hands off (by intent and language), how long
// shoppers wait for people, how they rate, and what the bot did not understand.
import { groupSuggestions, type UnansweredMessage } from '../learning/suggestions.js';
import type { Analytics, HandoffBreakdown } from '../shared/protocol.js';
import type { ConversationRecord } from '../store/index.js';

const average = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);
const rate = (part: number, whole: number) => (whole ? part / whole : 0);

function breakdown(records: ConversationRecord[], key: (record: ConversationRecord) => string | undefined): Record<string, HandoffBreakdown> {
  const table: Record<string, HandoffBreakdown> = {};
  for (const record of records) {
    const name = key(record) ?? 'unknown';
    table[name] ??= { conversations: 0, handoffs: 0, handoffRate: 0 };
    table[name].conversations++;
    if (record.handoff) table[name].handoffs++;
  }
  for (const row of Object.values(table)) row.handoffRate = rate(row.handoffs, row.conversations);
  return table;
}

/** Conversations where the shopper wrote at least once; a conversation counts as automated if it never went to a person. */
export function computeAnalytics(records: ConversationRecord[], unanswered: UnansweredMessage[]): Analytics {
  const engaged = records.filter((record) => record.state.turns > 0);
  const handedOff = engaged.filter((record) => record.handoff);
  const rated = engaged.flatMap((record) => (record.rating ? [record.rating.score] : []));
  return {
    conversations: engaged.length,
    automationRate: rate(engaged.length - handedOff.length, engaged.length),
    handoffRate: rate(handedOff.length, engaged.length),
    handoffsByIntent: breakdown(engaged, (record) => record.handoff?.intent ?? record.lastIntent),
    handoffsByLanguage: breakdown(engaged, (record) => record.state.language),
    averageWaitSeconds: average(handedOff.flatMap((record) => (record.waitSeconds === undefined ? [] : [record.waitSeconds]))),
    averageFirstResponseSeconds: average(handedOff.flatMap((record) => (record.firstResponseSeconds === undefined ? [] : [record.firstResponseSeconds]))),
    ratings: rated.length,
    ratingAverage: average(rated),
    topUnanswered: groupSuggestions(unanswered).slice(0, 10),
  };
}
