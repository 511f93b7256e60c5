// The /agent namespace: an agent's console. Every event is checked against a valid session (agent-session.ts) and
// answers its ack with {ok: true, ...} or {ok: false, error: {code, message}}; the desk's events are in
// agent-desk.ts, the reading ones in agent-inbox.ts.
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import type { AgentAuth, Presence } from '../handoff/index.js';
import { AppError, type Logger } from '../shared/index.js';
import { registerDeskHandlers, type DeskHandlerOptions } from './agent-desk.js';
import { registerInboxHandlers } from './agent-inbox.js';
import { type AgentSocketData, closeAtExpiry, requireAgentSession, sessionHandler, sweepAgentSessions } from './agent-session.js';
import { agentRoom, conversationRoom } from './rooms.js';

const Typing = z.strictObject({ conversationId: z.string().min(1).max(100), typing: z.boolean() });
const PresenceChange = z.strictObject({ status: z.enum(['online', 'away']) });

/** `attachments` checks the pictures of an agent's message and signs fresh links in everything sent to the console. */
export interface AgentNamespaceOptions extends DeskHandlerOptions {
  auth: AgentAuth;
  presence: Presence;
  shoppers: Namespace;
  queueChanged(): void;
  /** Tells the other nodes an agent came, went or changed presence. */
  presenceChanged(): void;
  logger: Logger;
  /** How often open sockets' sessions are checked; SESSION_CHECK_MS unless a test says otherwise. */
  sessionCheckMs?: number;
}

/** How often each node checks the sessions of its agent sockets (sign-outs elsewhere, agents removed from the file). */
export const SESSION_CHECK_MS = 15_000;

export function registerAgentNamespace(namespace: Namespace, options: AgentNamespaceOptions): { close(): void } {
  const { auth, desk, presence, store, shoppers, queueChanged, presenceChanged, logger } = options;
  requireAgentSession(namespace, auth);
  const sweep = sweepAgentSessions(namespace, auth, logger, options.sessionCheckMs ?? SESSION_CHECK_MS);

  namespace.on('connection', (socket: Socket) => {
    const data = socket.data as AgentSocketData;
    const { agent } = data;
    socket.on('error', (error) => logger.warn({ err: error, agentId: agent.id }, 'agent socket error'));
    void socket.join(agentRoom(agent.id));
    presence.connect(agent.id, socket.id);
    desk.agentReturned(agent);
    void desk.queueFor(agent).then(
      (queue) => socket.emit('queue', queue),
      (error: unknown) => logger.warn({ err: error, agentId: agent.id }, 'could not send the queue to an agent'),
    );
    queueChanged();
    presenceChanged();

    const handle = sessionHandler(socket, auth, logger);
    registerDeskHandlers(handle, agent, options);
    registerInboxHandlers(handle, agent, options);
    handle('presence', PresenceChange, async ({ status }) => {
      data.presence = status;
      presence.set(agent.id, socket.id, status);
      queueChanged();
      presenceChanged();
    });
    handle('typing', Typing, async ({ conversationId, typing }) => {
      const record = await store.getConversation(conversationId);
      if (record?.assignedTo !== agent.id) throw new AppError('forbidden', 'not your conversation');
      shoppers.to(conversationRoom(conversationId)).emit('typing', { typing });
    });

    const expiry = closeAtExpiry(socket, data.expiresAt);
    socket.on('disconnect', () => {
      clearTimeout(expiry);
      presence.disconnect(agent.id, socket.id);
      if (!presence.isConnected(agent.id)) desk.agentLeft(agent);
      queueChanged();
      presenceChanged();
    });
  });

  return { close: () => clearInterval(sweep) };
}
