// The in-memory store: the default, for one process with no set-up.
import type { UnansweredMessage } from '../learning/suggestions.js';
import type { Message } from '../shared/protocol.js';
import type { AgentSession, AttachmentRecord, AuditEntry, ConversationRecord, ScheduledJob, Store } from './types.js';

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
  /** Per conversation: clientMessageId → the message stored for it. */
  const clientMessageIds = new Map<string, Map<string, Message>>();
  const counters = new Map<string, { windowStart: number; count: number }>();
  const remembered = new Map<string, number>();
  const jobs = new Map<string, ScheduledJob>();
  /** Stores a changed record; a new token hash replaces the old one. */
  function replace(previous: ConversationRecord, record: ConversationRecord): void {
    if (previous.tokenHash !== record.tokenHash) {
      byTokenHash.delete(previous.tokenHash);
      byTokenHash.set(record.tokenHash, record.id);
    }
    conversations.set(record.id, clone(record));
  }
  const attachments = new Map<string, AttachmentRecord>();
  const attachmentsByConversation = new Map<string, string[]>();
  const byRecency = (a: ConversationRecord, b: ConversationRecord) => b.updatedAt.localeCompare(a.updatedAt);

  return {
    async createConversation(record) {
      conversations.set(record.id, clone(record));
      byTokenHash.set(record.tokenHash, record.id);
      messages.set(record.id, []);
      clientMessageIds.set(record.id, new Map());
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
      const previous = conversations.get(record.id);
      if (!previous) throw new Error(`conversation ${record.id} does not exist`);
      replace(previous, record);
    },
    async saveConversationIf(record, expectedStatus) {
      const previous = conversations.get(record.id);
      if (previous?.status !== expectedStatus) return false;
      replace(previous, record);
      return true;
    },
    async appendMessage(message, clientMessageId) {
      const list = messages.get(message.conversationId);
      const seen = clientMessageIds.get(message.conversationId);
      if (!list || !seen) throw new Error(`conversation ${message.conversationId} does not exist`);
      const existing = clientMessageId ? seen.get(clientMessageId) : undefined;
      if (existing) return { message: existing, isDuplicate: true };
      const stored = freeze(message);
      list.push(stored);
      if (clientMessageId) seen.set(clientMessageId, stored);
      return { message: stored, isDuplicate: false };
    },
    async listMessages(conversationId) {
      return [...(messages.get(conversationId) ?? [])];
    },
    async listConversationsByStatus(statuses) {
      return [...conversations.values()].filter((record) => statuses.includes(record.status)).map(clone);
    },
    async listConversationsByCustomer(customerId) {
      return [...conversations.values()].filter((record) => record.customerId === customerId).sort(byRecency).map(clone);
    },
    async listRecentConversations(limit, offset = 0) {
      return [...conversations.values()].sort(byRecency).slice(offset, offset + limit).map(clone);
    },
    async listConversationsUpdatedBefore(before, limit) {
      const cutoff = before.toISOString();
      return [...conversations.values()]
        .filter((record) => record.updatedAt < cutoff)
        .sort((a, b) => byRecency(b, a))
        .slice(0, limit)
        .map(clone);
    },
    async deleteConversation(id) {
      const record = conversations.get(id);
      if (!record) return;
      conversations.delete(id);
      byTokenHash.delete(record.tokenHash);
      messages.delete(id);
      clientMessageIds.delete(id);
      await this.deleteAttachments(id);
    },
    async addAttachment(record, limit) {
      const ids = attachmentsByConversation.get(record.conversationId) ?? [];
      if (ids.length >= limit) return false;
      attachments.set(record.id, clone(record));
      attachmentsByConversation.set(record.conversationId, [...ids, record.id]);
      return true;
    },
    async getAttachment(id) {
      const record = attachments.get(id);
      return record && clone(record);
    },
    async listAttachments(conversationId) {
      return (attachmentsByConversation.get(conversationId) ?? []).flatMap((id) => (attachments.has(id) ? [clone(attachments.get(id)!)] : []));
    },
    async deleteAttachments(conversationId) {
      for (const id of attachmentsByConversation.get(conversationId) ?? []) attachments.delete(id);
      attachmentsByConversation.delete(conversationId);
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
    async rememberOnce(key, ttlMs) {
      const now = Date.now();
      const until = remembered.get(key);
      if (until !== undefined && until > now) return false;
      remembered.set(key, now + ttlMs);
      if (remembered.size > 100_000) for (const [stale, expiry] of remembered) if (expiry <= now) remembered.delete(stale);
      return true;
    },
    async scheduleJob(job) {
      jobs.set(job.id, clone(job));
    },
    async takeDueJobs(now, limit) {
      const due = [...jobs.values()]
        .filter((job) => Date.parse(job.runAt) <= now.getTime())
        .sort((a, b) => Date.parse(a.runAt) - Date.parse(b.runAt))
        .slice(0, limit);
      for (const job of due) jobs.delete(job.id);
      return due;
    },
    async ping() {
      return true;
    },
    async close() {},
  };
}
