// POST /api/v1/webhooks/orders: the store's order events, signed with WEBHOOK_SECRET. The signature covers the raw
// body, so this route keeps it as text (its own JSON parser, scoped to this plugin) and parses it only once the
// signature holds. Nothing is processed on a bad, stale or replayed signature.
import type { FastifyInstance } from 'fastify';
import { EventEnvelope, ORDER_EVENT_TYPES, OrderEventSchema, SIGNATURE_HEADER, verifyWebhookSignature, type OrderCare } from '../care/index.js';
import { AppError } from '../shared/index.js';

export default async function webhookRoutes(app: FastifyInstance, { care, secret, now }: { care: OrderCare; secret?: string; now: () => Date }) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post('/api/v1/webhooks/orders', async (request, reply) => {
    if (!secret) {
      throw new AppError('unavailable', 'order events are turned off: set WEBHOOK_SECRET on the server (the same secret the store signs with)');
    }
    const body = typeof request.body === 'string' ? request.body : '';
    const header = request.headers[SIGNATURE_HEADER];
    const check = verifyWebhookSignature(Array.isArray(header) ? header[0] : header, body, secret, Math.floor(now().getTime() / 1000));
    if (!check.ok) {
      request.log.warn({ reason: check.reason }, 'order event refused');
      throw new AppError('unauthorized', check.reason);
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new AppError('invalid_payload', 'the body is not JSON');
    }
    const envelope = EventEnvelope.safeParse(json);
    if (!envelope.success) throw new AppError('invalid_payload', 'an event needs an "id" and a "type"');
    if (!(ORDER_EVENT_TYPES as readonly string[]).includes(envelope.data.type)) {
      // A store may send every event it has; the ones we do not handle are acknowledged and left alone.
      return reply
        .code(202)
        .send({ accepted: true, ignored: `events of type "${envelope.data.type}" are not handled; handled: ${ORDER_EVENT_TYPES.join(', ')}` });
    }
    const event = OrderEventSchema.safeParse(json);
    if (!event.success) {
      throw new AppError('invalid_payload', event.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
    }
    if (!(await care.accept(event.data))) {
      return reply.code(409).send({ error: { code: 'replay', message: `event "${event.data.id}" was received before; it is not processed again` } });
    }
    return reply.code(202).send({ accepted: true });
  });
}
