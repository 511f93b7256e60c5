// Agents' HTTP API. GET /api/v1/agent/canned-replies?language=xx: the templates as canned replies, in the agent's
// language and in the shopper's, so an agent can answer in a language it does not speak. GET /api/v1/agent/agents:
// who is connected, for transfers.
import type { FastifyInstance } from 'fastify';
import { publicAgent, type Presence, type AgentAuth } from '../handoff/index.js';
import { TEMPLATE_VALUES } from '../knowledge/index.js';
import { renderReply } from '../pipeline/index.js';
import { bearer } from './operator-auth.js';

/** Templates that only make sense from the bot itself, about an order event or a parcel, or as the widget's welcome. */
const HIDDEN = /^(clarify|handoff\.|unsupported_language|care\.|packages\.|widget\.)/;
/** Values only a shopper's message provides: templates that need them cannot be sent as canned replies. */
const MESSAGE_VALUES = new Set(TEMPLATE_VALUES.filter((name) => name !== 'today'));

export default async function agentApiRoutes(app: FastifyInstance, { auth, presence }: { auth: AgentAuth; presence: Presence }) {
  app.get('/api/v1/agent/agents', async (request) => {
    await auth.authenticate(bearer(request));
    const online = new Set(presence.onlineAgents());
    return { agents: (await app.agentDirectory.records()).filter((agent) => presence.isConnected(agent.id)).map((agent) => ({ ...publicAgent(agent), online: online.has(agent.id) })) };
  });

  app.get<{ Querystring: { language?: string } }>('/api/v1/agent/canned-replies', async (request) => {
    const { agent } = await auth.authenticate(bearer(request));
    const snapshot = app.knowledge.current()!;
    const shopperLanguage = snapshot.languages.includes(request.query.language ?? '') ? request.query.language! : snapshot.settings.defaultLanguage;
    const agentLanguage = agent.languages.find((language) => snapshot.languages.includes(language)) ?? snapshot.settings.defaultLanguage;
    const now = app.clock();
    const render = (templateId: string, language: string) => renderReply(snapshot, { templateId, language, entities: {}, variantSeed: 0, now }).text;
    const ids = [...(snapshot.templates.get(snapshot.settings.defaultLanguage)?.values() ?? [])]
      .filter((template) => !HIDDEN.test(template.id) && !template.variantArguments.flat().some((name) => MESSAGE_VALUES.has(name)))
      .map((template) => template.id);
    return {
      agentLanguage,
      shopperLanguage,
      replies: ids.map((id) => ({ id, text: render(id, agentLanguage), shopperText: render(id, shopperLanguage) })),
    };
  });
}
