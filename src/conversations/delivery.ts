// Messages from the store to a verified customer (order-care messages): into the customer's most recent
// conversation, or a new one that the widget shows once it opens for that customer.
import { randomBytes, randomUUID } from 'node:crypto';
import { newConversationState } from '../pipeline/index.js';
import type { Message, QuickReply } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { ConversationLock } from './lock.js';
import { hashToken } from './session.js';
import type { Publisher } from './types.js';
import { newMessage } from './views.js';

export interface OutgoingCustomerMessage {
  text: string;
  quickReplies?: QuickReply[];
  language: string;
  locale?: string;
}

export function createDelivery({
  store,
  publisher,
  withConversationLock,
  now,
}: {
  store: Store;
  publisher: Publisher;
  withConversationLock: ConversationLock;
  now: () => Date;
}) {
  async function customerConversation(customerId: string, outgoing: OutgoingCustomerMessage): Promise<{ record: ConversationRecord; isNew: boolean }> {
    const [record] = await store.listConversationsByCustomer(customerId);
    if (record) return { record, isNew: false };
    const createdAt = now().toISOString();
    const created: ConversationRecord = {
      id: randomUUID(),
      // A token nobody holds: the customer reaches this conversation by signing in through the widget.
      tokenHash: hashToken(randomBytes(32).toString('base64url')),
      status: 'bot',
      locale: outgoing.locale,
      state: { ...newConversationState(), language: outgoing.language },
      customerId,
      createdAt,
      updatedAt: createdAt,
    };
    await store.createConversation(created);
    return { record: created, isNew: true };
  }

  /** Stored first, then sent to the shopper's sockets if they are connected. */
  return function deliverToCustomer(
    customerId: string,
    outgoing: OutgoingCustomerMessage,
  ): Promise<{ conversation: ConversationRecord; message: Message; isNew: boolean }> {
    // One customer at a time on this node, so two events for a new customer open one conversation, not two.
    return withConversationLock(`customer:${customerId}`, async () => {
      const { record, isNew } = await customerConversation(customerId, outgoing);
      return withConversationLock(record.id, async () => {
        const current = (await store.getConversation(record.id)) ?? record;
        const message = newMessage(now, record.id, 'bot', outgoing.text, outgoing.quickReplies?.length ? { quickReplies: outgoing.quickReplies } : {});
        await store.appendMessage(message);
        const updated = { ...current, updatedAt: now().toISOString() };
        await store.saveConversation(updated);
        publisher.message(updated, message);
        return { conversation: updated, message, isNew };
      });
    });
  };
}
