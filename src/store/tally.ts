// The store's running analytics totals: what each conversation contributes (its tally), added on every write so
// that reading the totals costs the same with ten conversations or a million.
import { boundedMemo } from '../shared/index.js';
import type { ConversationRecord, Tally } from './types.js';

const NAMES_KEPT = 1000;
/** The two count names of an intent or a language ("intent:refund:conversations", …), made once per value. */
const countNames = (kind: string) => boundedMemo((value: string) => [`${kind}:${value}:conversations`, `${kind}:${value}:handoffs`] as const, NAMES_KEPT);
const intentNames = countNames('intent');
const languageNames = countNames('language');

const add = (into: Map<string, number>, name: string, value: number) => into.set(name, (into.get(name) ?? 0) + value);

/**
 * Adds what one conversation counts, times `sign`, into `into`. Only conversations where the shopper wrote count;
 * one counts as automated if it never went to a person; its rating is its last one.
 */
function addConversation(into: Map<string, number>, record: ConversationRecord, sign: 1 | -1): void {
  if (record.state.turns === 0) return;
  const handoffs = record.handoff ? sign : 0;
  const [intentConversations, intentHandoffs] = intentNames(record.handoff?.intent ?? record.lastIntent ?? 'unknown');
  const [languageConversations, languageHandoffs] = languageNames(record.state.language ?? 'unknown');
  add(into, 'conversations', sign);
  add(into, 'handoffs', handoffs);
  add(into, intentConversations, sign);
  add(into, intentHandoffs, handoffs);
  add(into, languageConversations, sign);
  add(into, languageHandoffs, handoffs);
  if (handoffs && record.waitSeconds !== undefined) {
    add(into, 'waits', sign);
    add(into, 'waitSeconds', sign * record.waitSeconds);
  }
  if (handoffs && record.firstResponseSeconds !== undefined) {
    add(into, 'firstResponses', sign);
    add(into, 'firstResponseSeconds', sign * record.firstResponseSeconds);
  }
  if (record.rating) add(into, `rating:${record.rating.score}`, sign);
}

/** What one conversation adds to the totals. */
export function tallyConversation(record: ConversationRecord): Tally {
  const tally = new Map<string, number>();
  addConversation(tally, record, 1);
  return Object.fromEntries(tally);
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
  const change: Tally = {};
  if (before && after && talliesAlike(before, after)) return change;
  // Added up in a Map, which takes names that come and go better than an object does.
  const sums = new Map<string, number>();
  if (before) addConversation(sums, before, -1);
  if (after) addConversation(sums, after, 1);
  for (const [name, value] of sums) if (value !== 0) change[name] = value;
  return change;
}

/** Adds a change into running totals, in place. */
export function addTally(totals: Tally, change: Tally): Tally {
  for (const name in change) totals[name] = (totals[name] ?? 0) + change[name]!;
  return totals;
}
