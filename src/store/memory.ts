// The in-memory store: the default, for one process with no set-up.
import type { UnansweredMessage } from '../learning/suggestions.js';
import type { Message } from '../shared/protocol.js';
import type { AgentSession, AuditEntry, ConversationRecord, Store } from './types.js';

const clone = <T>(value: T): T => structuredClone(value);
/** Messages never change once stored: one frozen copy is kept and shared by every read. */
const freeze = (message: Message): Message => Object.freeze(structuredClone(message));

const UNANSWERED_KEPT = 1000;
const AUDIT_KEPT = 10_000;

export function createMemoryStore(): Store {
  const unanswered: UnansweredMessage[] = [];
  const sessions = new Map<string, AgentSession>();
  const audit: AuditEntry[] = [];
  const conversations = new Map<string, ConversationRecord>();
  const byTokenHash = new Map<string, string>();
  const messages = new Map<string, Message[]>();
  const clientMessageIds = new Map<string, Message>();
  const counters = new Map<string, { windowStart: number; count: number }>();

  return {
    async createConversation(record) {
      conversations.set(record.id, clone(record));
      byTokenHash.set(record.tokenHash, record.id);
      messages.set(record.id, []);
    },
    async getConversation(id) {
      const record = conversations.get(id);
      return record && clone(record);
    },
    async findConversationByTokenHash(tokenHash) {
      const id = byTokenHash.get(tokenHash);
      return id ? this.getConversation(id) : undefined;
    },
    async saveConversation(record) {
      if (!conversations.has(record.id)) throw new Error(`conversation ${record.id} does not exist`);
      conversations.set(record.id, clone(record));
    },
    async saveConversationIf(record, expectedStatus) {
      if (conversations.get(record.id)?.status !== expectedStatus) return false;
      conversations.set(record.id, clone(record));
      return true;
    },
    async appendMessage(message, clientMessageId) {
      const key = clientMessageId && `${message.conversationId}:${clientMessageId}`;
      const existing = key ? clientMessageIds.get(key) : undefined;
      if (existing) return { message: existing, isDuplicate: true };
      const list = messages.get(message.conversationId);
      if (!list) throw new Error(`conversation ${message.conversationId} does not exist`);
      const stored = freeze(message);
      list.push(stored);
      if (key) clientMessageIds.set(key, stored);
      return { message: stored, isDuplicate: false };
    },
    async listMessages(conversationId) {
      return [...(messages.get(conversationId) ?? [])];
    },
    async listConversationsByStatus(statuses) {
      return [...conversations.values()].filter((record) => statuses.includes(record.status)).map(clone);
    },
    async createAgentSession(session) {
      sessions.set(session.tokenHash, { ...session });
    },
    async getAgentSession(tokenHash, now) {
      const session = sessions.get(tokenHash);
      if (!session) return undefined;
      if (Date.parse(session.expiresAt) <= now.getTime()) {
        sessions.delete(tokenHash);
        return undefined;
      }
      return { ...session };
    },
    async deleteAgentSession(tokenHash) {
      sessions.delete(tokenHash);
    },
    async appendAudit(entry) {
      audit.push(clone(entry));
      if (audit.length > AUDIT_KEPT) audit.splice(0, audit.length - AUDIT_KEPT);
    },
    async listAudit(limit) {
      return audit.slice(-limit).reverse().map(clone);
    },
    async recordUnanswered(entry) {
      unanswered.push(entry);
      if (unanswered.length > UNANSWERED_KEPT) unanswered.splice(0, unanswered.length - UNANSWERED_KEPT);
    },
    async listUnanswered(limit) {
      return unanswered.slice(-limit).reverse();
    },
    async hit(key, windowMs, now) {
      const counter = counters.get(key);
      if (!counter || now - counter.windowStart >= windowMs) {
        counters.set(key, { windowStart: now, count: 1 });
        if (counters.size > 100_000) {
          for (const [staleKey, stale] of counters) if (now - stale.windowStart >= windowMs) counters.delete(staleKey);
        }
        return 1;
      }
      counter.count++;
      return counter.count;
    },
    async ping() {
      return true;
    },
    async close() {},
  };
}
