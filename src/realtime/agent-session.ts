// An agent socket's session: checked when the socket connects and again before every event, swept on every node so
// a session ended anywhere (signed out, expired, the agent removed from the agents file) closes its sockets, and
// closed at its expiry so it stops receiving shoppers' messages.
import type { Namespace, Socket } from 'socket.io';
import type { Agent, AgentAuth } from '../handoff/index.js';
import { AppError, type Logger } from '../shared/index.js';
import type { Handle } from './agent-inbox.js';
import { describeIssues } from './payloads.js';
import { asAck, errorAck } from './respond.js';

export interface AgentSocketData {
  agent: Agent;
  expiresAt: string;
  tokenHash: string;
  /** Read by other nodes through fetchSockets(), to count the agents online. */
  presence: 'online' | 'away';
  /** The client asked for queue changes one conversation at a time (`queueChange`), the whole queue on connect. */
  queueChanges: boolean;
}

/** The longest a timer waits (about 24.8 days); a session's expiry timer is capped by it. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Lets a socket in only with a valid session token, and keeps the session on the socket. */
export function requireAgentSession(namespace: Namespace, auth: AgentAuth): void {
  namespace.use(async (socket, next) => {
    try {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
      const { agent, expiresAt, tokenHash } = await auth.authenticate(token);
      Object.assign(socket.data as AgentSocketData, {
        agent,
        expiresAt,
        tokenHash,
        presence: 'online',
        queueChanges: socket.handshake.auth?.queueChanges === true,
      });
      next();
    } catch (error) {
      next(new Error(error instanceof AppError ? error.message : 'unauthorized'));
    }
  });
}

/** Checks this node's agent sockets every `everyMs` and closes those whose session ended; returns the timer. */
export function sweepAgentSessions(namespace: Namespace, auth: AgentAuth, logger: Logger, everyMs: number): NodeJS.Timeout {
  return setInterval(() => {
    for (const socket of namespace.sockets.values()) {
      const { tokenHash } = socket.data as AgentSocketData;
      void auth.isValid(tokenHash).then(
        (isValid) => isValid || socket.disconnect(true),
        (error: unknown) => logger.warn({ err: error }, 'could not check an agent session'),
      );
    }
  }, everyMs);
}

/** Closes the socket when its session expires; returns the timer, to clear on disconnect. */
export function closeAtExpiry(socket: Socket, expiresAt: string): NodeJS.Timeout {
  return setTimeout(() => socket.disconnect(true), Math.min(Math.max(Date.parse(expiresAt) - Date.now(), 0), MAX_TIMER_MS));
}

/** Registers events on one socket: each checks the session is still valid, parses the payload and answers the ack. */
export function sessionHandler(socket: Socket, auth: AgentAuth, logger: Logger): Handle {
  const data = socket.data as AgentSocketData;
  return (event, schema, action) => {
    socket.on(event, async (raw: unknown, ackCandidate: unknown) => {
      const ack = asAck(ackCandidate);
      try {
        if (!(await auth.isValid(data.tokenHash))) {
          socket.disconnect(true);
          throw new AppError('unauthorized', 'this session has ended (expired, signed out or the agent was removed); sign in again');
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) throw new AppError('invalid_payload', describeIssues(parsed.error));
        ack({ ok: true, ...((await action(parsed.data)) ?? {}) });
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error, agentId: data.agent.id, event }, 'agent action failed');
        ack(errorAck(error));
      }
    });
  };
}
