// Builds the Fastify application with its plugins in a fixed order. Tests import this; server.ts listens.
import { randomBytes } from 'node:crypto';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { attachmentSecret, createAttachmentService, createBlobStore, type AttachmentService, type BlobStore } from './attachments/index.js';
import attachmentRoutes from './http/attachments.js';
import type { Server as SocketServer } from 'socket.io';
import { createConversationLock, createConversationService, type ConversationService } from './conversations/index.js';
import { createAgentDirectory } from './handoff/agents.js';
import { createDesk, type Desk } from './handoff/desk.js';
import { isOpen, nextOpening, parseBusinessHours } from './handoff/hours.js';
import { createPresence } from './handoff/presence.js';
import { createAgentAuth } from './handoff/sessions.js';
import authRoutes from './http/auth.js';
import agentApiRoutes from './http/agent-api.js';
import consoleRoutes from './http/console.js';
import adminRoutes from './http/admin.js';
import demoRoutes from './http/demo.js';
import healthRoutes from './http/health.js';
import metricsRoutes from './http/metrics.js';
import { compileTrustProxy } from './http/client-address.js';
import { descriptorLimit, limitConnections, requireBodyRate, serverOptions, totalConnections } from './http/connections.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { loggerOptions } from './observability/logger.js';
import { isAllowedOrigin } from './realtime/origin.js';
import packageRoutes from './http/packages.js';
import previewRoutes from './http/preview.js';
import privacyRoutes from './http/privacy.js';
import widgetRoutes from './http/widget.js';
import { createKnowledge, watchContent, type Knowledge, type Snapshot } from './knowledge/index.js';
import { createEraser, startRetention } from './privacy/index.js';
import { createClusterPresence, createPublisher, createSocketServer, disconnectShoppers, registerNamespaces } from './realtime/index.js';
import webhookRoutes from './http/webhooks.js';
import { createOrderCare } from './care/index.js';
import { createScheduler } from './scheduler/index.js';
import { ratingCounts } from './analytics/index.js';
import { AppError, ContentError, formatProblem } from './shared/errors.js';
import { createMemoryStore, createRedisLock, createRedisStore, type Store } from './store/index.js';
import { createOrderSource, type OrderSource } from './orders/index.js';
import { createProductCatalogue, createProductSource, type ProductSource } from './products/index.js';
import { createLists, createProfiles } from './inbox/index.js';
import { createAgentTranslation, createTranslator } from './translation/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    knowledge: Knowledge;
    operatorToken: string;
    store: Store;
    conversations: ConversationService;
    desk: Desk;
    io: SocketServer;
    /** Pictures in conversations; its deleteConversationAttachments(id) must run wherever a conversation is deleted. */
    attachments: AttachmentService;
    /** The Prometheus registry; server.ts serves it on METRICS_PORT when that is set. */
    metrics: Metrics;
  }
}

export interface AppOverrides {
  logger?: FastifyServerOptions['logger'];
  /** An already built snapshot (tests share one to save training time). */
  snapshot?: Snapshot;
  store?: Store;
  /** Where pictures' bytes go (default: S3 when S3_BUCKET is set, else DATA_DIR/attachments). */
  blobs?: BlobStore;
  now?: () => Date;
  /** Rebuild the snapshot when content files change (default: when the app loads content itself). */
  watchContent?: boolean;
  /** Where orders are looked up (default: DATA_DIR/orders.json, else the demo store's orders). */
  orderSource?: OrderSource;
  /** Where products are read (default: PRODUCT_SOURCE: DATA_DIR/products.json, else the demo catalogue). */
  productSource?: ProductSource;
}

export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<FastifyInstance> {
  const trustProxy = compileTrustProxy(config.TRUST_PROXY);
  const app = Fastify({
    logger: overrides.logger ?? loggerOptions(config.LOG_LEVEL),
    bodyLimit: 64 * 1024,
    trustProxy,
    ...serverOptions(),
  });
  limitConnections(app.server, { perAddress: config.MAX_CONNECTIONS_PER_IP, total: totalConnections(config.MAX_CONNECTIONS, descriptorLimit()), trustProxy, logger: app.log });
  requireBodyRate(app);

  app.decorate('config', config);
  const metrics = createMetrics();
  app.decorate('metrics', metrics);
  const knowledge = createKnowledge(config.CONTENT_DIR, overrides.snapshot);
  if (!overrides.snapshot) {
    const { ok, problems } = await knowledge.reload();
    if (!ok) throw new ContentError(problems.filter((problem) => problem.severity === 'error'));
    for (const problem of problems) app.log.warn({ problem }, 'content warning');
  }
  app.decorate('knowledge', knowledge);
  if (overrides.watchContent ?? !overrides.snapshot) {
    const watcher = watchContent(config.CONTENT_DIR, knowledge, {
      onReload: ({ ok, problems }) => {
        metrics.reload(ok);
        const lines = problems.map(formatProblem);
        if (ok) app.log.info({ warnings: lines }, 'content reloaded');
        else app.log.error({ problems: lines }, 'content change rejected; the previous content keeps serving');
      },
      onError: (error) => app.log.error({ err: error }, 'content watcher failed'),
    });
    app.addHook('onClose', async () => watcher.close());
  }

  const operatorToken = config.OPERATOR_TOKEN ?? randomBytes(24).toString('base64url');
  if (!config.OPERATOR_TOKEN) {
    app.log.warn({ operatorToken }, 'OPERATOR_TOKEN is not set: using this token for operator APIs until restart');
  }
  app.decorate('operatorToken', operatorToken);

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof AppError) return reply.code(error.status).send({ error: error.toJSON() });
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    const code = status === 413 ? 'payload_too_large' : status === 500 ? 'internal' : 'invalid_request';
    return reply.code(status).send({ error: { code, message: status === 500 ? 'internal error' : error.message } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `no route for ${request.method} ${request.url}` } }),
  );

  const store =
    overrides.store ??
    (config.REDIS_URL
      ? createRedisStore(config.REDIS_URL, { prefix: config.REDIS_PREFIX, emptyConversationMs: config.EMPTY_CONVERSATION_HOURS * 3_600_000 })
      : createMemoryStore({ maxConversations: config.MAX_CONVERSATIONS }));
  app.decorate('store', store);
  const io = createSocketServer(app, config);
  app.decorate('io', io);
  const now = overrides.now ?? (() => new Date());
  const cluster = createClusterPresence(io, !!config.REDIS_URL);
  const attachments = createAttachmentService({
    store,
    blobs: overrides.blobs ?? (await createBlobStore(config)),
    secret: attachmentSecret(config.ATTACHMENT_SECRET, operatorToken),
    perConversation: config.ATTACHMENTS_PER_CONVERSATION,
    linkSeconds: config.ATTACHMENT_LINK_SECONDS,
    now,
  });
  app.decorate('attachments', attachments);
  if (config.REDIS_URL && !config.S3_BUCKET && !overrides.blobs) {
    app.log.warn('pictures are kept in DATA_DIR on this node only: with several nodes, set S3_BUCKET so that every node can serve them');
  }
  const publisher = createPublisher(io, cluster, attachments.withLinks);
  // Nodes sharing Redis take turns on a conversation, as operations on one node do.
  const lock = config.REDIS_URL ? createRedisLock(config.REDIS_URL, { prefix: config.REDIS_PREFIX }) : undefined;
  const withConversationLock = createConversationLock(lock);
  const presence = createPresence();
  const hours = parseBusinessHours(config.BUSINESS_HOURS);
  // This node's agents count at once; other nodes' as the cluster view refreshes.
  const agentsOnline = () => Math.max(cluster.onlineCount(), presence.onlineAgents().length);
  // The catalogue is read before the first shopper writes, then again on a timer; a turn never waits for it.
  const products = createProductCatalogue(overrides.productSource ?? createProductSource(config, app.log), { refreshSeconds: config.PRODUCTS_REFRESH_SECONDS, logger: app.log });
  await products.refresh();
  app.addHook('onClose', async () => products.close());
  // One time zone for opening hours and the rules' localTime: the configuration's, else the content's.
  const context = () => {
    const at = now();
    const timeZone = config.BUSINESS_TIMEZONE ?? knowledge.current()?.settings.timeZone ?? 'UTC';
    const storeOpen = isOpen(hours, at, timeZone);
    return { storeOpen, agentsOnline: agentsOnline(), reopensAt: storeOpen ? undefined : nextOpening(hours, at, timeZone), timeZone, catalogue: products.current() };
  };
  const orderSource = overrides.orderSource ?? createOrderSource(config, app.log);
  app.addHook('onClose', async () => orderSource.close?.());
  const conversations = createConversationService({ store, knowledge, publisher, logger: app.log, withConversationLock, context, metrics, now, orders: orderSource });
  const directory = createAgentDirectory(config.DATA_DIR);
  const desk = createDesk({ store, knowledge, presence, withConversationLock, publisher, logger: app.log, now, graceSeconds: config.AGENT_GRACE_SECONDS, metrics, cluster, agentsOnline, directory });
  metrics.observeState({
    queueLength: async () => (await store.listConversationsByStatus(['queued'])).length,
    connections: (namespace) => io.of(`/${namespace}`).sockets.size,
    ratings: async () => ratingCounts(await store.analyticsTotals()),
  });
  publisher.attachDesk(desk);
  app.decorate('conversations', conversations);
  app.decorate('desk', desk);
  const care = createOrderCare({ store, knowledge, conversations, followUpDays: config.FOLLOW_UP_DAYS, now, logger: app.log });
  const scheduler = createScheduler({ store, handlers: care.handlers, intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000, now, logger: app.log });
  care.attachScheduler(scheduler);
  // Jobs being run finish before the store closes.
  app.addHook('preClose', () => scheduler.close());
  const auth = createAgentAuth({ store, dataDir: config.DATA_DIR, sessionHours: config.AGENT_SESSION_HOURS, now });
  const translator = createTranslator(config);
  const translation = translator && createAgentTranslation(translator, () => knowledge.current()?.languages ?? []);
  if (translator) app.log.info({ translator: translator.name }, 'agents get machine translations');
  const lists = createLists({ store, now, directory });
  const profiles = createProfiles({ store, orders: orderSource, attachments });
  registerNamespaces(io, { service: conversations, store, config, app, desk, presence, auth, publisher, cluster, attachments, knowledge, lists, profiles, translation });
  const eraser = createEraser({ store, withConversationLock, deleteAttachments: (id) => attachments.deleteConversationAttachments(id), disconnectShoppers: (id) => disconnectShoppers(io, id), queueChanged: () => publisher.queueChanged() });
  store.onEvicted?.((id) => void eraser.forgetEvicted(id).catch((error: unknown) => app.log.error({ err: error, conversationId: id }, 'could not delete the pictures of an evicted conversation')));
  // Only a started app purges; it stops before the store closes.
  let retention: ReturnType<typeof startRetention> | undefined;
  app.addHook('onReady', async () => {
    retention = startRetention({ store, eraser, retentionDays: config.RETENTION_DAYS, emptyHours: config.EMPTY_CONVERSATION_HOURS, now, logger: app.log });
  });
  // Sockets go first, so that closing the HTTP server does not wait on open websockets.
  app.addHook('preClose', async () => {
    await retention?.stop();
    cluster.close();
    io.local.disconnectSockets(true);
    io.engine.close();
  });
  app.addHook('onClose', async () => {
    desk.close();
    await attachments.close();
    await store.close();
    await lock?.close();
  });

  // Security headers on every response; the widget and its strings are meant to be loaded by stores' pages.
  await app.register(helmet, {
    crossOriginResourcePolicy: { policy: 'same-site' },
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        // blob: for the console's preview of a picture before it is sent; the pictures themselves are same-origin.
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameAncestors: ["'none'"],
      },
    },
  });
  // The HTTP API answers cross-origin requests only from the allowed origins.
  await app.register(cors, {
    origin: (origin, callback) => callback(null, !!origin && config.ALLOWED_ORIGINS.length > 0 && isAllowedOrigin(origin, config.ALLOWED_ORIGINS)),
    credentials: false,
  });
  // Compression only where a route asks for it (the browser bundles): API answers are small.
  await app.register(compress, { global: false, encodings: ['br', 'gzip'] });
  await app.register(healthRoutes);
  if (!config.METRICS_PORT) await app.register(metricsRoutes, { metrics, token: config.METRICS_TOKEN });
  await app.register(previewRoutes, { operatorToken, orders: orderSource, catalogue: products.current });
  await app.register(adminRoutes, { operatorToken, auth });
  await app.register(privacyRoutes, { operatorToken, eraser });
  await app.register(authRoutes, { auth, translator: translator?.name, now });
  await app.register(agentApiRoutes, { auth, presence });
  await app.register(attachmentRoutes, { attachments, store, auth, maxBytes: config.ATTACHMENT_MAX_BYTES });
  await app.register(consoleRoutes);
  await app.register(widgetRoutes);
  await app.register(demoRoutes);
  await app.register(webhookRoutes, { care, secret: config.WEBHOOK_SECRET, now });
  await app.register(packageRoutes, { operatorToken, now });
  return app;
}
