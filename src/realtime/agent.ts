// The /agent namespace: an agent's console. Every event is checked against a valid session and answers
// its ack with {ok: true, ...} or {ok: false, error: {code, message}}.
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { type Agent, type Desk, type Presence, type AgentAuth, conversationLanguage } from '../handoff/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { normalizeText } from '../pipeline/index.js';
import { AppError, type Logger, type Message } from '../shared/index.js';
import { registerInboxHandlers, type InboxHandlerOptions } from './agent-inbox.js';
import { AttachmentIds, describeIssues } from './payloads.js';
import { asAck, errorAck } from './respond.js';
import { agentRoom, conversationRoom } from './rooms.js';

const ConversationRef = z.strictObject({ conversationId: z.string().min(1).max(100) });
const AgentMessage = z.union([
  // translate: the agent wrote in its own language; the shopper gets it in theirs.
  z.strictObject({ conversationId: z.string().min(1).max(100), text: z.string().optional(), attachments: AttachmentIds, translate: z.boolean().optional() }),
  z.strictObject({ conversationId: z.string().min(1).max(100), text: z.string().min(1), translate: z.boolean().optional() }),
  z.strictObject({ conversationId: z.string().min(1).max(100), templateId: z.string().min(1).max(100) }),
]);
const Note = z.strictObject({ conversationId: z.string().min(1).max(100), text: z.string().min(1).max(4000) });
const Transfer = z.strictObject({ conversationId: z.string().min(1).max(100), agentId: z.string().min(1).max(100) });
const Typing = z.strictObject({ conversationId: z.string().min(1).max(100), typing: z.boolean() });
const PresenceChange = z.strictObject({ status: z.enum(['online', 'away']) });

interface AgentSocketData {
  agent: Agent;
  expiresAt: string;
  tokenHash: string;
  /** Read by other nodes through fetchSockets(), to count the agents online. */
  presence: 'online' | 'away';
  /** The client asked for queue changes one conversation at a time (`queueChange`), the whole queue on connect. */
  queueChanges: boolean;
}

/** `attachments` checks the pictures of an agent's message and signs fresh links in everything sent to the console. */
export interface AgentNamespaceOptions extends InboxHandlerOptions {
  auth: AgentAuth;
  knowledge: Knowledge;
  desk: Desk;
  presence: Presence;
  shoppers: Namespace;
  queueChanged(): void;
  /** Tells the other nodes an agent came, went or changed presence. */
  presenceChanged(): void;
  logger: Logger;
  /** How often open sockets' sessions are checked; SESSION_CHECK_MS unless a test says otherwise. */
  sessionCheckMs?: number;
}

/** The longest a timer waits (about 24.8 days); a session's expiry timer is capped by it. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How often each node checks the sessions of its agent sockets (sign-outs elsewhere, agents removed from the file). */
export const SESSION_CHECK_MS = 15_000;

export function registerAgentNamespace(namespace: Namespace, options: AgentNamespaceOptions): { close(): void } {
  const { auth, desk, presence, store, attachments, knowledge, shoppers, queueChanged, presenceChanged, logger, translation } = options;
  const withLinks = (messages: Message[]) => messages.map(attachments.withLinks);

  /** The conversation's case as the agent sees it first: order, problem and the photos, with fresh links. */
  async function caseView(conversationId: string) {
    const record = await store.getConversation(conversationId);
    const view = record && (await options.profiles.caseView(record));
    return view ? { case: view } : {};
  }

  /** An agent's words in the shopper's language, and the words themselves when they needed translating. */
  async function translated(conversationId: string, text: string): Promise<{ text: string; original?: string }> {
    if (!translation) throw new AppError('unavailable', 'translation is off: the server has no TRANSLATOR');
    const record = await store.getConversation(conversationId);
    const snapshot = knowledge.current();
    if (!record || !snapshot) throw new AppError('not_found', 'this conversation does not exist');
    const result = await translation.toShopper(text, conversationLanguage(snapshot, record));
    return result.text === text ? { text } : { text: result.text, original: text };
  }

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

  // Every node checks its own agent sockets, so a session ended anywhere (signed out, expired, the agent removed from
  // the agents file) closes its sockets on every node within SESSION_CHECK_MS.
  const sweep = setInterval(() => {
    for (const socket of namespace.sockets.values()) {
      const { tokenHash } = socket.data as AgentSocketData;
      void auth.isValid(tokenHash).then(
        (isValid) => isValid || socket.disconnect(true),
        (error: unknown) => logger.warn({ err: error }, 'could not check an agent session'),
      );
    }
  }, options.sessionCheckMs ?? SESSION_CHECK_MS);

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

    /** Registers an event: checks the session is still valid, parses the payload, answers the ack. */
    const handle = <T>(event: string, schema: z.ZodType<T>, action: (payload: T) => Promise<object | void>) => {
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
          if (!(error instanceof AppError)) logger.error({ err: error, agentId: agent.id, event }, 'agent action failed');
          ack(errorAck(error));
        }
      });
    };

    handle('claim', ConversationRef, async ({ conversationId }) => ({
      history: withLinks(await desk.claim(agent, conversationId)),
      ...(await caseView(conversationId)),
    }));
    handle('message', AgentMessage, async (payload) => {
      const text = 'text' in payload && payload.text !== undefined ? normalizeText(payload.text) : undefined;
      const pictures = 'attachments' in payload ? await attachments.resolve(payload.conversationId, payload.attachments) : [];
      // A failed translation sends nothing: the ack says why, and the agent's text stays in the console.
      const words = text && 'translate' in payload && payload.translate ? await translated(payload.conversationId, text) : { text };
      const content = 'templateId' in payload ? { templateId: payload.templateId } : { ...words, attachments: pictures };
      return { message: attachments.withLinks(await desk.reply(agent, payload.conversationId, content)) };
    });
    handle('note', Note, async ({ conversationId, text }) => ({ message: await desk.note(agent, conversationId, text) }));
    handle('release', ConversationRef, ({ conversationId }) => desk.release(agent, conversationId));
    handle('resolve', ConversationRef, ({ conversationId }) => desk.resolve(agent, conversationId));
    handle('transfer', Transfer, ({ conversationId, agentId }) => desk.transfer(agent, conversationId, agentId));
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

    // At its expiry the session's socket closes: it must not keep receiving shoppers' messages.
    const expiry = setTimeout(() => socket.disconnect(true), Math.min(Math.max(Date.parse(data.expiresAt) - Date.now(), 0), MAX_TIMER_MS));
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
