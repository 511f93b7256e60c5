// How the desk reads and writes a conversation: load it, check who holds it, save a change, tell the shopper of a
// change of hands in their language, and write what an agent did to the audit log.
import { randomUUID } from 'node:crypto';
import type { Knowledge } from '../knowledge/index.js';
import type { Publisher } from '../conversations/index.js';
import { AppError, type DeskEvent, type Logger, type Message } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { Agent, AgentDirectory } from './agents.js';
import { conversationLanguage, shopperLine, type LineKey } from './lines.js';

export interface DeskRecordsOptions {
  store: Store;
  knowledge: Knowledge;
  publisher: Publisher;
  logger: Logger;
  directory: AgentDirectory;
  now: () => Date;
}

/** Throws unless the agent holds the conversation. */
export function checkHolds(agent: Agent, record: ConversationRecord): void {
  if (record.status !== 'assigned' || record.assignedTo !== agent.id) {
    throw new AppError('forbidden', record.status === 'assigned' ? 'another agent holds this conversation' : 'claim this conversation first');
  }
}

export function createDeskRecords({ store, knowledge, publisher, logger, directory, now }: DeskRecordsOptions) {
  return {
    async audit(agent: Agent, action: string, conversationId?: string, detail?: Record<string, unknown>): Promise<void> {
      const entry = { at: now().toISOString(), agentId: agent.id, action, conversationId, detail };
      await store.appendAudit(entry);
      logger.info({ audit: entry }, `agent ${action}`);
    },

    async load(conversationId: string): Promise<ConversationRecord> {
      const record = await store.getConversation(conversationId);
      if (!record) throw new AppError('not_found', 'this conversation does not exist');
      return record;
    },

    async save(record: ConversationRecord, changes: Partial<ConversationRecord>): Promise<ConversationRecord> {
      const updated = { ...record, ...changes, updatedAt: now().toISOString() };
      await store.saveConversation(updated);
      return updated;
    },

    /**
     * A change of hands, kept in the conversation: the shopper reads it in the conversation's language, the agents
     * see what happened. `to` is the record whose agent hears of it at once.
     */
    async recordLine(to: ConversationRecord, line: LineKey, event: DeskEvent, values: Record<string, string> = {}): Promise<void> {
      const snapshot = knowledge.current();
      const text = shopperLine(snapshot, snapshot ? conversationLanguage(snapshot, to) : 'en', line, values);
      const message: Message = { id: randomUUID(), conversationId: to.id, author: 'system', text, createdAt: now().toISOString(), event };
      await store.appendMessage(message);
      publisher.message(to, message);
    },

    nameOf: async (agentId: string) => (await directory.find(agentId))?.name ?? 'A colleague',
  };
}

export type DeskRecords = ReturnType<typeof createDeskRecords>;
