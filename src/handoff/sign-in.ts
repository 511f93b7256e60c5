// Agents signing in and out: too many attempts from one address are refused, wrong passwords pause the account and
// the address (lockout.ts), and every sign-in and sign-out is audited. The HTTP routes only translate.
import type { Store } from '../store/index.js';
import { AppError } from '../shared/index.js';
import type { Agent } from './agents.js';
import { createLoginLockout } from './lockout.js';
import type { AgentAuth } from './sessions.js';

/** Sign-in attempts one address may make per minute, right or wrong. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 30;

export interface SignIn {
  /** A session for the agent, or an AppError: unauthorized, rate_limited (a LockedOut says for how long). */
  signIn(email: string, password: string, address: string): Promise<{ token: string; expiresAt: string; agent: Agent }>;
  /** Ends the token's session; gives the session's hash so the caller can close its sockets. */
  signOut(token: string | undefined): Promise<{ tokenHash: string }>;
}

export function createSignIn({ store, auth, now }: { store: Store; auth: AgentAuth; now: () => Date }): SignIn {
  const lockout = createLoginLockout(store);
  return {
    async signIn(email, password, address) {
      const at = now().getTime();
      const attempts = await store.hit(`login:${address}`, 60_000, at);
      if (attempts > LOGIN_ATTEMPTS_PER_MINUTE) throw new AppError('rate_limited', 'too many sign-in attempts; wait a minute');
      await lockout.check(email, address, at);
      const session = await auth.login(email, password).catch(async (error: unknown) => {
        if (error instanceof AppError && error.code === 'unauthorized') await lockout.failed(email, address, at);
        throw error;
      });
      await lockout.succeeded(email);
      await store.appendAudit({ at: now().toISOString(), agentId: session.agent.id, action: 'login' });
      return session;
    },
    async signOut(token) {
      const { agent, tokenHash } = await auth.authenticate(token);
      await auth.logout(token!);
      await store.appendAudit({ at: now().toISOString(), agentId: agent.id, action: 'logout' });
      return { tokenHash };
    },
  };
}
