// Bearer-token check for operator APIs, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function isSameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function requireOperator(token: string) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!given || !isSameSecret(given, token)) {
      throw new AppError('unauthorized', 'an operator token is required: Authorization: Bearer <OPERATOR_TOKEN>');
    }
  };
}
