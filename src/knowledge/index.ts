// The knowledge module's public face: load content into a Snapshot, and hold the one that is serving. The shapes of
// the Snapshot and of the content files are content/'s; the ones the Snapshot's users need are passed on here.
export { createKnowledge, type Knowledge, type ReloadResult } from './knowledge.js';
export { loadSnapshot, modelCacheDirIn, TEMPLATE_VALUES, type LoadOptions, type LoadResult } from './load.js';
export { watchContent, type ContentWatcher } from './watch.js';
export { contentStatus } from './status.js';

export { parseJsonDocument, schemaProblems } from '../shared/index.js';
export { findTemplate, IntentId, LanguageCode, TemplateId, type CareEvent, type CompiledTemplate, type QuickReply, type Snapshot } from '../content/index.js';
