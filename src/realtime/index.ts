// Socket.IO on the Fastify server: /shopper (the widget) behind an Origin allow-list and a small frame limit, and
// /agent (the console) behind agent sessions.
import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import type { Config } from '../config.js';
import { forShopper, type ConversationService, type Publisher } from '../conversations/index.js';
import type { Agent } from '../handoff/agents.js';
import type { Desk } from '../handoff/desk.js';
import type { Presence } from '../handoff/presence.js';
import type { AgentAuth } from '../handoff/sessions.js';
import type { Store } from '../store/index.js';
import { agentRoom, registerAgentNamespace } from './agent.js';
import { isAllowedOrigin } from './origin.js';
import { conversationRoom, registerShopperNamespace } from './shopper.js';

/** Large enough for a 2,000-character message in any script, small enough that no one can flood memory. */
export const MAX_FRAME_BYTES = 16 * 1024;
/** Queue updates are gathered for this long, so a burst of changes sends one update. */
const QUEUE_UPDATE_DELAY_MS = 50;

export function createSocketServer(app: FastifyInstance, config: Config): Server {
  const io = new Server(app.server, {
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
    pingInterval: 25_000,
    pingTimeout: 20_000,
    cors: { origin: (origin, callback) => callback(null, isAllowedOrigin(origin, undefined, config.ALLOWED_ORIGINS) ? origin ?? true : false) },
    allowRequest: (request, callback) => {
      const allowed = isAllowedOrigin(request.headers.origin, request.headers.host, config.ALLOWED_ORIGINS);
      if (!allowed) app.log.warn({ origin: request.headers.origin }, 'socket refused: origin not allowed');
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });
  io.engine.on('connection_error', (error: { code: number; message: string }) => app.log.debug({ code: error.code, message: error.message }, 'socket handshake failed'));
  return io;
}

/** The publisher the services use; queue changes are sent once the desk is attached. */
export function createPublisher(io: Server): Publisher & { attachDesk(desk: Desk): void } {
  const shoppers = io.of('/shopper');
  const agents = io.of('/agent');
  let desk: Desk | undefined;
  let pending: NodeJS.Timeout | undefined;
  const sendQueues = async () => {
    pending = undefined;
    if (!desk) return;
    await desk.announcePositions();
    for (const socket of await agents.fetchSockets()) socket.emit('queue', await desk.queueFor(socket.data.agent as Agent));
  };
  return {
    attachDesk(attached) {
      desk = attached;
    },
    message(record, message, options) {
      if (!message.internal) {
        const room = shoppers.to(conversationRoom(record.id));
        (options?.exceptSocket ? room.except(options.exceptSocket) : room).emit('message', forShopper(message));
      }
      if (record.assignedTo) agents.to(agentRoom(record.assignedTo)).emit('message', message);
    },
    status(conversationId, event) {
      shoppers.to(conversationRoom(conversationId)).emit('status', event);
    },
    queueChanged() {
      pending ??= setTimeout(() => void sendQueues().catch((error) => io.emit('error', error)), QUEUE_UPDATE_DELAY_MS);
    },
  };
}

export function registerNamespaces(
  io: Server,
  options: { service: ConversationService; store: Store; config: Config; app: FastifyInstance; desk: Desk; presence: Presence; auth: AgentAuth; publisher: Publisher },
) {
  registerShopperNamespace(io.of('/shopper'), {
    service: options.service,
    store: options.store,
    agents: io.of('/agent'),
    messagesPerMinute: options.config.SHOPPER_MESSAGES_PER_MINUTE,
    logger: options.app.log,
  });
  registerAgentNamespace(io.of('/agent'), {
    auth: options.auth,
    desk: options.desk,
    presence: options.presence,
    store: options.store,
    shoppers: io.of('/shopper'),
    queueChanged: () => options.publisher.queueChanged(),
    logger: options.app.log,
  });
}
