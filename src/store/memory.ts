// The in-memory store: the default, for one process with no set-up. It holds at most `maxConversations`: past
// that it evicts the least recently changed closed conversation, and refuses a new one when none is closed.
import { addToDigest, EMPTY_DIGEST, type MessageDigest } from './digest.js';
import { addTally, tallyChange } from './tally.js';
import type { UnansweredMessage } from '../learning/index.js';
import { AppError, type ConversationStatus, type Message } from '../shared/index.js';
import type { AgentSession, AttachmentRecord, AuditEntry, ConversationRecord, ScheduledJob, Store, StoredAgent, Tally } from './types.js';

/** Freezes a record and everything in it, so that a caller that changes a record it handed over or was handed fails. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const UNANSWERED_KEPT = 1000;
const FAILURES_KEPT = 100;
const AUDIT_KEPT = 10_000;

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
  const keep = freeze ? deepFreeze : <T>(value: T): T => value;
  const unanswered: UnansweredMessage[] = [];
  const sessions = new Map<string, AgentSession>();
  const agents = new Map<string, StoredAgent>();
  const handlingTimes: number[] = [];
  const audit: AuditEntry[] = [];
  const conversations = new Map<string, ConversationRecord>();
  const byTokenHash = new Map<string, string>();
  const messages = new Map<string, Message[]>();
  const digests = new Map<string, MessageDigest>();
  /** Per conversation: clientMessageId → the message stored for it. */
  const clientMessageIds = new Map<string, Map<string, Message>>();
  const counters = new Map<string, { windowStart: number; count: number }>();
  const remembered = new Map<string, number>();
  const failures = new Map<string, number[]>();
  const recentFailures = (key: string, at: number, windowMs: number) => (failures.get(key) ?? []).filter((moment) => moment > at - windowMs);
  const jobs = new Map<string, ScheduledJob>();
  const byStatus = new Map<ConversationStatus, Set<string>>();
  /** Closed conversations, least recently changed first: the ones evicted at the ceiling. */
  const closed = new Map<string, true>();
  /** Conversations without a message yet → when they were created, oldest first. */
  const empty = new Map<string, number>();
  const totals: Tally = {};
  const evictionListeners: ((conversationId: string) => void)[] = [];

  /** Keeps a record and what is derived from it (indexes, analytics totals) up to date; undefined removes it. */
  function put(id: string, previous: ConversationRecord | undefined, record: ConversationRecord | undefined): void {
    addTally(totals, tallyChange(previous, record));
    if (previous) {
      byStatus.get(previous.status)?.delete(id);
      if (previous.tokenHash !== record?.tokenHash) byTokenHash.delete(previous.tokenHash);
    }
    closed.delete(id);
    if (!record) {
      conversations.delete(id);
      empty.delete(id);
      return;
    }
    conversations.set(id, keep(record));
    byTokenHash.set(record.tokenHash, id);
    if (!byStatus.has(record.status)) byStatus.set(record.status, new Set());
    byStatus.get(record.status)!.add(id);
    if (record.status === 'closed') closed.set(id, true);
  }

  function remove(id: string): void {
    put(id, conversations.get(id), undefined);
    messages.delete(id);
    digests.delete(id);
    clientMessageIds.delete(id);
    for (const attachment of attachmentsByConversation.get(id) ?? []) attachments.delete(attachment);
    attachmentsByConversation.delete(id);
  }

  /** Makes room for one more conversation, or refuses. */
  function makeRoom(): void {
    while (conversations.size >= maxConversations) {
      const oldestClosed = closed.keys().next();
      if (oldestClosed.done) throw new AppError('capacity_reached', 'the chat is full right now; please try again in a few minutes');
      remove(oldestClosed.value);
      for (const listener of evictionListeners) listener(oldestClosed.value);
    }
  }
  const attachments = new Map<string, AttachmentRecord>();
  const attachmentsByConversation = new Map<string, string[]>();
  const byRecency = (a: ConversationRecord, b: ConversationRecord) => b.updatedAt.localeCompare(a.updatedAt);

  return {
    async createConversation(record) {
      makeRoom();
      put(record.id, undefined, record);
      messages.set(record.id, []);
      clientMessageIds.set(record.id, new Map());
      empty.set(record.id, Date.parse(record.createdAt));
    },
    async getConversation(id) {
      return conversations.get(id);
    },
    async findConversationByTokenHash(tokenHash) {
      const id = byTokenHash.get(tokenHash);
      return id ? this.getConversation(id) : undefined;
    },
    async saveConversation(record) {
      const previous = conversations.get(record.id);
      if (!previous) throw new Error(`conversation ${record.id} does not exist`);
      put(record.id, previous, record);
    },
    async saveConversationIf(record, expectedStatus) {
      const previous = conversations.get(record.id);
      if (previous?.status !== expectedStatus) return false;
      put(record.id, previous, record);
      return true;
    },
    async appendMessage(message, clientMessageId) {
      const list = messages.get(message.conversationId);
      const seen = clientMessageIds.get(message.conversationId);
      if (!list || !seen) throw new Error(`conversation ${message.conversationId} does not exist`);
      const existing = clientMessageId ? seen.get(clientMessageId) : undefined;
      if (existing) return { message: existing, isDuplicate: true };
      const stored = keep(message);
      list.push(stored);
      digests.set(message.conversationId, addToDigest(digests.get(message.conversationId) ?? EMPTY_DIGEST, stored));
      empty.delete(message.conversationId);
      if (clientMessageId) seen.set(clientMessageId, stored);
      return { message: stored, isDuplicate: false };
    },
    async listMessages(conversationId) {
      return [...(messages.get(conversationId) ?? [])];
    },
    async messageDigests(conversationIds) {
      const found = new Map<string, MessageDigest>();
      for (const id of conversationIds) {
        const digest = digests.get(id);
        if (digest) found.set(id, digest);
      }
      return found;
    },
    async listConversationsByStatus(statuses) {
      return statuses.flatMap((status) => [...(byStatus.get(status) ?? [])].map((id) => conversations.get(id)!));
    },
    async listConversationsByCustomer(customerId) {
      return [...conversations.values()].filter((record) => record.customerId === customerId).sort(byRecency);
    },
    async listRecentConversations(limit, offset = 0) {
      return [...conversations.values()].sort(byRecency).slice(offset, offset + limit);
    },
    async listConversationsUpdatedBefore(before, limit) {
      const cutoff = before.toISOString();
      return [...conversations.values()]
        .filter((record) => record.updatedAt < cutoff)
        .sort((a, b) => byRecency(b, a))
        .slice(0, limit);
    },
    async listEmptyConversations(createdBefore, limit) {
      const ids: string[] = [];
      for (const [id, createdAt] of empty) {
        if (createdAt >= createdBefore.getTime() || ids.length === limit) break;
        ids.push(id);
      }
      return ids;
    },
    async analyticsTotals() {
      return { ...totals };
    },
    onEvicted(listener) {
      evictionListeners.push(listener);
    },
    async deleteConversation(id) {
      remove(id);
    },
    async addAttachment(record, limit) {
      const ids = attachmentsByConversation.get(record.conversationId) ?? [];
      if (ids.length >= limit) return false;
      attachments.set(record.id, keep(record));
      attachmentsByConversation.set(record.conversationId, [...ids, record.id]);
      return true;
    },
    async getAttachment(id) {
      return attachments.get(id);
    },
    async listAttachments(conversationId) {
      return (attachmentsByConversation.get(conversationId) ?? []).flatMap((id) => (attachments.has(id) ? [attachments.get(id)!] : []));
    },
    async deleteAttachments(conversationId) {
      for (const id of attachmentsByConversation.get(conversationId) ?? []) attachments.delete(id);
      attachmentsByConversation.delete(conversationId);
    },
    async recordHandlingTime(seconds, keep) {
      handlingTimes.unshift(seconds);
      handlingTimes.splice(keep);
    },
    async listHandlingTimes() {
      return [...handlingTimes];
    },
    async listAgents() {
      return [...agents.values()];
    },
    async saveAgent(agent) {
      agents.set(agent.id, keep({ ...agent }));
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
      audit.push(keep(entry));
      if (audit.length > AUDIT_KEPT) audit.splice(0, audit.length - AUDIT_KEPT);
    },
    async listAudit(limit) {
      return audit.slice(-limit).reverse();
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
    async recordFailure(key, at, windowMs) {
      const recent = [...recentFailures(key, at, windowMs), at].slice(-FAILURES_KEPT);
      failures.set(key, recent);
      if (failures.size > 100_000) for (const [stale, moments] of failures) if (moments.at(-1)! <= at - windowMs) failures.delete(stale);
      return [...recent];
    },
    async listFailures(key, at, windowMs) {
      return recentFailures(key, at, windowMs);
    },
    async clearFailures(key) {
      failures.delete(key);
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
      jobs.set(job.id, keep(job));
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
