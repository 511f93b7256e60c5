// Socket.IO on the Fastify server: the /shopper namespace behind an Origin allow-list and a small frame limit.
import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import type { Config } from '../config.js';
import type { ConversationService, Publisher } from '../conversations/index.js';
import type { Store } from '../store/index.js';
import { isAllowedOrigin } from './origin.js';
import { conversationRoom, registerShopperNamespace } from './shopper.js';

/** Large enough for a 2,000-character message in any script, small enough that no one can flood memory. */
export const MAX_FRAME_BYTES = 16 * 1024;

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

export function createPublisher(io: Server): Publisher {
  const shoppers = io.of('/shopper');
  return {
    message(conversationId, message, options) {
      const room = shoppers.to(conversationRoom(conversationId));
      (options?.exceptSocket ? room.except(options.exceptSocket) : room).emit('message', message);
    },
    status(conversationId, event) {
      shoppers.to(conversationRoom(conversationId)).emit('status', event);
    },
  };
}

export function registerNamespaces(io: Server, options: { service: ConversationService; store: Store; config: Config; app: FastifyInstance }) {
  registerShopperNamespace(io.of('/shopper'), {
    service: options.service,
    store: options.store,
    messagesPerMinute: options.config.SHOPPER_MESSAGES_PER_MINUTE,
    logger: options.app.log,
  });
}
