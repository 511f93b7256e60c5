// Bearer tokens: reading one from a request, and the operator APIs' check, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AgentAuth } from '../handoff/index.js';
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

/** The operator token, or the session of an agent whose role is operator (the console's analytics page). */
export function requireOperatorOrOperatorAgent(token: string, auth: Pick<AgentAuth, 'authenticate'>) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const given = bearer(request) ?? '';
    const isOperator =
      (given && isSameSecret(given, token)) ||
      (await auth.authenticate(given).then(
        ({ agent }) => agent.role === 'operator',
        () => false,
      ));
    if (!isOperator) throw new AppError('unauthorized', 'the operator token or an operator sign-in is required');
  };
}

export function requireOperator(token: string) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const given = bearer(request);
    if (!given || !isSameSecret(given, token)) {
      throw new AppError('unauthorized', 'an operator token is required: Authorization: Bearer <OPERATOR_TOKEN>');
    }
  };
}
