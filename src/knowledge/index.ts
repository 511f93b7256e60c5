// The knowledge module's public face: load content into a Snapshot, and hold the one that is serving.
export { createKnowledge, type Knowledge, type ReloadResult } from './knowledge.js';
export { loadSnapshot, modelCacheDirIn, TEMPLATE_VALUES, type LoadOptions, type LoadResult } from './load.js';
export { watchContent, type ContentWatcher } from './watch.js';
export { contentStatus } from './status.js';
export { findTemplate, type CompiledTemplate, type Snapshot } from './snapshot.js';

export { parseJsonDocument, schemaProblems } from '../shared/index.js';
export type { CareEvent } from './order-rules.js';
export { LanguageCode, IntentId, TemplateId, type QuickReply } from './schema.js';
