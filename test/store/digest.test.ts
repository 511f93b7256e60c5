// The digest the agents' lists read instead of messages: it must say what the messages say.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/shared/protocol.js';
import { addToDigest, EMPTY_DIGEST } from '../../src/store/index.js';

const message = (author: Message['author'], text: string, extra: Partial<Message> = {}): Message => ({
  id: randomUUID(),
  conversationId: 'c',
  author,
  text,
  createdAt: '2026-12-01T10:00:00.000Z',
  ...extra,
});
const digestOf = (...messages: Message[]) => messages.reduce(addToDigest, EMPTY_DIGEST);

describe('the message digest', () => {
  it("counts the shopper's messages since an agent last replied, past the bot's answers", () => {
    expect(digestOf(message('shopper', 'hi'), message('bot', 'Hello!'), message('shopper', 'a person please'))).toEqual({
      unread: 2,
      lastMessage: 'a person please',
    });
    expect(digestOf(message('shopper', 'hi'), message('agent', 'I am here'), message('shopper', 'thanks'))).toEqual({ unread: 1, lastMessage: 'thanks' });
    expect(digestOf(message('shopper', 'hi'), message('agent', 'I am here'))).toEqual({ unread: 0, lastMessage: 'I am here' });
  });

  it("leaves out notes and the system's lines, shows a picture as [picture] and keeps 140 characters", () => {
    const note = message('agent', 'internal', { internal: true });
    expect(digestOf(message('shopper', 'hi'), note, message('system', 'Ana joined the chat.'))).toEqual({ unread: 1, lastMessage: 'hi' });
    expect(digestOf(message('shopper', '', { attachments: [{ id: 'p', type: 'image/png', width: 1, height: 1, url: '' }] })).lastMessage).toBe('[picture]');
    expect(digestOf(message('shopper', 'x'.repeat(500))).lastMessage).toHaveLength(140);
  });
});
