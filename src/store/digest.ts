// What the agents' lists show of a conversation's messages, kept as each message is stored so that a list reads one
// small record per conversation, never its messages: shopper messages since an agent last replied, and the last
// thing said (a picture shows as "[picture]"). The Redis store keeps the same rule in its append script.
import type { Message } from '../shared/index.js';

export interface MessageDigest {
  unread: number;
  lastMessage?: string;
}

/** Longest last message kept. */
export const LAST_MESSAGE_CHARS = 140;

export const EMPTY_DIGEST: MessageDigest = { unread: 0 };

/** What one more message changes: notes and the system's lines nothing; a shopper's adds one unread, an agent's reads all. */
export function digestChange(message: Message): { lastMessage: string; unread: 'add' | 'reset' | 'keep' } | undefined {
  if (message.internal || message.author === 'system') return undefined;
  const lastMessage = (message.text || (message.attachments?.length ? '[picture]' : '')).slice(0, LAST_MESSAGE_CHARS);
  return { lastMessage, unread: message.author === 'shopper' ? 'add' : message.author === 'agent' ? 'reset' : 'keep' };
}

export function addToDigest(digest: MessageDigest, message: Message): MessageDigest {
  const change = digestChange(message);
  if (!change) return digest;
  return { unread: change.unread === 'add' ? digest.unread + 1 : change.unread === 'reset' ? 0 : digest.unread, lastMessage: change.lastMessage };
}
