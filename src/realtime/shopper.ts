// The /shopper namespace: a widget's session (shopper-session.ts), its messages, typing and rating, within the
// rate limits of shopper-limits.ts.
import type { Namespace, Socket } from 'socket.io';
import type { AttachmentService } from '../attachments/index.js';
import type { ConversationService } from '../conversations/index.js';
import { clientAddress, type TrustProxy } from '../network/index.js';
import { normalizeText } from '../pipeline/index.js';
import { AppError, type Logger } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { describeIssues, Rating, ShopperMessage, Typing } from './payloads.js';
import { asAck, errorAck } from './respond.js';
import { agentRoom } from './rooms.js';
import { createShopperLimits, type ShopperLimits } from './shopper-limits.js';
import { openShopperSession, type ShopperSession } from './shopper-session.js';

export interface ShopperNamespaceOptions {
  service: ConversationService;
  store: Store;
  /** Checks a message's pictures and signs fresh links to them. */
  attachments: AttachmentService;
  /** The /agent namespace: the agent holding a conversation sees the shopper typing. */
  agents: Namespace;
  messagesPerMinute: number;
  /** New conversations one client address may start (by writing in them) in a minute; 0 = no limit. */
  newConversationsPerMinute: number;
  /** Which proxies' X-Forwarded-For names the shopper's address for the per-address limit. */
  trustProxy: TrustProxy;
  /** The secret the store signs customer ids with; unset: no shopper is signed in. */
  identitySecret?: string;
  logger: Logger;
}

/** A shopper's message: checked, within the rate, its conversation stored, then handed to the conversation service. */
function receiveMessages(socket: Socket, session: ShopperSession, limits: ShopperLimits, options: ShopperNamespaceOptions): void {
  const { service, attachments, trustProxy, logger } = options;
  const { conversationId, onPage } = session;
  socket.on('message', async (raw: unknown, ackCandidate: unknown) => {
    const ack = asAck(ackCandidate);
    try {
      const parsed = ShopperMessage.safeParse(raw);
      if (!parsed.success) throw new AppError('invalid_payload', describeIssues(parsed.error));
      const text = normalizeText(parsed.data.text);
      if (!text && !parsed.data.attachments) throw new AppError('invalid_payload', 'text: a message needs text or pictures');
      await limits.checkMessageRate(socket);
      await session.ensureStored();
      const pictures = await attachments.resolve(conversationId, parsed.data.attachments);
      const message = await service.receiveShopperMessage(
        conversationId,
        { ...parsed.data, text, attachments: pictures, address: clientAddress(socket.request, trustProxy), ...(onPage ? { page: onPage } : {}) },
        socket.id,
      );
      ack({ ok: true, id: message.id });
    } catch (error) {
      if (!(error instanceof AppError)) logger.error({ err: error, conversationId }, 'shopper message failed');
      else if (error.code === 'unavailable') logger.warn({ err: error, conversationId }, 'shopper message refused: the service cannot take it right now');
      ack(errorAck(error));
    }
  });
}

/** The rest of a widget's events: starting the conversation before a picture, typing, and the rating. */
function registerShopperEvents(socket: Socket, session: ShopperSession, limits: ShopperLimits, { service, store, agents }: ShopperNamespaceOptions): void {
  const { conversationId } = session;
  // Before a first picture is uploaded the conversation must exist: a picture is a write too.
  socket.on('start', async (ackCandidate: unknown) => {
    const ack = asAck(ackCandidate);
    try {
      await session.ensureStored();
      ack({ ok: true });
    } catch (error) {
      ack(errorAck(error));
    }
  });

  socket.on('typing', async (raw: unknown) => {
    const parsed = Typing.safeParse(raw);
    if (!parsed.success) return;
    const record = await store.getConversation(conversationId).catch(() => undefined);
    if (record?.assignedTo) agents.to(agentRoom(record.assignedTo)).emit('typing', { conversationId, typing: parsed.data.typing });
  });

  socket.on('rating', async (raw: unknown, ackCandidate: unknown) => {
    const ack = asAck(ackCandidate);
    try {
      const parsed = Rating.safeParse(raw);
      if (!parsed.success) throw new AppError('invalid_payload', describeIssues(parsed.error));
      // A conversation keeps only its last rating, but every rating is a write: they count against the message rate.
      await limits.checkMessageRate(socket);
      await service.rate(conversationId, parsed.data);
      ack({ ok: true });
    } catch (error) {
      ack(errorAck(error));
    }
  });
}

export function registerShopperNamespace(namespace: Namespace, options: ShopperNamespaceOptions) {
  const limits = createShopperLimits(options);
  namespace.on('connection', async (socket) => {
    socket.on('error', (error) => options.logger.warn({ err: error, socket: socket.id }, 'shopper socket error'));
    const session = await openShopperSession(socket, { ...options, checkNewConversationRate: limits.checkNewConversationRate });
    if (!session) return;
    receiveMessages(socket, session, limits, options);
    registerShopperEvents(socket, session, limits, options);
  });
}
