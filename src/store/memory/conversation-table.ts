// The memory store's conversation records and everything derived from them, kept in step on every write: the token
// and status indexes, the closed ones in eviction order, the empty ones by age, and the analytics totals.
import type { ConversationStatus } from '../../shared/index.js';
import { addTally, tallyChange } from '../tally.js';
import type { ConversationRecord, Tally } from '../types.js';

export type Keep = <T>(value: T) => T;

export function createConversationTable(keep: Keep) {
  const records = new Map<string, ConversationRecord>();
  const byTokenHash = new Map<string, string>();
  const byStatus = new Map<ConversationStatus, Set<string>>();
  /** Closed conversations, least recently changed first: the ones evicted at the ceiling. */
  const closed = new Map<string, true>();
  /** Conversations without a message yet → when they were created, oldest first. */
  const empty = new Map<string, number>();
  const totals: Tally = {};

  /** Keeps a record and what is derived from it up to date; undefined removes it. */
  function put(id: string, previous: ConversationRecord | undefined, record: ConversationRecord | undefined): void {
    addTally(totals, tallyChange(previous, record));
    if (previous) {
      byStatus.get(previous.status)?.delete(id);
      if (previous.tokenHash !== record?.tokenHash) byTokenHash.delete(previous.tokenHash);
    }
    closed.delete(id);
    if (!record) {
      records.delete(id);
      empty.delete(id);
      return;
    }
    records.set(id, keep(record));
    byTokenHash.set(record.tokenHash, id);
    if (!byStatus.has(record.status)) byStatus.set(record.status, new Set());
    byStatus.get(record.status)!.add(id);
    if (record.status === 'closed') closed.set(id, true);
  }

  return { records, byTokenHash, byStatus, closed, empty, totals, put };
}

export type ConversationTable = ReturnType<typeof createConversationTable>;
