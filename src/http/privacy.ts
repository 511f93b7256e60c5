// Operator APIs for shoppers' privacy requests: GET /api/v1/privacy/export gives every stored conversation of a
// customer (or one conversation) with its messages; DELETE /api/v1/privacy/data deletes them. Both by customerId or
// conversationId. Not by e-mail: the store has no index of e-mail addresses, and finding one would mean reading
// every conversation.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deleteShopperData, exportShopperData, findConversations, type DataSubject, type Eraser } from '../privacy/index.js';
import { AppError } from '../shared/index.js';
import { requireOperator } from './operator-auth.js';

const Identifier = z.string().min(1).max(200);

const SubjectQuery = z
  .strictObject(
    { customerId: Identifier.optional(), conversationId: Identifier.optional() },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown parameter ${issue.keys.join(', ')}: give customerId or conversationId` : undefined) },
  )
  .refine((query) => (query.customerId === undefined) !== (query.conversationId === undefined), 'give exactly one of customerId or conversationId');

function parseSubject(query: unknown): DataSubject {
  const parsed = SubjectQuery.safeParse(query);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new AppError('invalid_payload', issue?.path.length ? `${issue.path.join('.')}: ${issue.message}` : (issue?.message ?? 'invalid query'));
  }
  const { customerId, conversationId } = parsed.data;
  return customerId !== undefined ? { customerId } : { conversationId: conversationId! };
}

const describeSubject = (subject: DataSubject) => ('customerId' in subject ? 'customerId' : 'conversationId');

export default async function privacyRoutes(app: FastifyInstance, { operatorToken, eraser }: { operatorToken: string; eraser: Eraser }) {
  const preHandler = requireOperator(operatorToken);

  async function matching(subject: DataSubject) {
    const records = await findConversations(app.store, subject);
    if (records.length === 0) throw new AppError('not_found', `no conversation matches this ${describeSubject(subject)}`);
    return records;
  }

  /** Who asked and how much, never whose data: the audit log must not become a copy of it. */
  async function audit(action: string, subject: DataSubject, counts: { conversations: number; messages: number }) {
    const entry = { at: app.clock().toISOString(), agentId: 'operator', action, detail: { by: describeSubject(subject), ...counts } };
    await app.store.appendAudit(entry);
    app.log.info({ audit: entry }, `operator ${action}`);
  }

  app.get('/api/v1/privacy/export', { preHandler }, async (request, reply) => {
    const subject = parseSubject(request.query);
    const conversations = await exportShopperData(app.store, await matching(subject));
    await audit('privacy-export', subject, {
      conversations: conversations.length,
      messages: conversations.reduce((sum, item) => sum + item.messages.length, 0),
    });
    reply.header('cache-control', 'no-store');
    return { exportedAt: app.clock().toISOString(), conversations };
  });

  app.delete('/api/v1/privacy/data', { preHandler }, async (request) => {
    const subject = parseSubject(request.query);
    const deleted = await deleteShopperData(eraser, await matching(subject));
    await audit('privacy-delete', subject, deleted);
    return { deleted };
  });
}
