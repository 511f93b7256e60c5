// Agents' sign-in: POST /api/v1/auth/login {email, password} → {token, expiresAt, agent}; logout; who am I. The
// rules (attempt limits, lockouts, audit) are handoff/sign-in.ts; here, a lockout becomes 429 with Retry-After.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createSignIn, LockedOut, type AgentAuth } from '../handoff/index.js';
import { AppError } from '../shared/index.js';
import { bearer } from './operator-auth.js';

const Login = z.strictObject({ email: z.string().min(3).max(200), password: z.string().min(1).max(200) });

/** `translator` names the machine translation agents get (TRANSLATOR), if any. */
export default async function authRoutes(app: FastifyInstance, { auth, translator, now }: { auth: AgentAuth; translator?: string; now: () => Date }) {
  const agents = createSignIn({ store: app.store, auth, now });
  app.post('/api/v1/auth/login', async (request, reply) => {
    const parsed = Login.safeParse(request.body);
    if (!parsed.success) throw new AppError('invalid_payload', 'email and password are required');
    try {
      return await agents.signIn(parsed.data.email, parsed.data.password, request.ip);
    } catch (error) {
      if (error instanceof LockedOut) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const { tokenHash } = await agents.signOut(bearer(request));
    for (const socket of await app.io.of('/agent').fetchSockets()) if (socket.data.tokenHash === tokenHash) socket.disconnect(true);
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', async (request) => {
    const { agent, expiresAt } = await auth.authenticate(bearer(request));
    return { agent, expiresAt, ...(translator ? { translator } : {}) };
  });
}
