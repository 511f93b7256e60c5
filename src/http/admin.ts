// Operator APIs: GET /api/v1/admin/status shows what content is serving and the problems of the last change;
// GET /api/v1/admin/suggestions groups recent messages the bot was not confident about; GET /api/v1/admin/audit
// lists agents' actions, newest first; GET /api/v1/admin/analytics sums up how the bot and the agents do.
import type { FastifyInstance } from 'fastify';
import { computeAnalytics } from '../analytics/index.js';
import type { AgentAuth } from '../handoff/index.js';
import { contentStatus } from '../knowledge/index.js';
import { groupSuggestions } from '../learning/index.js';
import { requireOperator, requireOperatorOrOperatorAgent } from './operator-auth.js';

export default async function adminRoutes(app: FastifyInstance, { operatorToken, auth }: { operatorToken: string; auth: AgentAuth }) {
  app.get('/api/v1/admin/status', { preHandler: requireOperator(operatorToken) }, async () => contentStatus(app.knowledge));

  app.get<{ Querystring: { limit?: string } }>('/api/v1/admin/suggestions', { preHandler: requireOperator(operatorToken) }, async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit) || 500, 1), 1000);
    return { groups: groupSuggestions(await app.store.listUnanswered(limit)) };
  });

  app.get<{ Querystring: { limit?: string } }>('/api/v1/admin/audit', { preHandler: requireOperator(operatorToken) }, async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit) || 100, 1), 1000);
    return { entries: await app.store.listAudit(limit) };
  });

  // The analytics page of the console signs in as an agent with the operator role.
  app.get('/api/v1/admin/analytics', { preHandler: requireOperatorOrOperatorAgent(operatorToken, auth) }, async () => {
    return computeAnalytics(await app.store.analyticsTotals(), await app.store.listUnanswered(1000));
  });
}
