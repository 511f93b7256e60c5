// Every HTTP route group, each given the services it uses.
import type { FastifyInstance } from 'fastify';
import adminRoutes from './admin.js';
import agentApiRoutes from './agent-api.js';
import attachmentRoutes from './attachments.js';
import authRoutes from './auth.js';
import consoleRoutes from './console.js';
import demoRoutes from './demo.js';
import healthRoutes from './health.js';
import metricsRoutes from './metrics.js';
import packageRoutes from './packages.js';
import previewRoutes from './preview.js';
import privacyRoutes from './privacy.js';
import webhookRoutes from './webhooks.js';
import widgetRoutes from './widget.js';

export async function httpRoutes(app: FastifyInstance) {
  const { config, operatorToken, agentAuth: auth, clock: now } = app;
  await app.register(healthRoutes);
  // With METRICS_PORT, server.ts serves the metrics on a port of their own.
  if (!config.METRICS_PORT) await app.register(metricsRoutes, { metrics: app.metrics, token: config.METRICS_TOKEN });
  await app.register(previewRoutes, { operatorToken, orders: app.orders, catalogue: app.products.current });
  await app.register(adminRoutes, { operatorToken, auth });
  await app.register(privacyRoutes, { operatorToken, eraser: app.eraser });
  await app.register(authRoutes, { auth, translator: app.translator?.name, now });
  await app.register(agentApiRoutes, { auth, presence: app.presence });
  await app.register(attachmentRoutes, { attachments: app.attachments, store: app.store, auth, maxBytes: config.ATTACHMENT_MAX_BYTES });
  await app.register(consoleRoutes);
  await app.register(widgetRoutes);
  await app.register(demoRoutes);
  await app.register(webhookRoutes, { care: app.care, secret: config.WEBHOOK_SECRET, now });
  await app.register(packageRoutes, { operatorToken, now });
}
