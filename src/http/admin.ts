// Operator APIs: GET /api/v1/admin/status shows what content is serving and the problems of the last change;
// GET /api/v1/admin/suggestions groups recent messages the bot was not confident about; GET /api/v1/admin/audit
// lists agents' actions, newest first.
import type { FastifyInstance } from 'fastify';
import { groupSuggestions } from '../learning/suggestions.js';
import { formatProblem } from '../shared/errors.js';
import { requireOperator } from './operator-auth.js';

export default async function adminRoutes(app: FastifyInstance, { operatorToken }: { operatorToken: string }) {
  app.get('/api/v1/admin/status', { preHandler: requireOperator(operatorToken) }, async () => {
    const snapshot = app.knowledge.current();
    const last = app.knowledge.lastReload();
    return {
      content: snapshot && {
        builtAt: snapshot.builtAt,
        languages: snapshot.languages,
        rules: snapshot.rules.length,
        templates: snapshot.templates.get(snapshot.settings.defaultLanguage)?.size ?? 0,
      },
      lastReload: last && {
        at: last.at,
        ok: last.ok,
        problems: last.problems.map(formatProblem),
      },
    };
  });

  app.get<{ Querystring: { limit?: string } }>('/api/v1/admin/suggestions', { preHandler: requireOperator(operatorToken) }, async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit) || 500, 1), 1000);
    return { groups: groupSuggestions(await app.store.listUnanswered(limit)) };
  });

  app.get<{ Querystring: { limit?: string } }>('/api/v1/admin/audit', { preHandler: requireOperator(operatorToken) }, async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit) || 100, 1), 1000);
    return { entries: await app.store.listAudit(limit) };
  });
}
