// Agent sign-in: a password checked against the scrypt hash gives an expiring session token, kept only as a hash.
import { randomBytes } from 'node:crypto';
import { hashToken } from '../conversations/index.js';
import { AppError } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { publicAgent, type Agent, type AgentDirectory } from './agents.js';
import { hashPassword, verifyPassword } from './passwords.js';

// Checked when the e-mail is unknown, so that a wrong address takes as long as a wrong password.
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

export interface AgentAuthOptions {
  store: Store;
  directory: Pick<AgentDirectory, 'records'>;
  sessionHours: number;
  now?: () => Date;
}

export function createAgentAuth({ store, directory, sessionHours, now = () => new Date() }: AgentAuthOptions) {
  return {
    async login(email: string, password: string): Promise<{ token: string; expiresAt: string; agent: Agent }> {
      const record = (await directory.records()).find((agent) => agent.email === email.trim().toLowerCase());
      const isValid = await verifyPassword(password, record?.passwordHash ?? (await decoyHash));
      if (!record || !isValid) throw new AppError('unauthorized', 'wrong e-mail or password');
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now().getTime() + sessionHours * 3_600_000).toISOString();
      await store.createAgentSession({ tokenHash: hashToken(token), agentId: record.id, expiresAt });
      return { token, expiresAt, agent: publicAgent(record) };
    },

    /** The agent a token belongs to, while its session lasts. */
    async authenticate(token: string | undefined): Promise<{ agent: Agent; expiresAt: string; tokenHash: string }> {
      if (!token) throw new AppError('unauthorized', 'an agent token is required');
      const tokenHash = hashToken(token);
      const session = await store.getAgentSession(tokenHash, now());
      const record = session && (await directory.records()).find((agent) => agent.id === session.agentId);
      if (!session || !record) throw new AppError('unauthorized', 'this session has expired or does not exist; sign in again');
      return { agent: publicAgent(record), expiresAt: session.expiresAt, tokenHash };
    },

    /**
     * Whether a session still holds: not signed out or expired, and its agent still in the directory (an agent
     * removed there loses every session at once).
     */
    async isValid(tokenHash: string): Promise<boolean> {
      const session = await store.getAgentSession(tokenHash, now());
      return !!session && (await directory.records()).some((agent) => agent.id === session.agentId);
    },

    logout: (token: string) => store.deleteAgentSession(hashToken(token)),
  };
}

export type AgentAuth = ReturnType<typeof createAgentAuth>;
