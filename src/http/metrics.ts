// GET /metrics: Prometheus text format.
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../observability/metrics.js';

export default async function metricsRoutes(app: FastifyInstance, { metrics }: { metrics: Metrics }) {
  app.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
}
