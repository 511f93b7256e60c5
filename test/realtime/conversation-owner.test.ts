// A conversation is resumed only by whoever it belongs to: a customer's with that customer's signed identity, a
// guest's without one. With the memory store and with Redis.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerId } from '../../src/realtime/identity.js';
import type { Message } from '../../src/shared/protocol.js';
import { openShopper, removeRedisKeys, startTestServer, TEST_REDIS_URL, until, type Shopper } from '../helpers.js';

const SECRET = 'identity-secret-for-owner-tests-0123456789';
const identityOf = (customerId: string) => ({ customerId, hash: signCustomerId(SECRET, customerId) });
const prefixes: string[] = [];
afterAll(() => removeRedisKeys(prefixes));

const redisEnv = () => {
  const prefix = `borderless-test:${randomUUID()}:`;
  prefixes.push(prefix);
  return { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
};

describe.each([
  ['memory', () => ({})],
  ['redis', redisEnv],
])('conversation owners with the %s store', (_name, env) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer({ IDENTITY_SECRET: SECRET, SHOPPER_MESSAGES_PER_MINUTE: '0', ...env() });
  });
  afterAll(() => server.close());
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    // A signed-in customer continues their latest conversation: each test starts them without one.
    for (const record of await server.app.store.listConversationsByCustomer('cust_1001')) await server.app.store.deleteConversation(record.id);
  });

  /** Sends a message and waits for the bot's answer to it. */
  async function say(shopper: Shopper, text: string): Promise<Message> {
    const before = shopper.messages.length;
    expect(await shopper.socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID() })).toMatchObject({ ok: true });
    return until(() => shopper.messages.slice(before).find((message) => message.author === 'bot'), 5000);
  }

  it("never shows a guest the customer's messages when the guest's token comes with the customer's identity", async () => {
    const guest = await openShopper(server.url, sockets, { locale: 'en-US' });
    await say(guest, 'hello');
    // The same browser (a shared computer), now signed in by the store, still holding the guest's token.
    const customer = await openShopper(server.url, sockets, { locale: 'en-US', token: guest.session.token, identity: identityOf('cust_1001') });
    expect(customer.session.conversationId).not.toBe(guest.session.conversationId);
    expect(customer.session.token).not.toBe(guest.session.token);
    expect(customer.history.map((message) => message.text)).not.toContain('hello');

    const answer = await say(customer, 'where is my order?');
    expect(answer.text).toContain('100251'); // the customer's latest order
    await server.app.conversations.deliverToCustomer('cust_1001', { text: 'Your order 100251 has shipped.', language: 'en' });
    await until(() => customer.messages.find((message) => message.text === 'Your order 100251 has shipped.'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(guest.messages.map((message) => message.text).join('\n')).not.toMatch(/100251|order/);

    // The guest's conversation stays a guest's: its token alone shows only the guest's own messages and no orders.
    expect((await server.app.store.getConversation(guest.session.conversationId))?.customerId).toBeUndefined();
    const guestAgain = await openShopper(server.url, sockets, { token: guest.session.token });
    expect(guestAgain.session.conversationId).toBe(guest.session.conversationId);
    expect((await say(guestAgain, 'where is my order?')).text).not.toContain('100251');
  });

  it("never shows the customer's history to their token without the identity (after signing out)", async () => {
    const customer = await openShopper(server.url, sockets, { locale: 'en-US', identity: identityOf('cust_1001') });
    expect((await say(customer, 'where is my order?')).text).toContain('100251');
    customer.socket.disconnect();

    const signedOut = await openShopper(server.url, sockets, { locale: 'en-US', token: customer.session.token });
    expect(signedOut.session.conversationId).not.toBe(customer.session.conversationId);
    expect(signedOut.history).toEqual([]);
    const answer = await say(signedOut, 'where is my order?');
    expect(answer.text).not.toContain('100251');
    expect(answer.text).toContain('order number');
    // Order-care messages still go to the customer's own conversation, not to the signed-out browser.
    await server.app.conversations.deliverToCustomer('cust_1001', { text: 'Your refund is on its way.', language: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(signedOut.messages.map((message) => message.text)).not.toContain('Your refund is on its way.');

    // Signed in again, the customer continues their conversation with its history.
    const back = await openShopper(server.url, sockets, { locale: 'en-US', token: customer.session.token, identity: identityOf('cust_1001') });
    expect(back.session.conversationId).toBe(customer.session.conversationId);
    expect(back.history.map((message) => message.text)).toContain('Your refund is on its way.');
  });

  it("never resumes one customer's conversation under another customer's identity", async () => {
    const emma = await openShopper(server.url, sockets, { locale: 'en-US', identity: identityOf('cust_1001') });
    await say(emma, 'where is my order?');
    const other = await openShopper(server.url, sockets, { locale: 'en-US', token: emma.session.token, identity: identityOf('cust_9999') });
    expect(other.session.conversationId).not.toBe(emma.session.conversationId);
    expect(other.history).toEqual([]);
    for (const record of await server.app.store.listConversationsByCustomer('cust_9999')) await server.app.store.deleteConversation(record.id);
  });
});
