// Opening a shopper's session: the conversation a valid token belongs to (for the same customer, or a guest), a
// signed-in customer's latest one, or a new one.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { newConversationState } from '../pipeline/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { ConversationLock } from './lock.js';
import type { Session } from './types.js';
import { shopperHistory } from './views.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export interface SessionOptions {
  token?: string;
  locale?: string;
  customerId?: string;
  /** The page the chat started on (origin and path only). */
  page?: string;
}

export function createSessions({ store, withConversationLock, now }: { store: Store; withConversationLock: ConversationLock; now: () => Date }) {
  /**
   * The conversation of a token, only for whoever it belongs to: a customer's with that customer's identity, a guest's
   * without one. A guest's conversation never becomes a customer's: signing in opens the customer's own instead, so a
   * token left on a shared computer never shows the guest the customer's messages, nor the customer's to a guest.
   */
  async function resume(options: SessionOptions & { token: string }): Promise<Session | undefined> {
    const existing = await store.findConversationByTokenHash(hashToken(options.token));
    if (!existing || existing.customerId !== options.customerId) return undefined;
    return { conversation: existing, token: options.token, history: await shopperHistory(store, existing.id), isNew: false };
  }

  /**
   * A signed-in customer without this device's token continues their latest conversation (where the store's order
   * messages went too) under a new token; the old one stops working, and signs in again the same way.
   */
  async function continueLatest(customerId: string): Promise<Session | undefined> {
    const [latest] = await store.listConversationsByCustomer(customerId);
    if (!latest) return undefined;
    const token = newToken();
    const resumed = await withConversationLock(latest.id, async () => {
      const current = (await store.getConversation(latest.id)) ?? latest;
      const moved = { ...current, tokenHash: hashToken(token), updatedAt: now().toISOString() };
      await store.saveConversation(moved);
      return moved;
    });
    return { conversation: resumed, token, history: await shopperHistory(store, resumed.id), isNew: false };
  }

  /**
   * A new conversation, not stored yet: a guest's is stored when the shopper first writes (storeNew), so a session
   * nobody writes in costs nothing. Its token finds nothing until then; a reconnect before it simply starts another.
   */
  function start(options: SessionOptions): Session {
    const token = newToken();
    const createdAt = now().toISOString();
    const conversation: ConversationRecord = {
      id: randomUUID(),
      tokenHash: hashToken(token),
      status: 'bot',
      locale: options.locale,
      ...(options.page ? { page: options.page } : {}),
      ...(options.customerId ? { customerId: options.customerId } : {}),
      state: newConversationState(),
      createdAt,
      updatedAt: createdAt,
    };
    return { conversation, token, history: [], isNew: true };
  }

  /** Stores a new session's conversation, dated now; called once, before its first message. */
  async function storeNew(conversation: ConversationRecord): Promise<ConversationRecord> {
    const createdAt = now().toISOString();
    const stored = { ...conversation, createdAt, updatedAt: createdAt };
    await store.createConversation(stored);
    return stored;
  }

  return {
    /** Resumes the conversation a valid token belongs to, or starts a new one (isNew: stored on its first write). */
    async openSession(options: SessionOptions): Promise<Session> {
      const resumed =
        (options.token && (await resume({ ...options, token: options.token }))) || (options.customerId && (await continueLatest(options.customerId)));
      if (resumed) return resumed;
      const started = start(options);
      // A signed-in customer's is stored at once, for the store's order messages to reach this open widget; it is
      // at most one per customer, since the next session continues it.
      if (!options.customerId) return started;
      return { ...started, conversation: await storeNew(started.conversation), isNew: false };
    },

    storeNew,
  };
}
