// The /shopper namespace: a widget's session, its messages, typing and rating.
import type { Namespace, Socket } from 'socket.io';
import type { AttachmentService } from '../attachments/index.js';
import type { ConversationService } from '../conversations/index.js';
import { clientAddress, type TrustProxy } from '../network/index.js';
import { normalizeText } from '../pipeline/index.js';
import { AppError, type Logger } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import { verifiedCustomerId } from './identity.js';
import { describeIssues, Rating, ShopperAuth, ShopperMessage, Typing } from './payloads.js';
import { asAck, errorAck } from './respond.js';
import { agentRoom, conversationRoom } from './rooms.js';

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

export function registerShopperNamespace(
  namespace: Namespace,
  { service, store, attachments, agents, messagesPerMinute, newConversationsPerMinute, trustProxy, identitySecret, logger }: ShopperNamespaceOptions,
) {
  async function checkRate(socket: Socket): Promise<void> {
    if (messagesPerMinute === 0) return;
    const now = Date.now();
    const [perSocket, perAddress] = await Promise.all([
      store.hit(`rate:socket:${socket.id}`, 60_000, now),
      store.hit(`rate:ip:${clientAddress(socket.request, trustProxy)}`, 60_000, now),
    ]);
    if (perSocket > messagesPerMinute || perAddress > messagesPerMinute * 5) {
      throw new AppError('rate_limited', `too many messages: at most ${messagesPerMinute} a minute; please wait a moment`);
    }
  }

  async function checkNewConversationRate(socket: Socket): Promise<void> {
    if (newConversationsPerMinute === 0) return;
    const started = await store.hit(`rate:new-conversation:${clientAddress(socket.request, trustProxy)}`, 60_000, Date.now());
    if (started > newConversationsPerMinute)
      throw new AppError('rate_limited', `too many new conversations from this address: at most ${newConversationsPerMinute} a minute; please wait a moment`);
  }

  namespace.on('connection', async (socket) => {
    socket.on('error', (error) => logger.warn({ err: error, socket: socket.id }, 'shopper socket error'));
    const auth = ShopperAuth.safeParse(socket.handshake.auth ?? {});
    const { token, locale, identity, page, product } = auth.success ? auth.data : {};
    // What the shopper is looking at, for questions such as "is this true to size?"; this socket's page only.
    const onPage = page || product ? { ...(product ? { product } : {}), ...(page ? { url: page } : {}) } : undefined;
    // A forged or stale signature is not an error for the shopper: the chat simply treats them as a guest.
    const customerId = verifiedCustomerId(identity, identitySecret);
    if (identity && !customerId) logger.warn({ socket: socket.id }, 'shopper identity signature did not verify; continuing as a guest');
    let conversationId: string;
    /** A new session's conversation until the shopper first writes: only then is it stored (and counted). */
    let unstored: ConversationRecord | undefined;
    let storing: Promise<unknown> | undefined;
    try {
      const session = await service.openSession({ token, locale, customerId, page });
      conversationId = session.conversation.id;
      if (session.isNew) unstored = session.conversation;
      await socket.join(conversationRoom(conversationId));
      socket.emit('session', {
        conversationId,
        token: session.token,
        language: session.conversation.state.language ?? locale?.slice(0, 2).toLowerCase() ?? 'en',
        status: session.conversation.status,
        ...(session.conversation.status === 'closed' && !session.conversation.rating ? { awaitingRating: true } : {}),
      });
      socket.emit('history', session.history.map(attachments.withLinks));
    } catch (error) {
      // A full store (capacity_reached) or an unreachable one: the widget tries again a few seconds later.
      if (error instanceof AppError) logger.warn({ err: error }, 'shopper session refused');
      else logger.error({ err: error }, 'could not open a shopper session');
      socket.disconnect(true);
      return;
    }

    /** Stores the new conversation once, on the first write; a refusal (the address's limit) leaves it for a retry. */
    async function ensureStored(): Promise<void> {
      if (!unstored) return;
      const draft = unstored;
      storing ??= checkNewConversationRate(socket).then(() => service.storeNewConversation(draft));
      try {
        await storing;
        unstored = undefined;
      } catch (error) {
        storing = undefined;
        throw error;
      }
    }

    socket.on('message', async (raw: unknown, ackCandidate: unknown) => {
      const ack = asAck(ackCandidate);
      try {
        const parsed = ShopperMessage.safeParse(raw);
        if (!parsed.success) throw new AppError('invalid_payload', describeIssues(parsed.error));
        const text = normalizeText(parsed.data.text);
        if (!text && !parsed.data.attachments) throw new AppError('invalid_payload', 'text: a message needs text or pictures');
        await checkRate(socket);
        await ensureStored();
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

    // Before a first picture is uploaded the conversation must exist: a picture is a write too.
    socket.on('start', async (ackCandidate: unknown) => {
      const ack = asAck(ackCandidate);
      try {
        await ensureStored();
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
        await checkRate(socket);
        await service.rate(conversationId, parsed.data);
        ack({ ok: true });
      } catch (error) {
        ack(errorAck(error));
      }
    });
  });
}
