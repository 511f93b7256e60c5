// The store interface: conversations, their messages and short-lived counters. Memory and Redis implement it.
import type { UnansweredMessage } from '../learning/index.js';
import type { AttachmentType, ConversationStatus, Message } from '../shared/index.js';
import type { MessageDigest } from './digest.js';

/**
 * The pipeline's state between messages (language, turns, what the bot is waiting for). The store keeps it as data and
 * reads only what its analytics totals count; conversations/ declares its full shape by extending this interface.
 */
export interface StoredState {
  turns: number;
  language?: string;
}

/** Named counts that add up across conversations (see tally.ts). */
export type Tally = Record<string, number>;

export interface ConversationRecord {
  id: string;
  /** SHA-256 of the shopper's resume token; the token itself is never stored. */
  tokenHash: string;
  status: ConversationStatus;
  /** The widget's locale when the conversation started. */
  locale?: string;
  /** The page the chat started on (its URL without query or fragment), for the agents. */
  page?: string;
  /** The pipeline's state between messages, kept as data (see StoredState). */
  state: StoredState;
  createdAt: string;
  updatedAt: string;
  rating?: { score: number; comment?: string };
  handoff?: {
    reason: string;
    priority: number;
    at: string;
    intent?: string;
    /** The order the shopper was asking about, for the agent: its number, status and what became of a request. */
    order?: { number: string; status?: string; request?: string };
  };
  /** Set while queued: when it entered the queue and how urgent it is (higher first). */
  queuedAt?: string;
  priority?: number;
  /** The agent holding it while assigned. */
  assignedTo?: string;
  /** The intent of the last shopper message, for the agents' queue. */
  lastIntent?: string;
  /** The store's customer id, once the shopper is verified (signed identity or order number plus e-mail). */
  customerId?: string;
  /** An e-mail the shopper left while nobody was available. */
  contactEmail?: string;
  /** For the store's analytics: seconds from the hand-off to the claim, and to the first agent reply. */
  waitSeconds?: number;
  firstResponseSeconds?: number;
}

/** An agent's or operator's account as kept: handoff/ checks its shape; the store only keeps it, by id. */
export interface StoredAgent {
  id: string;
  email: string;
  name: string;
  languages: string[];
  role: string;
  passwordHash: string;
}

export interface AgentSession {
  tokenHash: string;
  agentId: string;
  expiresAt: string;
}

/**
 * Who did what, with ids and counts only (agent, conversation, template ids): no message text, no e-mail. It stays
 * when a conversation is deleted, pointing at an id that no longer leads anywhere.
 */
export interface AuditEntry {
  at: string;
  agentId: string;
  action: string;
  conversationId?: string;
  detail?: Record<string, unknown>;
}

/** Work to do later (an order's follow-up message), kept in the store so that it survives a restart. */
export interface ScheduledJob {
  /** Unique; scheduling the same id again replaces the job. */
  id: string;
  kind: string;
  runAt: string;
  payload: Record<string, unknown>;
}

/** A picture's facts; its bytes live in the blob store under `<conversationId>/<id>`. */
export interface AttachmentRecord {
  id: string;
  conversationId: string;
  type: AttachmentType;
  width: number;
  height: number;
  /** Bytes as stored (after metadata was stripped). */
  size: number;
  createdAt: string;
  /** "shopper", or "agent:<id>". */
  uploadedBy: string;
}

export interface StoredMessage {
  message: Message;
  isDuplicate: boolean;
}

export interface Store {
  /**
   * Stores a new conversation; until its first message it is empty, and expires (listEmptyConversations). A store
   * with a ceiling (memory, MAX_CONVERSATIONS) makes room by evicting its least recently changed closed
   * conversations, and refuses with `capacity_reached` when none is left to evict.
   */
  createConversation(record: ConversationRecord): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  findConversationByTokenHash(tokenHash: string): Promise<ConversationRecord | undefined>;
  /** Saves a changed record; a new tokenHash replaces the old one, which then finds nothing. */
  saveConversation(record: ConversationRecord): Promise<void>;
  /**
   * Saves the record only if the stored one still has the expected status, atomically (across nodes too): of two
   * agents claiming one conversation, exactly one succeeds. Returns whether it saved.
   */
  saveConversationIf(record: ConversationRecord, expectedStatus: ConversationStatus): Promise<boolean>;
  /** Appends a message, unless one with the same clientMessageId is already stored: then that one is returned. */
  appendMessage(message: Message, clientMessageId?: string): Promise<StoredMessage>;
  listMessages(conversationId: string): Promise<Message[]>;
  /**
   * What the agents' lists show of each conversation's messages (unread count, last message), kept as messages are
   * stored: one small read per conversation, whatever its length. A conversation with no message has none.
   */
  messageDigests(conversationIds: readonly string[]): Promise<Map<string, MessageDigest>>;
  /** Conversations in one of these statuses (the agents' queue and desks). */
  listConversationsByStatus(statuses: ConversationStatus[]): Promise<ConversationRecord[]>;
  /** The conversations of one verified customer, most recently updated first. */
  listConversationsByCustomer(customerId: string): Promise<ConversationRecord[]>;
  /** The most recently updated conversations, newest first: `limit` of them after skipping `offset` (the agents' lists). */
  listRecentConversations(limit: number, offset?: number): Promise<ConversationRecord[]>;
  /** Conversations last updated before a moment, oldest first, at most `limit` (retention). */
  listConversationsUpdatedBefore(before: Date, limit: number): Promise<ConversationRecord[]>;
  /** Ids of conversations created before a moment that still have no message, oldest first, at most `limit`. */
  listEmptyConversations(createdBefore: Date, limit: number): Promise<string[]>;
  /**
   * The sums of every stored conversation's analytics tally (src/analytics), which every write of a conversation
   * keeps current: reading them costs the same however many conversations there are.
   */
  analyticsTotals(): Promise<Tally>;
  /** A store with a ceiling calls this with each conversation it evicted, whose pictures and sockets must go too. */
  onEvicted?(listener: (conversationId: string) => void): void;
  /**
   * Removes a conversation with its messages, token, picture records and every index entry; an unknown id is removed
   * from the indexes that may still name it.
   * The pictures' bytes are the blob store's: call deleteConversationAttachments (src/attachments) as well.
   */
  deleteConversation(id: string): Promise<void>;
  /**
   * Records a picture unless its conversation already holds `limit` of them, atomically across nodes. Returns
   * whether it was recorded.
   */
  addAttachment(record: AttachmentRecord, limit: number): Promise<boolean>;
  getAttachment(id: string): Promise<AttachmentRecord | undefined>;
  /** A conversation's pictures, oldest first. */
  listAttachments(conversationId: string): Promise<AttachmentRecord[]>;
  /** Forgets every picture record of a conversation (deleteConversation does this too). */
  deleteAttachments(conversationId: string): Promise<void>;
  /** Keeps how long a handed-off conversation took, from the queue to resolved; only the latest `keep` stay. */
  recordHandlingTime(seconds: number, keep: number): Promise<void>;
  /** The handling times kept, newest first, shared by every node that shares the store. */
  listHandlingTimes(): Promise<number[]>;
  /** The agents directory, shared by every node that shares the store. */
  listAgents(): Promise<StoredAgent[]>;
  /** Adds an agent, or replaces the one with the same id. */
  saveAgent(agent: StoredAgent): Promise<void>;
  createAgentSession(session: AgentSession): Promise<void>;
  /** The session of a token hash, unless it has expired. */
  getAgentSession(tokenHash: string, now: Date): Promise<AgentSession | undefined>;
  deleteAgentSession(tokenHash: string): Promise<void>;
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;
  /** Keeps a message the bot was not confident about (the most recent ones only). */
  recordUnanswered(entry: UnansweredMessage): Promise<void>;
  listUnanswered(limit: number): Promise<UnansweredMessage[]>;
  /** Counts a hit on a key within a fixed window and returns the count so far (rate limits). */
  hit(key: string, windowMs: number, now: number): Promise<number>;
  /**
   * Records a failure (a wrong password) under a key at `at` and returns the moments of that key's failures within
   * the window ending then, oldest first: a sliding window that every node shares. At most the last 100 are kept.
   */
  recordFailure(key: string, at: number, windowMs: number): Promise<number[]>;
  /** The moments of a key's failures within the window ending at `at`, oldest first. */
  listFailures(key: string, at: number, windowMs: number): Promise<number[]>;
  clearFailures(key: string): Promise<void>;
  /** Remembers a key for a while; true only for the first caller (a webhook event seen twice is a replay). */
  rememberOnce(key: string, ttlMs: number): Promise<boolean>;
  scheduleJob(job: ScheduledJob): Promise<void>;
  /** Removes and returns the jobs due by `now`, earliest first: each job goes to exactly one caller, across nodes. */
  takeDueJobs(now: Date, limit: number): Promise<ScheduledJob[]>;
  /** Whether the store answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The store's lists of conversations, one part of Store that the memory and the Redis store each build. */
export type ConversationLists = Pick<
  Store,
  'listConversationsByStatus' | 'listConversationsByCustomer' | 'listRecentConversations' | 'listConversationsUpdatedBefore' | 'listEmptyConversations'
>;
