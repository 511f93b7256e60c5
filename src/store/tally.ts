// The store's running analytics totals: what each conversation contributes (its tally), added on every write so
// that reading the totals costs the same with ten conversations or a million.
import type { ConversationRecord, Tally } from './types.js';

/**
 * What one conversation adds to the totals. Only conversations where the shopper wrote count; one counts as
 * automated if it never went to a person; its rating is its last one.
 */
export function tallyConversation(record: ConversationRecord): Tally {
  if (record.state.turns === 0) return {};
  const handoffs = record.handoff ? 1 : 0;
  const intent = record.handoff?.intent ?? record.lastIntent ?? 'unknown';
  const language = record.state.language ?? 'unknown';
  const tally: Tally = {
    conversations: 1,
    handoffs,
    [`intent:${intent}:conversations`]: 1,
    [`intent:${intent}:handoffs`]: handoffs,
    [`language:${language}:conversations`]: 1,
    [`language:${language}:handoffs`]: handoffs,
  };
  if (handoffs && record.waitSeconds !== undefined) Object.assign(tally, { waits: 1, waitSeconds: record.waitSeconds });
  if (handoffs && record.firstResponseSeconds !== undefined) Object.assign(tally, { firstResponses: 1, firstResponseSeconds: record.firstResponseSeconds });
  if (record.rating) tally[`rating:${record.rating.score}`] = 1;
  return tally;
}

/** Whether two versions of a conversation tally alike: most writes (a bot turn, a message) change nothing counted. */
function talliesAlike(before: ConversationRecord, after: ConversationRecord): boolean {
  return (
    (before.state.turns === 0) === (after.state.turns === 0) &&
    !before.handoff === !after.handoff &&
    before.handoff?.intent === after.handoff?.intent &&
    before.lastIntent === after.lastIntent &&
    before.state.language === after.state.language &&
    before.waitSeconds === after.waitSeconds &&
    before.firstResponseSeconds === after.firstResponseSeconds &&
    before.rating?.score === after.rating?.score
  );
}

/** What a write changes in the totals: the new record's tally less the old one's, without the counts that stay. */
export function tallyChange(before: ConversationRecord | undefined, after: ConversationRecord | undefined): Tally {
  if (before && after && talliesAlike(before, after)) return {};
  const old = before ? tallyConversation(before) : {};
  const now = after ? tallyConversation(after) : {};
  const change: Tally = {};
  for (const name in now) {
    const value = now[name]! - (old[name] ?? 0);
    if (value !== 0) change[name] = value;
  }
  for (const name in old) if (!(name in now) && old[name] !== 0) change[name] = -old[name]!;
  return change;
}

/** Adds a change into running totals, in place. */
export function addTally(totals: Tally, change: Tally): Tally {
  for (const name in change) totals[name] = (totals[name] ?? 0) + change[name]!;
  return totals;
}
