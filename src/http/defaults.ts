// What every HTTP answer gets: one error shape, security headers, CORS for the allowed origins, compression where
// a route asks for it.
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isAllowedOrigin } from '../network/index.js';
import { AppError } from '../shared/index.js';

async function httpDefaults(app: FastifyInstance) {
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof AppError) return reply.code(error.status).send({ error: error.toJSON() });
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    const code = status === 413 ? 'payload_too_large' : status === 500 ? 'internal' : 'invalid_request';
    return reply.code(status).send({ error: { code, message: status === 500 ? 'internal error' : error.message } });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: { code: 'not_found', message: `no route for ${request.method} ${request.url}` } }));
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
  const allowed = app.config.ALLOWED_ORIGINS;
  // The HTTP API answers cross-origin requests only from the allowed origins.
  await app.register(cors, {
    origin: (origin, callback) => callback(null, !!origin && allowed.length > 0 && isAllowedOrigin(origin, allowed)),
    credentials: false,
  });
  // Compression only where a route asks for it (the browser bundles): API answers are small.
  await app.register(compress, { global: false, encodings: ['br', 'gzip'] });
}

export default fp(httpDefaults, { name: 'http-defaults' });
