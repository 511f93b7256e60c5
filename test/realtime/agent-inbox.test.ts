// What an agent reads beside the live queue: closed conversations, search, the shopper panel, translations.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveAgent } from '../../src/handoff/agents.js';
import { signCustomerId } from '../../src/realtime/identity.js';
import type { Ack, ConversationSummary, Message, ShopperProfile, Translation } from '../../src/shared/protocol.js';
import { openShopper, startTestServer, until } from '../helpers.js';
import { startLibreTranslateStandIn, type StandIn } from '../translation/stand-ins.js';

const PASSWORD = 'correct horse battery';
const SECRET = 'identity-secret-0123456789';
let server: Awaited<ReturnType<typeof startTestServer>>;
let translator: StandIn;
let dataDir: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-inbox-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en', 'es'], role: 'agent', password: PASSWORD });
  translator = await startLibreTranslateStandIn();
  server = await startTestServer({
    DATA_DIR: dataDir,
    SHOPPER_MESSAGES_PER_MINUTE: '0',
    IDENTITY_SECRET: SECRET,
    TRANSLATOR: 'libretranslate',
    TRANSLATOR_URL: translator.url,
  });
});
afterAll(async () => {
  await server.close();
  await translator.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function signIn() {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ana@shop.example', password: PASSWORD }),
  });
  const { token } = (await response.json()) as { token: string };
  const socket = connect(`${server.url}/agent`, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  sockets.push(socket);
  const state = { socket, token, queue: [] as ConversationSummary[] };
  socket.on('queue', (queue: ConversationSummary[]) => (state.queue = queue));
  await new Promise((resolve) => socket.once('queue', resolve));
  return state;
}

const act = <T extends object>(socket: Socket, event: string, payload: object) => socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack<T>>;
const say = (socket: Socket, text: string) => socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID() });

async function handedOff(agent: Awaited<ReturnType<typeof signIn>>, auth: Record<string, unknown>, words: string[]) {
  const shopper = await openShopper(server.url, sockets, auth);
  for (const text of words) await say(shopper.socket, text);
  await until(() => agent.queue.find((entry) => entry.id === shopper.session.conversationId), 5000);
  return shopper;
}

describe('the agent inbox', () => {
  it('lists closed conversations and finds conversations by message text, e-mail, order number and id', async () => {
    const ana = await signIn();
    const first = await handedOff(ana, { locale: 'en-GB' }, ['my blue teapot lid is chipped', 'I want to talk to a person']);
    const id = first.session.conversationId;
    expect(ana.queue.find((entry) => entry.id === id)).toMatchObject({ handoffReason: 'requested', handoffIntent: 'human_agent' });
    await act(ana.socket, 'claim', { conversationId: id });
    await act(ana.socket, 'note', { conversationId: id, text: 'shopper e-mail: teapot.owner@example.com, order #100234' });
    await act(ana.socket, 'resolve', { conversationId: id });

    const closed = await act<{ conversations: ConversationSummary[] }>(ana.socket, 'conversations', { view: 'closed' });
    expect(closed.ok && closed.conversations.map((entry) => entry.id)).toContain(id);
    const search = async (query: string) => {
      const found = await act<{ conversations: ConversationSummary[] }>(ana.socket, 'conversations', { query });
      return found.ok ? found.conversations.map((entry) => entry.id) : [];
    };
    expect(await search('BLUE TEAPOT')).toEqual([id]);
    expect(await search('teapot.owner@example.com')).toEqual([id]);
    expect(await search('#100234')).toContain(id);
    expect(await search(id)).toEqual([id]);
    expect(await search('no conversation says this')).toEqual([]);
    expect(await act(ana.socket, 'conversations', { query: '' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it("shows a signed-in shopper's panel: language, country, page, orders, past conversations", async () => {
    const ana = await signIn();
    const identity = { customerId: 'cust_1001', hash: signCustomerId(SECRET, 'cust_1001') };
    const earlier = await handedOff(ana, { locale: 'en-US', identity }, ['I want to talk to a person']);
    await act(ana.socket, 'claim', { conversationId: earlier.session.conversationId });
    await act(ana.socket, 'resolve', { conversationId: earlier.session.conversationId });
    // The same customer on another device, first as a guest on a product page, then signed in there.
    const page = 'https://shop.example/products/mug?utm_source=mail&email=emma%40example.com#reviews';
    const guest = await handedOff(ana, { locale: 'en-US', page }, ['I want to talk to a person']);
    const id = guest.session.conversationId;
    const asGuest = (await act<{ profile: ShopperProfile }>(ana.socket, 'profile', { conversationId: id })) as { profile: ShopperProfile };
    expect(asGuest.profile).toMatchObject({
      language: 'en',
      locale: 'en-US',
      country: 'US',
      page: 'https://shop.example/products/mug',
      orders: [],
      pastConversations: [],
    });

    // Signing in there opens the customer's own conversation, the latest one; the guest's stays a guest's.
    const customer = await openShopper(server.url, sockets, { locale: 'en-US', token: guest.session.token, identity });
    expect(customer.session.conversationId).toBe(earlier.session.conversationId);
    expect(
      ((await act<{ profile: ShopperProfile }>(ana.socket, 'profile', { conversationId: id })) as { profile: ShopperProfile }).profile.customerId,
    ).toBeUndefined();
    const signedIn = (await act<{ profile: ShopperProfile }>(ana.socket, 'profile', { conversationId: customer.session.conversationId })) as {
      profile: ShopperProfile;
    };
    expect(signedIn.profile.customerId).toBe('cust_1001');
    expect(signedIn.profile.orders.map((order) => `${order.number} ${order.status}`)).toEqual(['100251 pending', '100234 shipped', '100198 delivered']);
    expect(signedIn.profile.pastConversations.map((past) => past.id)).not.toContain(id);
  });

  it("translates a Japanese shopper's message for an English-speaking agent, and the agent's reply into Japanese", async () => {
    const ana = await signIn();
    const shopper = await handedOff(ana, { locale: 'ja-JP' }, ['担当者と話したいです']);
    const id = shopper.session.conversationId;
    const claimed = await act<{ history: Message[] }>(ana.socket, 'claim', { conversationId: id });
    const message = claimed.ok ? claimed.history.find((candidate) => candidate.author === 'shopper')! : undefined;
    const result = await act<{ translation?: Translation }>(ana.socket, 'translate', { conversationId: id, messageId: message!.id });
    expect(result).toEqual({ ok: true, translation: { messageId: message!.id, text: 'I would like to talk to a person', from: 'ja', to: 'en' } });

    const sent = await act<{ message: Message }>(ana.socket, 'message', {
      conversationId: id,
      text: 'I am sorry about the wait. I am checking with the carrier now.',
      translate: true,
    });
    expect(sent.ok && sent.message.text).toBe('お待たせして申し訳ありません。今、配送業者に確認しています。');
    const received = await until(() => shopper.messages.find((candidate) => candidate.author === 'agent'));
    expect(received.text).toBe('お待たせして申し訳ありません。今、配送業者に確認しています。');
    const history = (await act<{ history: Message[] }>(ana.socket, 'history', { conversationId: id })) as { history: Message[] };
    const original = history.history.find((candidate) => candidate.internal && candidate.originalOf === (sent.ok ? sent.message.id : ''));
    expect(original?.text).toBe('I am sorry about the wait. I am checking with the carrier now.');
    expect(shopper.messages.some((candidate) => candidate.text.startsWith('I am sorry'))).toBe(false);

    // A broken translator sends nothing and says so; the message itself is untouched.
    translator.setBehaviour({ broken: true });
    expect(await act(ana.socket, 'message', { conversationId: id, text: 'One more thing', translate: true })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    translator.setBehaviour({});
    expect(shopper.messages.filter((candidate) => candidate.author === 'agent')).toHaveLength(1);
  });
});
