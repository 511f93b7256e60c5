// Agents' sign-in: POST /api/v1/auth/login {email, password} → {token, expiresAt, agent}; logout; who am I. Wrong
// passwords pause the account and the address (handoff/lockout.ts): 429 with Retry-After while they last.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createLoginLockout, LockedOut, type AgentAuth } from '../handoff/index.js';
import { AppError } from '../shared/index.js';
import { bearer } from './operator-auth.js';

const Login = z.strictObject({ email: z.string().min(3).max(200), password: z.string().min(1).max(200) });
const LOGIN_ATTEMPTS_PER_MINUTE = 30;

/** `translator` names the machine translation agents get (TRANSLATOR), if any. */
export default async function authRoutes(app: FastifyInstance, { auth, translator, now }: { auth: AgentAuth; translator?: string; now: () => Date }) {
  const lockout = createLoginLockout(app.store);
  app.post('/api/v1/auth/login', async (request, reply) => {
    const at = now().getTime();
    const attempts = await app.store.hit(`login:${request.ip}`, 60_000, at);
    if (attempts > LOGIN_ATTEMPTS_PER_MINUTE) throw new AppError('rate_limited', 'too many sign-in attempts; wait a minute');
    const parsed = Login.safeParse(request.body);
    if (!parsed.success) throw new AppError('invalid_payload', 'email and password are required');
    const { email, password } = parsed.data;
    try {
      await lockout.check(email, request.ip, at);
    } catch (error) {
      if (error instanceof LockedOut) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
    const session = await auth.login(email, password).catch(async (error: unknown) => {
      if (error instanceof AppError && error.code === 'unauthorized') await lockout.failed(email, request.ip, at);
      throw error;
    });
    await lockout.succeeded(email);
    await app.store.appendAudit({ at: now().toISOString(), agentId: session.agent.id, action: 'login' });
    return session;
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const token = bearer(request);
    const { agent, tokenHash } = await auth.authenticate(token);
    await auth.logout(token!);
    await app.store.appendAudit({ at: now().toISOString(), agentId: agent.id, action: 'logout' });
    for (const socket of await app.io.of('/agent').fetchSockets()) if (socket.data.tokenHash === tokenHash) socket.disconnect(true);
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', async (request) => {
    const { agent, expiresAt } = await auth.authenticate(bearer(request));
    return { agent, expiresAt, ...(translator ? { translator } : {}) };
  });
}
