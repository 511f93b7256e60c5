// Agents' HTTP API. GET /api/v1/agent/canned-replies?language=xx: the templates as canned replies, in the agent's
// language and in the shopper's (handoff/canned-replies.ts). GET /api/v1/agent/agents: who is connected, for transfers.
import type { FastifyInstance } from 'fastify';
import { cannedReplies, connectedAgents, type AgentAuth, type Presence } from '../handoff/index.js';
import { bearer } from './operator-auth.js';

export default async function agentApiRoutes(app: FastifyInstance, { auth, presence }: { auth: AgentAuth; presence: Presence }) {
  app.get('/api/v1/agent/agents', async (request) => {
    await auth.authenticate(bearer(request));
    return { agents: await connectedAgents(app.agentDirectory, presence) };
  });

  app.get<{ Querystring: { language?: string } }>('/api/v1/agent/canned-replies', async (request) => {
    const { agent } = await auth.authenticate(bearer(request));
    return cannedReplies(app.knowledge.current()!, { agentLanguages: agent.languages, language: request.query.language, now: app.clock() });
  });
}
