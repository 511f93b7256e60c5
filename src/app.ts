// Builds the Fastify application: one plugin per capability, in the order they need each other. Tests import this;
// server.ts listens. docs/architecture.md follows a message through what is registered here.
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { httpDefaults, httpRoutes } from './http/index.js';
import { compileTrustProxy, descriptorLimit, limitConnections, requireBodyRate, serverOptions, totalConnections } from './network/index.js';
import { loggerOptions } from './observability/index.js';
import {
  attachmentsPlugin,
  carePlugin,
  conversationsPlugin,
  deskPlugin,
  knowledgePlugin,
  metricsPlugin,
  ordersPlugin,
  privacyPlugin,
  productsPlugin,
  realtimePlugin,
  schedulerPlugin,
  socketsPlugin,
  storePlugin,
  type AttachmentsOptions,
  type KnowledgeOptions,
  type OrdersOptions,
  type ProductsOptions,
  type StoreOptions,
} from './plugins/index.js';
import { systemClock, type Clock } from './shared/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** Where every part of the app reads the time (tests pass their own). */
    clock: Clock;
    operatorToken: string;
  }
}

export interface AppOverrides extends KnowledgeOptions, StoreOptions, AttachmentsOptions, OrdersOptions, ProductsOptions {
  logger?: FastifyServerOptions['logger'];
  now?: Clock;
}

export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<FastifyInstance> {
  const trustProxy = compileTrustProxy(config.TRUST_PROXY);
  // A first start trains the intent models (cached in DATA_DIR afterwards): the knowledge plugin may take longer than
  // Fastify's default 10 s on a slow machine, and the training has its own time limit.
  const app = Fastify({
    logger: overrides.logger ?? loggerOptions(config.LOG_LEVEL),
    bodyLimit: 64 * 1024,
    trustProxy,
    pluginTimeout: 180_000,
    ...serverOptions(),
  });
  limitConnections(app.server, {
    perAddress: config.MAX_CONNECTIONS_PER_IP,
    total: totalConnections(config.MAX_CONNECTIONS, descriptorLimit()),
    trustProxy,
    logger: app.log,
  });
  requireBodyRate(app);

  app.decorate('config', config);
  app.decorate('clock', overrides.now ?? systemClock);
  app.decorate('operatorToken', config.OPERATOR_TOKEN ?? randomBytes(24).toString('base64url'));
  if (!config.OPERATOR_TOKEN) {
    app.log.warn({ operatorToken: app.operatorToken }, 'OPERATOR_TOKEN is not set: using this token for operator APIs until restart');
  }

  await app.register(httpDefaults);
  await app.register(metricsPlugin);
  await app.register(knowledgePlugin, { snapshot: overrides.snapshot, watchContent: overrides.watchContent });
  await app.register(storePlugin, { store: overrides.store });
  await app.register(ordersPlugin, { orderSource: overrides.orderSource });
  await app.register(productsPlugin, { productSource: overrides.productSource });
  await app.register(attachmentsPlugin, { blobs: overrides.blobs });
  await app.register(realtimePlugin);
  await app.register(conversationsPlugin);
  await app.register(deskPlugin);
  await app.register(carePlugin);
  await app.register(schedulerPlugin);
  await app.register(privacyPlugin);
  await app.register(socketsPlugin);
  await app.register(httpRoutes);
  return app;
}
