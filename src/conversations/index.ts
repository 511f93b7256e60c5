// The conversations module's public face (docs/architecture.md follows a message through it).
import './stored-state.js';
export { createConversationService, type ConversationService } from './service.js';
export { createConversationLock, type ClusterLock, type ConversationLock } from './lock.js';
export { dryRunTurn, type AssumedOutcomes, type DryRunResult, type ListedEffect } from './dry-run.js';
export { hashToken } from './session.js';
export { botAnswers, transition } from './state.js';
export type { IncomingShopperMessage, Logger, Publisher, Session } from './types.js';
export { forShopper } from './views.js';
