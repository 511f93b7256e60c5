// Liveness and readiness probes for load balancers and orchestrators.
import type { FastifyInstance } from 'fastify';

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const snapshot = app.knowledge.current();
    if (!snapshot) return reply.code(503).send({ status: 'unavailable', content: 'not loaded' });
    const storeReachable = await app.store.ping().catch(() => false);
    if (!storeReachable) return reply.code(503).send({ status: 'unavailable', store: 'unreachable' });
    return { status: 'ready', content: { builtAt: snapshot.builtAt, languages: snapshot.languages }, store: 'ok' };
  });
}
