// The memory store's conversations: create, read, save and delete, and the ceiling on how many it holds (past it the
// least recently changed closed conversation is evicted; with none closed, a new one is refused).
import { AppError } from '../../shared/index.js';
import type { Store } from '../types.js';
import type { ConversationTable } from './conversation-table.js';

type ConversationMethods =
  | 'createConversation'
  | 'getConversation'
  | 'findConversationByTokenHash'
  | 'saveConversation'
  | 'saveConversationIf'
  | 'deleteConversation'
  | 'onEvicted'
  | 'analyticsTotals';

export interface MemoryConversationsOptions {
  table: ConversationTable;
  maxConversations: number;
  /** Forgets what else is kept of a removed conversation (messages, pictures). */
  forgetContents(conversationId: string): void;
}

export function memoryConversations({ table, maxConversations, forgetContents }: MemoryConversationsOptions): Pick<Store, ConversationMethods> {
  const evictionListeners: ((conversationId: string) => void)[] = [];

  function remove(id: string): void {
    table.put(id, table.records.get(id), undefined);
    forgetContents(id);
  }

  /** Makes room for one more conversation, or refuses. */
  function makeRoom(): void {
    while (table.records.size >= maxConversations) {
      const oldestClosed = table.closed.keys().next();
      if (oldestClosed.done) throw new AppError('capacity_reached', 'the chat is full right now; please try again in a few minutes');
      remove(oldestClosed.value);
      for (const listener of evictionListeners) listener(oldestClosed.value);
    }
  }

  return {
    async createConversation(record) {
      makeRoom();
      table.put(record.id, undefined, record);
      table.empty.set(record.id, Date.parse(record.createdAt));
    },
    async getConversation(id) {
      return table.records.get(id);
    },
    async findConversationByTokenHash(tokenHash) {
      const id = table.byTokenHash.get(tokenHash);
      return id ? table.records.get(id) : undefined;
    },
    async saveConversation(record) {
      const previous = table.records.get(record.id);
      if (!previous) throw new Error(`conversation ${record.id} does not exist`);
      table.put(record.id, previous, record);
    },
    async saveConversationIf(record, expectedStatus) {
      const previous = table.records.get(record.id);
      if (previous?.status !== expectedStatus) return false;
      table.put(record.id, previous, record);
      return true;
    },
    async deleteConversation(id) {
      remove(id);
    },
    onEvicted(listener) {
      evictionListeners.push(listener);
    },
    async analyticsTotals() {
      return { ...table.totals };
    },
  };
}
