// POST /api/v1/package-suggestions: what to put in an order's parcel, in the customer's language. Operator token.
import type { FastifyInstance } from 'fastify';
import { PackageRequest, suggestPackageInserts } from '../packages/index.js';
import { AppError } from '../shared/index.js';
import { requireOperator } from './operator-auth.js';

export default async function packageRoutes(app: FastifyInstance, { operatorToken, now }: { operatorToken: string; now: () => Date }) {
  app.post('/api/v1/package-suggestions', { preHandler: requireOperator(operatorToken) }, async (request) => {
    const parsed = PackageRequest.safeParse(request.body);
    if (!parsed.success) {
      throw new AppError('invalid_payload', parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
    }
    const snapshot = app.knowledge.current();
    if (!snapshot) throw new AppError('unavailable', 'content is not loaded yet');
    return suggestPackageInserts(snapshot, parsed.data, now());
  });
}
