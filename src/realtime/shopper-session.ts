// A widget's session on connect: the conversation it resumes or starts (stored only on the shopper's first write),
// who the shopper is if the store signed their id, and the page they are looking at.
import type { Socket } from 'socket.io';
import type { AttachmentService } from '../attachments/index.js';
import type { ConversationService, IncomingShopperMessage } from '../conversations/index.js';
import { AppError, type Logger } from '../shared/index.js';
import type { ConversationRecord } from '../store/index.js';
import { verifiedCustomerId } from './identity.js';
import { ShopperAuth } from './payloads.js';
import { conversationRoom } from './rooms.js';

export interface ShopperSessionOptions {
  service: ConversationService;
  attachments: AttachmentService;
  identitySecret?: string;
  logger: Logger;
  /** Checked before a new conversation is stored: how many one address may start. */
  checkNewConversationRate(socket: Socket): Promise<void>;
}

export interface ShopperSession {
  conversationId: string;
  /** What the shopper is looking at, for questions such as "is this true to size?"; this socket's page only. */
  onPage?: IncomingShopperMessage['page'];
  /** Stores a new session's conversation, once; call before anything is written to it. */
  ensureStored(): Promise<void>;
}

/** Stores a draft once, on the first write; a refusal (the address's limit) leaves it for a retry. */
function storeOnFirstWrite(draft: ConversationRecord | undefined, store: (draft: ConversationRecord) => Promise<unknown>): () => Promise<void> {
  let unstored = draft;
  let storing: Promise<unknown> | undefined;
  return async () => {
    if (!unstored) return;
    storing ??= store(unstored);
    try {
      await storing;
      unstored = undefined;
    } catch (error) {
      storing = undefined;
      throw error;
    }
  };
}

/** Opens the socket's session and sends it with the history; undefined when it was refused (the socket is closed). */
export async function openShopperSession(socket: Socket, options: ShopperSessionOptions): Promise<ShopperSession | undefined> {
  const { service, attachments, identitySecret, logger } = options;
  const auth = ShopperAuth.safeParse(socket.handshake.auth ?? {});
  const { token, locale, identity, page, product } = auth.success ? auth.data : {};
  const onPage = page || product ? { ...(product ? { product } : {}), ...(page ? { url: page } : {}) } : undefined;
  // A forged or stale signature is not an error for the shopper: the chat simply treats them as a guest.
  const customerId = verifiedCustomerId(identity, identitySecret);
  if (identity && !customerId) logger.warn({ socket: socket.id }, 'shopper identity signature did not verify; continuing as a guest');
  try {
    const session = await service.openSession({ token, locale, customerId, page });
    const { conversation } = session;
    await socket.join(conversationRoom(conversation.id));
    socket.emit('session', {
      conversationId: conversation.id,
      token: session.token,
      language: conversation.state.language ?? locale?.slice(0, 2).toLowerCase() ?? 'en',
      status: conversation.status,
      ...(conversation.status === 'closed' && !conversation.rating ? { awaitingRating: true } : {}),
    });
    socket.emit('history', session.history.map(attachments.withLinks));
    const store = (draft: ConversationRecord) => options.checkNewConversationRate(socket).then(() => service.storeNewConversation(draft));
    return { conversationId: conversation.id, onPage, ensureStored: storeOnFirstWrite(session.isNew ? conversation : undefined, store) };
  } catch (error) {
    // A full store (capacity_reached) or an unreachable one: the widget tries again a few seconds later.
    if (error instanceof AppError) logger.warn({ err: error }, 'shopper session refused');
    else logger.error({ err: error }, 'could not open a shopper session');
    socket.disconnect(true);
    return undefined;
  }
}
