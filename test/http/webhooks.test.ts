import { createHmac } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent, makeOrder, signedRequest, WEBHOOK_SECRET } from '../care/fixtures.js';
import { signCustomerId } from '../../src/realtime/identity.js';
import { openShopper, startTestServer, until, type Shopper } from '../helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];

const IDENTITY_SECRET = 'identity-secret-0123456789abcdef';

beforeAll(async () => {
  server = await startTestServer({ WEBHOOK_SECRET, IDENTITY_SECRET });
});
afterAll(() => server.close());
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

const openWidget = (auth: Record<string, unknown> = {}) => openShopper(server.url, sockets, auth);

/** A shopper the store has signed in through the widget: their conversation belongs to the customer. */
const verifiedShopper = (customerId: string, auth: Record<string, unknown> = {}): Promise<Shopper> =>
  openWidget({ ...auth, identity: { customerId, hash: signCustomerId(IDENTITY_SECRET, customerId) } });

const post = (request: { body: string; headers: Record<string, string> }) =>
  fetch(`${server.url}/api/v1/webhooks/orders`, { method: 'POST', body: request.body, headers: request.headers });

/** Money and dates are written with the no-break spaces of each language; compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('order events: signatures', () => {
  it('refuses a missing, malformed, wrong, stale or future signature with 401 and sends nothing', async () => {
    const order = makeOrder({ customer: { locale: 'es-ES' } });
    const shopper = await verifiedShopper(order.customer.id!);
    const event = makeEvent('order.shipped', order);
    const good = signedRequest(event);
    const now = Math.floor(Date.now() / 1000);
    const attempts: Record<string, Record<string, string>> = {
      missing: { 'content-type': 'application/json' },
      malformed: { ...good.headers, 'borderless-signature': 'sha256=abc' },
      wrongSecret: signedRequest(event, { secret: 'another-secret-0123456789abcdef' }).headers,
      stale: signedRequest(event, { timestamp: now - 6 * 60 }).headers,
      future: signedRequest(event, { timestamp: now + 6 * 60 }).headers,
    };
    for (const [name, headers] of Object.entries(attempts)) {
      const response = await post({ body: good.body, headers });
      expect(response.status, name).toBe(401);
      expect((await response.json()).error.code, name).toBe('unauthorized');
    }
    // A body changed after signing is refused too.
    const tampered = await post({ body: good.body.replace('100234', '100235'), headers: good.headers });
    expect(tampered.status).toBe(401);

    await pause(300);
    expect(shopper.messages).toEqual([]);
    expect(await server.app.store.listMessages(shopper.session.conversationId)).toEqual([]);
    // The refused event was not remembered: the store's genuine delivery of it still goes through.
    expect((await post(good)).status).toBe(202);
    await until(() => shopper.messages.length === 1);
  });

  it('answers 409 to an event id seen before and sends its message once', async () => {
    const order = makeOrder({ customer: { locale: 'en-GB' } });
    const shopper = await verifiedShopper(order.customer.id!);
    const event = makeEvent('order.delivered', order);
    const first = await post(signedRequest(event));
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: true });
    await until(() => shopper.messages.length === 1);

    // Re-signed a moment later, as a replaying attacker or a retrying store would.
    const replay = await post(signedRequest(event, { timestamp: Math.floor(Date.now() / 1000) + 1 }));
    expect(replay.status).toBe(409);
    expect((await replay.json()).error.code).toBe('replay');
    await pause(300);
    expect(shopper.messages.map((message) => message.text)).toEqual(['Your order #100234 has been delivered. We hope you love it!']);
  });

  it('turns order events away with 503 while WEBHOOK_SECRET is not set', async () => {
    const unsigned = await startTestServer();
    try {
      const response = await fetch(`${unsigned.url}/api/v1/webhooks/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(makeEvent('order.shipped', makeOrder())),
      });
      expect(response.status).toBe(503);
      expect((await response.json()).error.message).toMatch(/WEBHOOK_SECRET/);
    } finally {
      await unsigned.close();
    }
  });

  it('answers 400 to a signed event whose order is malformed, and acknowledges event types it does not handle', async () => {
    const broken = await post(signedRequest({ ...makeEvent('order.shipped', makeOrder()), order: { number: '1' } }));
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/order\.id/);
    const other = await post(signedRequest(makeEvent('customer.updated', makeOrder())));
    expect(other.status).toBe(202);
    expect((await other.json()).ignored).toMatch(/customer\.updated/);
  });
});

describe('order events: messages in the shopper language', () => {
  const shipping = { carrier: 'DHL', trackingCode: 'JD014600006281', trackingUrl: 'https://track.example/JD014600006281', estimatedDelivery: '2026-11-30' };

  it('tells a connected Spanish shopper that the order shipped, with carrier, tracking link and date', async () => {
    const order = makeOrder({ customer: { locale: 'es-ES' }, shipping });
    const shopper = await verifiedShopper(order.customer.id!);
    expect((await post(signedRequest(makeEvent('order.shipped', order)))).status).toBe(202);
    const message = await until(() => shopper.messages[0]);
    expect(message.author).toBe('bot');
    expect(plain(message.text)).toBe(
      '¡Tu pedido #100234 ya va en camino con DHL! Síguelo aquí: https://track.example/JD014600006281 — entrega prevista: 30 de noviembre de 2026.',
    );
  });

  it('apologises to a German shopper for a delay, with the new date', async () => {
    const order = makeOrder({ customer: { locale: 'de-DE' }, shipping: { estimatedDelivery: '2026-12-04' } });
    const shopper = await verifiedShopper(order.customer.id!);
    await post(signedRequest(makeEvent('order.delayed', order)));
    const message = await until(() => shopper.messages[0]);
    expect(message.text).toContain('Es tut uns leid: Bestellung #100234 verspätet sich.');
    expect(plain(message.text)).toContain('4. Dezember 2026');
    expect(message.quickReplies).toEqual([{ label: 'Mit unserem Team sprechen', value: 'intent:human_agent' }]);
  });

  it('writes to a Japanese shopper in Japanese, with the date the Japanese way', async () => {
    const order = makeOrder({ customer: { locale: 'ja-JP' }, shipping, currency: 'JPY', total: 12800 });
    const shopper = await verifiedShopper(order.customer.id!);
    await post(signedRequest(makeEvent('order.shipped', order)));
    const message = await until(() => shopper.messages[0]);
    expect(message.text).toContain('注文番号 100234 の商品をDHLにて発送しました');
    expect(message.text).toContain('2026年11月30日');
  });

  it("writes in the language of the customer's conversation when the order has no locale", async () => {
    const order = makeOrder({ total: 42 });
    const shopper = await verifiedShopper(order.customer.id!, { locale: 'fr-FR' });
    await post(signedRequest(makeEvent('order.created', order)));
    const message = await until(() => shopper.messages[0]);
    expect(plain(message.text)).toBe('Merci pour votre commande n° 100234 (42,00 €) ! Nous vous écrirons ici dès son expédition.');
  });

  it('keeps a failed-payment message for a shopper who is away; it is in the history when they come back', async () => {
    const order = makeOrder({ customer: { locale: 'it-IT' }, total: 120 });
    const away = await verifiedShopper(order.customer.id!);
    away.socket.disconnect();
    await post(signedRequest(makeEvent('payment.failed', order, { links: { payment: 'https://shop.example/pay/100234' } })));
    await eventually(async () => (await server.app.store.listMessages(away.session.conversationId)).length === 1);

    const back = await verifiedShopper(order.customer.id!, { token: away.session.token });
    expect(back.session.conversationId).toBe(away.session.conversationId);
    expect(back.history).toHaveLength(1);
    expect(back.history[0]!.text).toContain('https://shop.example/pay/100234');
    expect(plain(back.history[0]!.text)).toContain('(120,00 €)');
    expect(back.history[0]!.quickReplies).toEqual([
      { label: 'Un problema di pagamento', value: 'intent:payment_issue' },
      { label: 'Parla con un operatore', value: 'intent:human_agent' },
    ]);
  });

  it('opens a conversation for a customer who has none, which holds the message for their first visit', async () => {
    const order = makeOrder({ customer: { locale: 'pl-PL' }, currency: 'PLN', total: 250, refund: { status: 'issued', amount: 250 } });
    await post(signedRequest(makeEvent('refund.issued', order)));
    const found = await eventually(async () => {
      const [record] = await server.app.store.listConversationsByCustomer(order.customer.id!);
      return record && (await server.app.store.listMessages(record.id)).length > 0 ? record : undefined;
    });
    expect(found.status).toBe('bot');
    expect(found.state.language).toBe('pl');
    const [message] = await server.app.store.listMessages(found.id);
    expect(plain(message!.text)).toMatch(/^Zwróciliśmy 250,00 zł za zamówienie nr 100234\./);

    // The customer opens the store's page, signed in by the store: the widget shows that conversation and its message.
    const identity = { customerId: order.customer.id!, hash: createHmac('sha256', IDENTITY_SECRET).update(order.customer.id!).digest('hex') };
    const visit = await openWidget({ identity, locale: 'pl-PL' });
    expect(visit.session.conversationId).toBe(found.id);
    expect(visit.history.map((shown) => shown.id)).toEqual([message!.id]);
    // Without the store's signature the same customer id is a stranger's: a new, empty conversation.
    const forged = await openWidget({ identity: { ...identity, hash: '0'.repeat(64) } });
    expect(forged.session.conversationId).not.toBe(found.id);
    expect(forged.history).toEqual([]);
    // The new token resumes it with the customer's identity; on its own (signed out) it shows nothing of theirs.
    const again = await openWidget({ token: visit.session.token, identity });
    expect(again.session.conversationId).toBe(found.id);
    const signedOut = await openWidget({ token: visit.session.token });
    expect(signedOut.session.conversationId).not.toBe(found.id);
    expect(signedOut.history).toEqual([]);
  });
});

/** Polls an asynchronous check until it gives a value, or fails after 4 seconds. */
async function eventually<T>(read: () => Promise<T | undefined | false>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > 4000) throw new Error('timed out after 4000 ms');
    await pause(20);
  }
}
