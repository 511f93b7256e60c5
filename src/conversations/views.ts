// Messages as they are made and as the shopper sees them.
import { randomUUID } from 'node:crypto';
import type { Message } from '../shared/index.js';
import type { Store } from '../store/index.js';

export function newMessage(now: () => Date, conversationId: string, author: Message['author'], text: string, extra: Partial<Message> = {}): Message {
  return { id: randomUUID(), conversationId, author, text, createdAt: now().toISOString(), ...extra };
}

/** What the shopper sees of a message: no notes, no agent-side details. */
export function forShopper(message: Message): Message {
  const { id, conversationId, author, text, quickReplies, attachments, cards, createdAt, authorName } = message;
  return {
    id,
    conversationId,
    author,
    text,
    ...(quickReplies ? { quickReplies } : {}),
    ...(cards?.length ? { cards } : {}),
    ...(attachments?.length ? { attachments } : {}),
    ...(authorName ? { authorName } : {}),
    createdAt,
  };
}

/** What the shopper sees of a conversation: everything but the agents' notes. */
export async function shopperHistory(store: Store, conversationId: string): Promise<Message[]> {
  return (await store.listMessages(conversationId)).filter((message) => !message.internal).map(forShopper);
}
