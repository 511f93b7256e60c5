// GET /api/v1/agent/canned-replies?language=xx: the templates as canned replies, in the agent's language and in
// the shopper's, so an agent can answer in a language it does not speak.
import type { FastifyInstance } from 'fastify';
import type { AgentAuth } from '../handoff/sessions.js';
import { renderReply } from '../pipeline/render.js';
import { bearer } from './auth.js';

const HIDDEN = /^(clarify|handoff\.|unsupported_language)/;

export default async function cannedReplyRoutes(app: FastifyInstance, { auth }: { auth: AgentAuth }) {
  app.get<{ Querystring: { language?: string } }>('/api/v1/agent/canned-replies', async (request) => {
    const { agent } = await auth.authenticate(bearer(request));
    const snapshot = app.knowledge.current()!;
    const shopperLanguage = snapshot.languages.includes(request.query.language ?? '') ? request.query.language! : snapshot.settings.defaultLanguage;
    const agentLanguage = agent.languages.find((language) => snapshot.languages.includes(language)) ?? snapshot.settings.defaultLanguage;
    const now = new Date();
    const render = (templateId: string, language: string) => renderReply(snapshot, { templateId, language, entities: {}, variantSeed: 0, now }).text;
    const ids = [...(snapshot.templates.get(snapshot.settings.defaultLanguage)?.keys() ?? [])].filter((id) => !HIDDEN.test(id));
    return {
      agentLanguage,
      shopperLanguage,
      replies: ids.map((id) => ({ id, text: render(id, agentLanguage), shopperText: render(id, shopperLanguage) })),
    };
  });
}
