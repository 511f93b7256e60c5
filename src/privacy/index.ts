// The privacy module's public face: deleting a conversation's data, the retention purge, and one shopper's data.
export { createEraser, type Eraser, type ErasedConversation } from './erase.js';
export { purgeExpired, startRetention, type PurgeResult } from './retention.js';
export { deleteShopperData, exportShopperData, findConversations, type DataSubject, type ExportedConversation } from './shopper-data.js';
