// Bearer tokens: reading one from a request, and the operator APIs' check, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/index.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function isSameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of `Authorization: Bearer <token>`, if the request has one. */
export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

export function requireOperator(token: string) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const given = bearer(request);
    if (!given || !isSameSecret(given, token)) {
      throw new AppError('unauthorized', 'an operator token is required: Authorization: Bearer <OPERATOR_TOKEN>');
    }
  };
}
