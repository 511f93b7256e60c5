// The memory store's agents directory and the agents' sessions (a session past its expiry is gone).
import type { AgentSession, Store, StoredAgent } from '../types.js';
import type { Keep } from './conversation-table.js';

type AgentMethods = 'listAgents' | 'saveAgent' | 'createAgentSession' | 'getAgentSession' | 'deleteAgentSession';

export function memoryAgents(keep: Keep): Pick<Store, AgentMethods> {
  const agents = new Map<string, StoredAgent>();
  const sessions = new Map<string, AgentSession>();
  return {
    async listAgents() {
      return [...agents.values()];
    },
    async saveAgent(agent) {
      agents.set(agent.id, keep({ ...agent }));
    },
    async createAgentSession(session) {
      sessions.set(session.tokenHash, { ...session });
    },
    async getAgentSession(tokenHash, now) {
      const session = sessions.get(tokenHash);
      if (!session) return undefined;
      if (Date.parse(session.expiresAt) <= now.getTime()) {
        sessions.delete(tokenHash);
        return undefined;
      }
      return { ...session };
    },
    async deleteAgentSession(tokenHash) {
      sessions.delete(tokenHash);
    },
  };
}
