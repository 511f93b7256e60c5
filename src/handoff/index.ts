// The handoff module's public face.
export {
  createAgentDirectory,
  loadAgents,
  publicAgent,
  type Agent,
  type AgentDirectory,
  MIN_PASSWORD_LENGTH,
  Role,
  saveAgent,
  saveStoredAgent,
  type AgentInput,
} from './agents.js';
export { createDesk, type Desk } from './desk.js';
export { conversationLanguage } from './lines.js';
export { createLoginLockout, LockedOut } from './lockout.js';
export { createPresence, type Presence } from './presence.js';
export { createAgentAuth, type AgentAuth } from './sessions.js';
export { cannedReplies, type CannedReplies } from './canned-replies.js';
export { connectedAgents } from './connected-agents.js';
export { createSignIn, LOGIN_ATTEMPTS_PER_MINUTE, type SignIn } from './sign-in.js';
