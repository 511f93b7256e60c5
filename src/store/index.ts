// The store's public face.
export { createMemoryStore } from './memory.js';
export { createRedisStore } from './redis.js';
export { createRedisLock, type ConversationLock } from './redis-lock.js';
export type { AgentSession, AttachmentRecord, AuditEntry, ConversationRecord, ScheduledJob, Store, StoredMessage, StoredState } from './types.js';
export { addTally, tallyChange, tallyConversation, type Tally } from './tally.js';
