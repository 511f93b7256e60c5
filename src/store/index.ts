// The store's public face.
export { createMemoryStore } from './memory.js';
export type { AgentSession, AuditEntry, ConversationRecord, Store, StoredMessage } from './types.js';
