// The store's public face.
export { createMemoryStore } from './memory/index.js';
export { createRedisStore } from './redis/index.js';
export { createRedisLock, type ConversationLock } from './redis/lock.js';
export type {
  AgentSession,
  AttachmentRecord,
  AuditEntry,
  ConversationRecord,
  ScheduledJob,
  Store,
  StoredAgent,
  StoredMessage,
  StoredState,
  Tally,
} from './types.js';
export { addToDigest, EMPTY_DIGEST, type MessageDigest } from './digest.js';
export { addTally, tallyChange, tallyConversation } from './tally.js';
