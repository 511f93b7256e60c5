// The store's public face.
export { createMemoryStore } from './memory.js';
export type { ConversationRecord, Store, StoredMessage } from './types.js';
