// What a shopper reads on a live socket when the bot's decisions are carried out: a question repeated once after a
// change of subject, and the hand-off when no agent is online (one message, no place in a line that does not move,
// an e-mail kept or the chat kept open).
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message, StatusEvent } from '../../src/shared/protocol.js';
import { openShopper, startTestServer, until } from '../helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '0' });
});
afterAll(() => server.close());
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function shopper(locale = 'en-GB') {
  const opened = await openShopper(server.url, sockets, { locale });
  const statuses: StatusEvent[] = [];
  opened.socket.on('status', (status: StatusEvent) => statuses.push(status));
  /** Sends a message and waits for the next line from the bot or the system. */
  const say = async (text: string, author: Message['author'] = 'bot') => {
    const before = opened.messages.length;
    expect(await opened.socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID() })).toMatchObject({ ok: true });
    return until(() => opened.messages.slice(before).find((message) => message.author === author));
  };
  return { ...opened, statuses, say };
}

describe('a question the bot is waiting for', () => {
  it('does not trap the shopper: another question is answered, then the pending one is asked once more', async () => {
    const { say } = await shopper();
    expect((await say('where is my order 100234?')).text).toContain('which e-mail address did you use for order #100234');
    const answer = await say('do you ship to Canada?');
    expect(answer.text).toContain('we ship to Canada');
    expect(answer.text).toContain('To look up order #100234, I still need the e-mail address');
    const thanks = await say('thanks!');
    expect(thanks.text).toContain("You're welcome");
    expect(thanks.text).not.toContain('e-mail');
    expect((await say('emma.johnson@example.com')).text).toContain('on its way with UPS');
  });
});

describe('asking for a person while no agent is online', () => {
  it('says so once, asks for an e-mail and shows no place in a queue', async () => {
    const { say, statuses, messages } = await shopper();
    const reply = await say('can I talk to a real person please?');
    expect(reply.text).toContain('No one from our team is online right now');
    await until(() => statuses.find((status) => status.status === 'queued'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(statuses.filter((status) => status.queuePosition !== undefined || status.estimatedWaitSeconds !== undefined)).toEqual([]);
    expect(messages.filter((message) => message.author === 'bot')).toHaveLength(1);
  });

  it('accepts "I don\'t remember my e-mail" once, offering to keep the chat open, and keeps an address given later', async () => {
    const { say, session, messages, socket } = await shopper();
    await say('I want to talk to a human');
    const noEmail = await say("I don't remember my email", 'system');
    expect(noEmail.text).toContain('Keep this chat open');
    const before = messages.length;
    await socket.timeout(5000).emitWithAck('message', { text: 'no idea, sorry', clientMessageId: randomUUID() });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(messages.slice(before).filter((message) => message.author !== 'shopper')).toEqual([]);
    expect((await say('found it: emma.johnson@example.com', 'system')).text).toContain('emma.johnson@example.com');
    expect((await server.app.store.getConversation(session.conversationId))?.contactEmail).toBe('emma.johnson@example.com');
  });
});
