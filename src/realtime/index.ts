// Socket.IO on the Fastify server: /shopper (the widget) behind an Origin allow-list and a small frame limit, and
// /agent (the console) behind agent sessions.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Redis } from 'ioredis';
import { Server, type Namespace } from 'socket.io';
import type { AttachmentService } from '../attachments/index.js';
import type { Config } from '../config.js';
import { forShopper, type ConversationService, type Publisher } from '../conversations/index.js';
import type { Agent, Desk, Presence, AgentAuth } from '../handoff/index.js';
import { clientAddress, compileTrustProxy, createAddressCounter, isAllowedOrigin, ownOrigins } from '../network/index.js';
import type { Lists, Profiles } from '../inbox/index.js';
import type { Knowledge } from '../knowledge/index.js';
import type { AgentTranslation } from '../translation/index.js';
import type { Message } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { registerAgentNamespace } from './agent.js';
import { agentRoom, conversationRoom } from './rooms.js';
import { registerShopperNamespace } from './shopper.js';

/** Large enough for a 2,000-character message in any script, small enough that no one can flood memory. */
export const MAX_FRAME_BYTES = 16 * 1024;
const PRESENCE_CHANGED = 'borderless:presence-changed';
/** Queue updates are gathered for this long, so a burst of changes sends one update. */
const QUEUE_UPDATE_DELAY_MS = 50;

/**
 * With REDIS_URL the nodes share rooms through the Redis Streams adapter: a stream, unlike Pub/Sub, lets a node that
 * lost Redis for a moment resume without missing packets. Its client keeps what it sends while Redis is away (no
 * per-command limit or timeout: its stream reads block for seconds, and some of its publishes have no one to hear a
 * failure). That queue stays small because it holds only the adapter's own traffic: heartbeats (one per namespace
 * every 5 s), presence queries (every 3 s) and broadcasts, which follow store writes that fail during an outage.
 */
function redisAdapter(app: FastifyInstance, config: Config) {
  if (!config.REDIS_URL) return undefined;
  const client = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, retryStrategy: (attempt) => Math.min(attempt * 100, 1000) });
  // One line when Redis goes and one when it is back, not one per reconnect attempt.
  let isDown = false;
  client.on('error', (error) => {
    if (!isDown) app.log.warn({ err: error }, 'socket adapter lost Redis; retrying');
    isDown = true;
  });
  client.on('ready', () => {
    if (isDown) app.log.info('socket adapter reconnected to Redis');
    isDown = false;
  });
  const name = `${config.REDIS_PREFIX}socket.io`;
  return { client, adapter: createAdapter(client, { streamName: name, channelPrefix: name, sessionKeyPrefix: `${config.REDIS_PREFIX}socket.io:session:` }) };
}

/** A socket that connects but opens no namespace (no session) is closed after this long. */
const CONNECT_TIMEOUT_MS = 10_000;

export function createSocketServer(app: FastifyInstance, config: Config): Server {
  const redis = redisAdapter(app, config);
  // Sockets through a trusted proxy share its connections: they are counted per client address here.
  const trustProxy = compileTrustProxy(config.TRUST_PROXY);
  const sessions = createAddressCounter(config.MAX_CONNECTIONS_PER_IP);
  const allowedOrigins = () => [...config.ALLOWED_ORIGINS, ...ownOrigins(config.PUBLIC_URL, app.server.address())];
  const io = new Server(app.server, {
    ...(redis ? { adapter: redis.adapter } : {}),
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
    pingInterval: 25_000,
    pingTimeout: 20_000,
    connectTimeout: CONNECT_TIMEOUT_MS,
    cors: { origin: (origin, callback) => callback(null, isAllowedOrigin(origin, allowedOrigins()) ? (origin ?? true) : false) },
    allowRequest: (request, callback) => {
      if (!isAllowedOrigin(request.headers.origin, allowedOrigins())) {
        app.log.warn({ origin: request.headers.origin }, 'socket refused: origin not allowed');
        return callback('origin not allowed', false);
      }
      if (!sessions.hasRoom(clientAddress(request, trustProxy))) return callback('too many connections from this address', false);
      callback(null, true);
    },
  });
  io.engine.on('connection', (socket: { request: IncomingMessage; close(): void; once(event: 'close', listener: () => void): void }) => {
    const address = clientAddress(socket.request, trustProxy);
    if (!sessions.add(address)) return socket.close();
    socket.once('close', () => sessions.remove(address));
  });
  io.engine.on('connection_error', (error: { code: number; message: string }) =>
    app.log.debug({ code: error.code, message: error.message }, 'socket handshake failed'),
  );
  if (redis) {
    // The adapters stop their heartbeats and reads before their Redis connection goes.
    app.addHook('onClose', async () => {
      for (const name of ['/', '/shopper', '/agent']) await io.of(name).adapter.close();
      await redis.client.quit().catch(() => redis.client.disconnect());
    });
  }
  return io;
}

/**
 * Which agents are online on any node: read from the agent sockets of the whole cluster, refreshed on every queue
 * update and every few seconds, so a message's rules read a recent count without a round trip.
 */
export function createClusterPresence(io: Server, isClustered: boolean) {
  let online = new Set<string>();
  let closed = false;
  const refresh = async () => {
    // Once the node is closing, its adapter may already be gone: asking it would fail inside Socket.IO.
    if (closed) return [];
    const sockets = await io.of('/agent').fetchSockets();
    online = new Set(sockets.filter((socket) => socket.data.presence !== 'away').map((socket) => (socket.data.agent as Agent).id));
    return sockets;
  };
  const timer = setInterval(() => void refresh().catch(() => undefined), 3000).unref();
  // Other nodes hear at once when agents come, go or change presence here.
  if (isClustered) io.on(PRESENCE_CHANGED, () => void refresh().catch(() => undefined));
  return {
    refresh,
    announce() {
      if (isClustered && !closed) io.serverSideEmit(PRESENCE_CHANGED);
    },
    onlineCount: () => online.size,
    async isConnectedAnywhere(agentId: string): Promise<boolean> {
      return (await io.of('/agent').in(agentRoom(agentId)).fetchSockets()).length > 0;
    },
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}

export type ClusterPresence = ReturnType<typeof createClusterPresence>;

/**
 * Whether a shopper's conversation has a socket besides `except` that could hear it. Only a single node knows: in a
 * cluster the other nodes' sockets are not in the local rooms.
 */
function hasOtherListeners(shoppers: Namespace, room: string, except: string | undefined, clustered: boolean): boolean {
  if (clustered) return true;
  const members = shoppers.adapter.rooms.get(room);
  return !!members && members.size > (except !== undefined && members.has(except) ? 1 : 0);
}

/**
 * The publisher the services use. A queue change is announced, once per burst, to whoever listens (the desk sends
 * the agents' queue views). `withLinks` gives a message fresh signed links to its pictures as it goes out.
 * `clustered`: other nodes may hold the conversation's sockets, so every message is broadcast; on a single node, a
 * shopper's own message is not even encoded when no other tab of that chat is open (the usual case).
 */
export function createPublisher(
  io: Server,
  withLinks: (message: Message) => Message = (message) => message,
  { clustered = false }: { clustered?: boolean } = {},
): Publisher & { onQueueChanged(listener: QueueListener): void } {
  const shoppers = io.of('/shopper');
  const agents = io.of('/agent');
  const listeners: QueueListener[] = [];
  let pending: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const announce = async () => {
    pending = undefined;
    const conversationIds = [...changed];
    changed = new Set();
    for (const listener of listeners) await listener(conversationIds);
  };
  return {
    onQueueChanged(listener) {
      listeners.push(listener);
    },
    message(record, stored, options) {
      const message = withLinks(stored);
      const roomName = conversationRoom(record.id);
      if (!message.internal && hasOtherListeners(shoppers, roomName, options?.exceptSocket, clustered)) {
        const room = shoppers.to(roomName);
        (options?.exceptSocket ? room.except(options.exceptSocket) : room).emit('message', forShopper(message));
      }
      if (record.assignedTo) agents.to(agentRoom(record.assignedTo)).emit('message', message);
    },
    status(conversationId, event) {
      shoppers.to(conversationRoom(conversationId)).emit('status', event);
    },
    queueChanged(...conversationIds) {
      for (const id of conversationIds) changed.add(id);
      pending ??= setTimeout(() => void announce().catch(() => undefined), QUEUE_UPDATE_DELAY_MS);
    },
  };
}

/** Hears, once per burst, which conversations of the agents' list changed (none: only places in line). */
export type QueueListener = (conversationIds: string[]) => Promise<void>;

/**
 * Tells queued shoppers their places in line, and every agent (on every node) what changed: a console that asked for
 * changes gets one `queueChange` per conversation that changed; any other client gets its whole `queue`, as the
 * socket contract says, on every change.
 */
export function sendQueueUpdates(cluster: ClusterPresence, desk: Desk): QueueListener {
  return async (conversationIds) => {
    const sockets = await cluster.refresh();
    await desk.announcePositions();
    if (conversationIds.length === 0) return;
    const [byChange, whole] = [sockets.filter((socket) => socket.data.queueChanges === true), sockets.filter((socket) => socket.data.queueChanges !== true)];
    if (byChange.length) {
      const changes = await desk.queueChanges(conversationIds);
      for (const socket of byChange) for (const change of changes) socket.emit('queueChange', change);
    }
    if (whole.length) {
      const view = await desk.queueView();
      for (const socket of whole) socket.emit('queue', view(socket.data.agent as Agent));
    }
  };
}

export function registerNamespaces(
  io: Server,
  options: {
    service: ConversationService;
    store: Store;
    config: Config;
    app: FastifyInstance;
    desk: Desk;
    presence: Presence;
    auth: AgentAuth;
    publisher: Publisher;
    cluster: ClusterPresence;
    attachments: AttachmentService;
    knowledge: Knowledge;
    lists: Lists;
    profiles: Profiles;
    translation?: AgentTranslation;
  },
) {
  registerShopperNamespace(io.of('/shopper'), {
    service: options.service,
    store: options.store,
    attachments: options.attachments,
    agents: io.of('/agent'),
    messagesPerMinute: options.config.SHOPPER_MESSAGES_PER_MINUTE,
    newConversationsPerMinute: options.config.NEW_CONVERSATIONS_PER_IP_PER_MINUTE,
    trustProxy: compileTrustProxy(options.config.TRUST_PROXY),
    identitySecret: options.config.IDENTITY_SECRET,
    logger: options.app.log,
  });
  return registerAgentNamespace(io.of('/agent'), {
    auth: options.auth,
    desk: options.desk,
    presence: options.presence,
    store: options.store,
    attachments: options.attachments,
    knowledge: options.knowledge,
    lists: options.lists,
    profiles: options.profiles,
    translation: options.translation,
    shoppers: io.of('/shopper'),
    queueChanged: () => options.publisher.queueChanged(),
    presenceChanged: () => options.cluster.announce(),
    logger: options.app.log,
    sessionCheckMs: options.config.AGENT_SESSION_CHECK_SECONDS * 1000,
  });
}

/** Closes a conversation's shopper sockets on every node, once its data is deleted. */
export function disconnectShoppers(io: Server, conversationId: string): void {
  io.of('/shopper').in(conversationRoom(conversationId)).disconnectSockets(true);
}
