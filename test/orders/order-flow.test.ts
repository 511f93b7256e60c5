// Order and shipping conversations through the real socket server: signed-in and guest shoppers, what a guest may
// learn, cancellations and hand-offs, and shipping and customs answers per country.
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryOrderSource } from '../../src/orders/memory-source.js';
import type { Order } from '../../src/orders/order.js';
import { OrderSourceUnavailable, type OrderSource } from '../../src/orders/source.js';
import { signCustomerId } from '../../src/realtime/identity.js';
import type { Message, SessionEvent } from '../../src/shared/protocol.js';
import { startTestServer, until } from '../helpers.js';

const SECRET = 'identity-secret-for-tests-0123456789';

const order = (
  fields: Partial<Order> & Pick<Order, 'number' | 'status' | 'currency' | 'total'>,
  customer: Order['customer'],
  shipping: Order['shipping'],
): Order => ({
  id: `ord_${fields.number}`,
  createdAt: '2026-11-24T15:12:00Z',
  items: [{ sku: 'MUG-1', title: 'Ceramic mug', quantity: 1, price: fields.total }],
  ...fields,
  customer,
  shipping,
});

const emma = { id: 'cust_1001', email: 'emma.johnson@example.com', locale: 'en-US', country: 'US' };
const javier = { id: 'cust_1003', email: 'javier.garcia@example.es', locale: 'es-ES', country: 'ES' };
const yuki = { id: 'cust_1014', email: 'yuki.tanaka@example.jp', locale: 'ja-JP', country: 'JP' };

function fixtureOrders(): Order[] {
  return [
    order({ number: '100234', status: 'shipped', currency: 'USD', total: 89.97, createdAt: '2026-11-24T15:12:00Z' }, emma, {
      country: 'US',
      carrier: 'UPS',
      trackingCode: '1Z999AA10123456784',
      trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      estimatedDelivery: '2026-12-03',
    }),
    order({ number: '100251', status: 'pending', currency: 'USD', total: 32, createdAt: '2026-12-01T08:05:00Z' }, emma, { country: 'US' }),
    order({ number: '100236', status: 'out_for_delivery', currency: 'EUR', total: 64.9 }, javier, {
      country: 'ES',
      carrier: 'Correos',
      trackingUrl: 'https://www.correos.es/track?n=PQ473829105ES',
      estimatedDelivery: '2026-12-01',
    }),
    order({ number: '100243', status: 'shipped', currency: 'JPY', total: 12800 }, yuki, {
      country: 'JP',
      carrier: 'Japan Post',
      trackingUrl: 'https://trackings.post.japanpost.jp/?requestNo1=EJ678901235JP',
      estimatedDelivery: '2026-12-02',
    }),
  ];
}

let orders: OrderSource;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];

/** The store behind the chat, swapped per test where a test needs a different one. */
const store: OrderSource = {
  name: 'test',
  findByNumber: (orderNumber) => orders.findByNumber(orderNumber),
  listByCustomer: (customerId, limit) => orders.listByCustomer(customerId, limit),
  requestCancellation: (orderNumber, reason) => (orders.requestCancellation ? orders.requestCancellation(orderNumber, reason) : Promise.resolve(undefined)),
  requestChange: (orderNumber, change) => (orders.requestChange ? orders.requestChange(orderNumber, change) : Promise.resolve(undefined)),
};

beforeAll(async () => {
  server = await startTestServer({ IDENTITY_SECRET: SECRET, SHOPPER_MESSAGES_PER_MINUTE: '0' }, { orderSource: store });
});
afterAll(() => server.close());
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  // A signed-in customer continues their latest conversation: each test starts them without one.
  for (const customer of [emma, javier, yuki]) {
    for (const record of await server.app.store.listConversationsByCustomer(customer.id)) await server.app.store.deleteConversation(record.id);
  }
});

async function shopper(auth: Record<string, unknown> = {}) {
  orders ??= createMemoryOrderSource(fixtureOrders());
  const socket = connect(`${server.url}/shopper`, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  sockets.push(socket);
  const messages: Message[] = [];
  socket.on('message', (message: Message) => messages.push(message));
  const session = await new Promise<SessionEvent>((resolve) => socket.once('session', resolve));
  /** Sends a message (or a quick reply) and waits for the bot's answer to it. */
  const say = async (text: string, payload?: string): Promise<Message> => {
    const before = messages.length;
    const ack = await socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID(), ...(payload ? { payload } : {}) });
    expect(ack).toMatchObject({ ok: true });
    return until(() => messages.slice(before).find((message) => message.author === 'bot'));
  };
  return { socket, session, messages, say };
}

const signedIn = (customerId: string, locale: string) => shopper({ locale, identity: { customerId, hash: signCustomerId(SECRET, customerId) } });

describe('a shopper signed in by the store', () => {
  it('hears where the latest order is, with carrier, tracking link and date in English', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const { say, session } = await signedIn('cust_1001', 'en-US');
    const reply = await say('where is my order?');
    expect(reply.text).toContain('#100251'); // the latest order first
    const shipped = await say('and where is order 100234?');
    expect(shipped.text).toContain('UPS');
    expect(shipped.text).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(shipped.text).toContain('December 3, 2026');
    expect((await server.app.conversations.getConversation(session.conversationId))?.customerId).toBe('cust_1001');
  });

  it('gets the date and status in Spanish', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const { say } = await signedIn('cust_1003', 'es-ES');
    const reply = await say('hola, ¿dónde está mi pedido?');
    expect(reply.text).toContain('está en reparto con Correos');
    expect(reply.text).toContain('1 de diciembre de 2026');
  });

  it('gets the date and status in Japanese', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const { say } = await signedIn('cust_1014', 'ja-JP');
    const reply = await say('注文した商品は今どこにありますか？');
    expect(reply.text).toContain('配送中です（配送業者：Japan Post）');
    expect(reply.text).toContain('2026年12月2日');
  });

  it('is a guest when the hash is forged: the bot asks for the order number', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const forged = signCustomerId('some-other-secret-0123456789', 'cust_1001');
    const { say, session } = await shopper({ locale: 'en-US', identity: { customerId: 'cust_1001', hash: forged } });
    const reply = await say('where is my order?');
    expect(reply.text).toContain('order number');
    expect(reply.text).not.toContain('#100251');
    expect((await server.app.conversations.getConversation(session.conversationId))?.customerId).toBeUndefined();
  });
});

describe('a guest with an order number', () => {
  it('is asked for the e-mail on the order, then hears the status (e-mail case ignored)', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const { say } = await shopper({ locale: 'en-GB' });
    const asked = await say('where is my order 100234?');
    expect(asked.text).toContain('e-mail');
    expect(asked.text).not.toContain('UPS');
    const answer = await say('it is Emma.Johnson@Example.com');
    expect(answer.text).toContain('UPS');
    expect(answer.text).toContain('3 December 2026');
    // Verified once: the next question about the same order needs no e-mail.
    const again = await say('can you check order 100234 again?');
    expect(again.text).toContain('UPS');
  });

  it('gets the same reply for a wrong e-mail as for an order number that does not exist', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const wrongEmail = await shopper();
    const unknownNumber = await shopper();
    const first = await wrongEmail.say('where is my order 100234? my e-mail is someone@example.com');
    const second = await unknownNumber.say('where is my order 999999? my e-mail is someone@example.com');
    expect(first.text).toContain("couldn't match");
    expect(first.text).toBe(second.text);
    expect(first.quickReplies).toEqual(second.quickReplies);
  });

  it('is paused for 15 minutes after five wrong tries, even with the right e-mail on the sixth', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const { say } = await shopper();
    for (const number of ['100100', '100101', '100102', '100103']) {
      expect((await say(`where is my order ${number}? e-mail guess@example.com`)).text).toContain("couldn't match");
    }
    expect((await say('where is my order 100104? e-mail guess@example.com')).text).toContain('15 minutes');
    const sixth = await say('where is my order 100234? e-mail emma.johnson@example.com');
    expect(sixth.text).toContain('15 minutes');
    expect(sixth.text).not.toContain('UPS');
  });

  it('hears politely that orders cannot be looked up when the store is down, at once', async () => {
    orders = {
      name: 'down',
      findByNumber: () => Promise.reject(new OrderSourceUnavailable('test', 'circuit open')),
      listByCustomer: () => Promise.reject(new OrderSourceUnavailable('test', 'circuit open')),
    };
    const { say } = await shopper();
    const started = Date.now();
    const reply = await say('where is my order 100234? emma.johnson@example.com');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(reply.text).toContain("can't reach our order system");
    expect(reply.quickReplies).toContainEqual({ label: 'Talk to a person', value: 'intent:human_agent' });
  });
});

describe('cancelling', () => {
  it('asks to confirm an order that has not shipped, then cancels it at the store', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const { say } = await signedIn('cust_1001', 'en-US');
    const confirm = await say('please cancel my order 100251');
    expect(confirm.text).toContain('#100251');
    expect(confirm.quickReplies?.map((reply) => reply.value)).toEqual(['confirm:yes', 'confirm:no']);
    const done = await say('Yes, cancel it', 'confirm:yes');
    expect(done.text).toContain('order #100251 is cancelled');
    expect((await orders.findByNumber('100251'))?.status).toBe('cancelled');
  });

  it('asks to confirm in Spanish and keeps the order on "no"', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const { say } = await signedIn('cust_1001', 'es-MX');
    const confirm = await say('quiero cancelar mi pedido 100251');
    expect(confirm.text).toContain('¿Lo cancelo?');
    expect((await say('no')).text).toContain('dejo el pedido #100251 tal como está');
    expect((await orders.findByNumber('100251'))?.status).toBe('pending');
  });

  it('hands a shipped order to a person, with the order attached for the agent', async () => {
    orders = createMemoryOrderSource(fixtureOrders());
    const { say, session } = await signedIn('cust_1001', 'en-US');
    const reply = await say('I want to cancel order 100234');
    expect(reply.text).toContain('already shipped');
    const conversation = await server.app.conversations.getConversation(session.conversationId);
    expect(conversation?.status).toBe('queued');
    expect(conversation?.handoff?.order).toEqual({ number: '100234', status: 'shipped' });
    const notes = (await server.app.store.listMessages(session.conversationId)).filter((message) => message.internal);
    expect(notes.map((note) => note.text)).toContainEqual(expect.stringContaining('Order #100234 · status shipped'));
  });

  it('hands off with the order when the store cannot cancel through the chat', async () => {
    const { requestCancellation: _ignored, ...withoutCancellation } = createMemoryOrderSource(fixtureOrders());
    orders = withoutCancellation;
    const { say, session } = await signedIn('cust_1001', 'en-US');
    await say('cancel my order 100251 please');
    const reply = await say('yes', undefined);
    expect(reply.text).toContain('passing it to a colleague');
    const conversation = await server.app.conversations.getConversation(session.conversationId);
    expect(conversation?.handoff?.order).toEqual({ number: '100251', status: 'pending', request: 'unsupported' });
  });
});

describe('shipping and customs', () => {
  it('answers for the country named', async () => {
    const { say } = await shopper({ locale: 'en-GB' });
    const reply = await say('do you ship to Chile?');
    expect(reply.text).toContain('we ship to Chile');
    expect(reply.text).toContain('8–18 business days');
  });

  it("answers for the widget locale's country when none is named", async () => {
    const { say } = await shopper({ locale: 'es-MX' });
    const reply = await say('¿cuánto tarda el envío y cuánto cuesta?');
    expect(reply.text).toContain('enviamos a México');
    expect(reply.text).toContain('5–9 días hábiles');
  });

  it('asks for the country when it cannot tell, then answers for the one given', async () => {
    const { say } = await shopper({ locale: 'ja' });
    expect((await say('送料っていくらかかりますか？')).text).toContain('お届け先の国はどちらですか');
    const reply = await say('ドイツです');
    expect(reply.text).toContain('ドイツへ発送しています');
    expect(reply.text).toContain('3〜6営業日');
  });

  it('tells EU shoppers VAT is paid at checkout and US shoppers about the duty-free threshold', async () => {
    const eu = await shopper({ locale: 'en' });
    expect((await eu.say('will I have to pay customs fees in France?')).text).toContain('VAT is collected at checkout');
    const us = await shopper({ locale: 'en' });
    expect((await us.say('will I pay import duties in the USA?')).text).toContain('no import duties on orders under $800.00');
  });
});
