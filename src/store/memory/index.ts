// The in-memory store: the default, for one process with no set-up. It holds at most `maxConversations`: past
// that it evicts the least recently changed closed conversation, and refuses a new one when none is closed.
// Each part keeps one kind of record; this file puts them together behind the Store interface.
import type { Store } from '../types.js';
import { memoryAgents } from './agents.js';
import { createMemoryAttachments } from './attachments.js';
import { memoryConversationLists } from './conversation-lists.js';
import { createConversationTable, type Keep } from './conversation-table.js';
import { memoryConversations } from './conversations.js';
import { memoryCounters } from './counters.js';
import { memoryJobs } from './jobs.js';
import { memoryLogs } from './logs.js';
import { createMemoryMessages } from './messages.js';

/** Freezes a record and everything in it, so that a caller that changes a record it handed over or was handed fails. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export interface MemoryStoreOptions {
  /** The ceiling on conversations (MAX_CONVERSATIONS); unset: none. */
  maxConversations?: number;
  /** Deep-freezes every record it keeps: for tests, which then catch a caller changing a shared record. */
  freeze?: boolean;
}

/**
 * Records are immutable once stored: the store keeps the object it is handed and gives that same object to every
 * read, with no copy. Callers never change a record they hand over or are handed; a change is a new record that
 * shares the unchanged parts of the old one (`{ ...record, state: next }`), saved in its place.
 */
export function createMemoryStore({ maxConversations = Infinity, freeze = false }: MemoryStoreOptions = {}): Store {
  const keep: Keep = freeze ? deepFreeze : (value) => value;
  const table = createConversationTable(keep);
  const messages = createMemoryMessages(keep, table);
  const attachments = createMemoryAttachments(keep);
  const forgetContents = (conversationId: string) => {
    messages.forget(conversationId);
    attachments.forget(conversationId);
  };
  return {
    ...memoryConversations({ table, maxConversations, forgetContents }),
    ...memoryConversationLists(table),
    ...messages.methods,
    ...attachments.methods,
    ...memoryAgents(keep),
    ...memoryLogs(keep),
    ...memoryCounters(),
    ...memoryJobs(keep),
    async ping() {
      return true;
    },
    async close() {},
  };
}
