// The /shopper namespace: a widget's session, its messages, typing and rating (DESIGN §6).
import type { Namespace, Socket } from 'socket.io';
import type { AttachmentService } from '../attachments/index.js';
import type { ConversationService } from '../conversations/index.js';
import { clientAddress, type TrustProxy } from '../http/client-address.js';
import { normalizeText } from '../pipeline/normalize.js';
import { AppError } from '../shared/errors.js';
import type { Store } from '../store/index.js';
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
  /** Which proxies' X-Forwarded-For names the shopper's address for the per-address limit. */
  trustProxy: TrustProxy;
  /** The secret the store signs customer ids with; unset: no shopper is signed in. */
  identitySecret?: string;
  logger: { warn(object: object, message: string): void; error(object: object, message: string): void };
}

export function registerShopperNamespace(namespace: Namespace, { service, store, attachments, agents, messagesPerMinute, trustProxy, identitySecret, logger }: ShopperNamespaceOptions) {
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
    try {
      const session = await service.openSession({ token, locale, customerId, page });
      conversationId = session.conversation.id;
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

    socket.on('message', async (raw: unknown, ackCandidate: unknown) => {
      const ack = asAck(ackCandidate);
      try {
        const parsed = ShopperMessage.safeParse(raw);
        if (!parsed.success) throw new AppError('invalid_payload', describeIssues(parsed.error));
        const text = normalizeText(parsed.data.text);
        if (!text && !parsed.data.attachments) throw new AppError('invalid_payload', 'text: a message needs text or pictures');
        await checkRate(socket);
        const pictures = await attachments.resolve(conversationId, parsed.data.attachments);
        const message = await service.receiveShopperMessage(conversationId, { ...parsed.data, text, attachments: pictures, ...(onPage ? { page: onPage } : {}) }, socket.id);
        ack({ ok: true, id: message.id });
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error, conversationId }, 'shopper message failed');
        else if (error.code === 'unavailable') logger.warn({ err: error, conversationId }, 'shopper message refused: the service cannot take it right now');
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
