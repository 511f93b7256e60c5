// The Prometheus registry, and the gauges read when it is scraped: queue length, open sockets, ratings.
import fp from 'fastify-plugin';
import { ratingCounts } from '../analytics/index.js';
import { createMetrics, type Metrics } from '../observability/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Prometheus registry; server.ts serves it on METRICS_PORT when that is set. */
    metrics: Metrics;
  }
}

export default fp(
  async (app) => {
    const metrics = createMetrics();
    app.decorate('metrics', metrics);
    // What the gauges read is registered by plugins that come later: read it once they are all there.
    app.addHook('onReady', async () => {
      metrics.observeState({
        queueLength: async () => (await app.store.listConversationsByStatus(['queued'])).length,
        connections: (namespace) => app.io.of(`/${namespace}`).sockets.size,
        ratings: async () => ratingCounts(await app.store.analyticsTotals()),
      });
    });
  },
  { name: 'metrics' },
);
