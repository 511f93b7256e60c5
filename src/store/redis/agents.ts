// The Redis store's agents directory (one hash, shared by every node) and the agents' sessions, which Redis expires.
import type { AgentSession, Store, StoredAgent } from '../types.js';
import { parseStored, type RedisContext } from './keys.js';

type AgentMethods = 'listAgents' | 'saveAgent' | 'createAgentSession' | 'getAgentSession' | 'deleteAgentSession';

export function redisAgents({ redis, key }: RedisContext): Pick<Store, AgentMethods> {
  return {
    async listAgents() {
      return Object.values(await redis.hgetall(key.agents)).map((text) => JSON.parse(text) as StoredAgent);
    },
    async saveAgent(agent) {
      await redis.hset(key.agents, agent.id, JSON.stringify(agent));
    },
    async createAgentSession(session) {
      const ttl = Math.max(1, Date.parse(session.expiresAt) - Date.now());
      await redis.set(key.session(session.tokenHash), JSON.stringify(session), 'PX', ttl);
    },
    async getAgentSession(tokenHash, now) {
      const session = parseStored<AgentSession>(await redis.get(key.session(tokenHash)));
      return session && Date.parse(session.expiresAt) > now.getTime() ? session : undefined;
    },
    async deleteAgentSession(tokenHash) {
      await redis.del(key.session(tokenHash));
    },
  };
}
