// Operator APIs: GET /api/v1/admin/status shows what content is serving and the problems of the last change.
import type { FastifyInstance } from 'fastify';
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
}
