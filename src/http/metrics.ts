// GET /metrics: Prometheus text format. With METRICS_TOKEN it needs `Authorization: Bearer <METRICS_TOKEN>`; with
// METRICS_PORT it is served on that port only (a network the scraper alone reaches), by startMetricsServer.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Metrics } from '../observability/index.js';
import { AppError } from '../shared/index.js';
import { bearer, isSameSecret } from './operator-auth.js';

export interface MetricsRouteOptions {
  metrics: Metrics;
  token?: string;
}

export default async function metricsRoutes(app: FastifyInstance, { metrics, token }: MetricsRouteOptions) {
  app.get('/metrics', async (request, reply) => {
    const given = bearer(request);
    if (token && !(given && isSameSecret(given, token))) {
      throw new AppError('unauthorized', 'the metrics token is required: Authorization: Bearer <METRICS_TOKEN>');
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

/** /metrics alone on a port of its own; close() stops it. */
export async function startMetricsServer(options: MetricsRouteOptions & { port: number; host: string }): Promise<FastifyInstance> {
  const server = Fastify({ logger: false });
  server.setErrorHandler((error, _request, reply) =>
    error instanceof AppError
      ? reply.code(error.status).send({ error: error.toJSON() })
      : reply.code(500).send({ error: { code: 'internal', message: 'internal error' } }),
  );
  await server.register(metricsRoutes, options);
  await server.listen({ port: options.port, host: options.host });
  return server;
}
