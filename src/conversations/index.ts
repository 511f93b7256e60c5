// The conversations module's public face.
export { createConversationService, forShopper, hashToken, type ConversationService, type IncomingShopperMessage, type Publisher, type Session } from './service.js';
export { createSerializer, type ClusterLock, type Serializer } from './serialize.js';
export { botAnswers, transition } from './state.js';
