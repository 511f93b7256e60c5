// The conversations module's public face.
export { createConversationService, hashToken, type ConversationService, type Publisher, type Session } from './service.js';
export { botAnswers, canTransition, transition } from './state.js';
