// A flood of requests for a person: each client address hands off only so many conversations an hour, and all of
// them only so many a minute; past a cap the shopper hears why in their language and the bot keeps the conversation.
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Message, SessionEvent } from '../../src/shared/protocol.js';
import { startTestServer, until } from '../helpers.js';

const ASK = 'I want to talk to a human agent please';
const PER_ADDRESS = 3;

interface Shopper {
  socket: Socket;
  session: SessionEvent;
  messages: Message[];
}

/** A widget behind the trusted proxy, for a client address of the test's choosing. */
async function shopperFrom(url: string, address: string, sockets: Socket[]): Promise<Shopper> {
  const socket = connect(`${url}/shopper`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': address } });
  sockets.push(socket);
  const messages: Message[] = [];
  socket.on('message', (message: Message) => messages.push(message));
  const session = await new Promise<SessionEvent>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, session, messages };
}

async function ask(shopper: Shopper, text = ASK): Promise<Message> {
  const ack = (await shopper.socket.timeout(10_000).emitWithAck('message', { text, clientMessageId: randomUUID() })) as Ack<{ id: string }>;
  expect(ack.ok).toBe(true);
  return until(() => shopper.messages.find((message) => message.author === 'bot'), 10_000);
}

describe('hand-offs per client address and in all', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      SHOPPER_MESSAGES_PER_MINUTE: '0',
      TRUST_PROXY: 'loopback',
      HANDOFFS_PER_IP_PER_HOUR: String(PER_ADDRESS),
      HANDOFFS_PER_MINUTE: '0',
      MAX_CONNECTIONS_PER_IP: '0',
    });
  }, 60_000);
  afterAll(() => server.close());
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  const queuedIds = async () =>
    (await server.app.desk.queueFor({ id: 'nobody', name: 'Nobody', email: 'nobody@example.com', languages: [], role: 'agent' } as never))
      .filter((entry) => entry.status === 'queued')
      .map((entry) => entry.id);

  it('keeps a real shopper from another address among the first places after 1,000 fake hand-offs from five addresses', async () => {
    const addresses = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    const answers: Message[] = [];
    for (let batch = 0; batch < 20; batch += 1) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, async (_, index) => {
            const shopper = await shopperFrom(server.url, addresses[(batch * 50 + index) % addresses.length]!, sockets);
            const reply = await ask(shopper);
            shopper.socket.disconnect();
            return reply;
          }),
        )),
      );
    }
    expect(answers).toHaveLength(1000);
    const queued = await queuedIds();
    expect(queued).toHaveLength(addresses.length * PER_ADDRESS);
    // The refused ones were told why, and stay with the bot.
    const refused = answers.filter((answer) => !queued.includes(answer.conversationId));
    expect(refused).toHaveLength(1000 - addresses.length * PER_ADDRESS);
    expect(refused.every((answer) => answer.text.includes("can't connect you with a person"))).toBe(true);
    const stillBot = await server.app.store.getConversation(refused[0]!.conversationId);
    expect(stillBot?.status).toBe('bot');

    const real = await shopperFrom(server.url, '198.51.100.7', sockets);
    const reply = await ask(real);
    expect(reply.text).not.toContain("can't connect you with a person");
    const position = (await queuedIds()).indexOf(real.session.conversationId) + 1;
    expect(position).toBe(addresses.length * PER_ADDRESS + 1);

    const metrics = await server.app.metrics.registry.getSingleMetricAsString('borderless_handoffs_refused_total');
    expect(metrics).toContain(`borderless_handoffs_refused_total{cap="address"} ${1000 - addresses.length * PER_ADDRESS}`);
  }, 180_000);

  it('answers a shopper past the cap in their own language', async () => {
    const spanish = await shopperFrom(server.url, '203.0.113.1', sockets);
    const reply = await ask(spanish, 'quiero hablar con una persona, por favor');
    expect(reply.text).toContain('no puedo ponerte con una persona');
    expect((await server.app.store.getConversation(spanish.session.conversationId))?.status).toBe('bot');
  }, 30_000);
});

describe('the cap on hand-offs in all', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '0', TRUST_PROXY: 'loopback', HANDOFFS_PER_IP_PER_HOUR: '0', HANDOFFS_PER_MINUTE: '4' });
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await server.close();
  });

  it('queues no more than the cap a minute from any number of addresses, and counts the refusals', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, async (_, index) => ask(await shopperFrom(server.url, `192.0.2.${index + 1}`, sockets))));
    const statuses = await Promise.all(replies.map(async (reply) => (await server.app.store.getConversation(reply.conversationId))?.status));
    expect(statuses.filter((status) => status === 'queued')).toHaveLength(4);
    expect(statuses.filter((status) => status === 'bot')).toHaveLength(6);
    expect(await server.app.metrics.registry.getSingleMetricAsString('borderless_handoffs_refused_total')).toContain(
      'borderless_handoffs_refused_total{cap="global"} 6',
    );
  }, 60_000);
});
