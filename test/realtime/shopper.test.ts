import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Message, SessionEvent, StatusEvent } from '../../src/shared/protocol.js';
import { startTestServer, until } from '../helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '6', ALLOWED_ORIGINS: 'https://shop.example' });
});
afterAll(() => server.close());
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

interface Shopper {
  socket: Socket;
  session: SessionEvent;
  history: Message[];
  messages: Message[];
  statuses: StatusEvent[];
}

async function shopper(auth: Record<string, unknown> = {}, extraHeaders: Record<string, string> = {}): Promise<Shopper> {
  const socket = connect(`${server.url}/shopper`, { transports: ['websocket'], auth, extraHeaders, reconnection: false, forceNew: true });
  sockets.push(socket);
  const messages: Message[] = [];
  const statuses: StatusEvent[] = [];
  socket.on('message', (message: Message) => messages.push(message));
  socket.on('status', (status: StatusEvent) => statuses.push(status));
  const session = new Promise<SessionEvent>((resolve) => socket.once('session', resolve));
  const history = new Promise<Message[]>((resolve) => socket.once('history', resolve));
  return { socket, session: await session, history: await history, messages, statuses };
}

const send = (socket: Socket, payload: unknown) => socket.timeout(5000).emitWithAck('message', payload) as Promise<Ack<{ id: string }>>;

describe('/shopper session', () => {
  it('opens a conversation with a secret resume token and empty history', async () => {
    const { session, history } = await shopper({ locale: 'es-MX' });
    expect(session.status).toBe('bot');
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(session.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(history).toEqual([]);
  });

  it('answers a message: ack with the stored id, then the bot reply', async () => {
    const { socket, messages } = await shopper();
    const ack = await send(socket, { text: 'where is my order 100234?', clientMessageId: randomUUID() });
    expect(ack).toEqual({ ok: true, id: expect.any(String) });
    const reply = await until(() => messages.find((message) => message.author === 'bot'));
    expect(reply.text).toContain('100234');
    expect(messages.some((message) => message.author === 'shopper')).toBe(false); // not echoed to the sender
  });

  it('stores a resent clientMessageId once and answers it once', async () => {
    const { socket, session, messages } = await shopper();
    const clientMessageId = randomUUID();
    const first = await send(socket, { text: 'hello', clientMessageId });
    const second = await send(socket, { text: 'hello', clientMessageId });
    expect(second).toEqual(first);
    await until(() => messages.length >= 1);
    const resumed = await shopper({ token: session.token });
    expect(resumed.history.filter((message) => message.author === 'shopper')).toHaveLength(1);
    expect(resumed.history.filter((message) => message.author === 'bot')).toHaveLength(1);
  });

  it('resumes the conversation with its token, history and language', async () => {
    const first = await shopper();
    await send(first.socket, { text: 'hola, quiero devolver unas zapatillas', clientMessageId: randomUUID() });
    await until(() => first.messages.length >= 1);
    first.socket.disconnect();
    const again = await shopper({ token: first.session.token });
    expect(again.session.conversationId).toBe(first.session.conversationId);
    expect(again.session.language).toBe('es');
    expect(again.history.map((message) => message.author)).toEqual(['shopper', 'bot']);
    await send(again.socket, { text: 'ok', clientMessageId: randomUUID() });
    const reply = await until(() => again.messages.find((message) => message.author === 'bot'));
    const spanishOpenings = [...server.app.knowledge.current()!.templates.get('es')!.values()].flatMap((template) =>
      template.sources.map((source) => source.slice(0, 12)),
    );
    expect(spanishOpenings.some((opening) => reply.text.startsWith(opening))).toBe(true);
  });

  it('gives a wrong token nothing of another conversation', async () => {
    const owner = await shopper();
    await send(owner.socket, { text: 'my email is ana@example.com', clientMessageId: randomUUID() });
    const stranger = await shopper({ token: `${owner.session.token.slice(0, -4)}AAAA` });
    expect(stranger.session.conversationId).not.toBe(owner.session.conversationId);
    expect(stranger.history).toEqual([]);
  });

  it('shows the shopper message and the reply in a second tab of the same conversation', async () => {
    const first = await shopper();
    await send(first.socket, { text: 'hello', clientMessageId: randomUUID() }); // a conversation is stored from its first message
    const second = await shopper({ token: first.session.token });
    await send(first.socket, { text: 'do you ship to Canada?', clientMessageId: randomUUID() });
    await until(() => second.messages.length >= 2);
    expect(second.messages.map((message) => message.author)).toEqual(['shopper', 'bot']);
  });

  it('hands off when asked for a person and then stays silent', async () => {
    const { socket, messages, statuses } = await shopper();
    await send(socket, { text: 'I want to talk to a real person', clientMessageId: randomUUID() });
    await until(() => statuses.find((status) => status.status === 'queued'));
    const before = messages.length;
    await send(socket, { text: 'hello?', clientMessageId: randomUUID() });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(messages.length).toBe(before);
  });

  it('takes a rating once the conversation is closed, not before', async () => {
    const { socket, session } = await shopper();
    await send(socket, { text: 'hello', clientMessageId: randomUUID() });
    const early = (await socket.timeout(5000).emitWithAck('rating', { score: 5 })) as Ack;
    expect(early).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // An agent resolves conversations (see the agent tests); here the conversation is closed directly.
    const record = (await server.app.store.getConversation(session.conversationId))!;
    await server.app.store.saveConversation({ ...record, status: 'closed' });
    expect(await socket.timeout(5000).emitWithAck('rating', { score: 4, comment: 'quick, thanks' })).toEqual({ ok: true });
    expect((await server.app.store.getConversation(session.conversationId))!.rating).toEqual({ score: 4, comment: 'quick, thanks' });
  });
});

describe('/shopper protection', () => {
  it('refuses wrong payload types with a code and message', async () => {
    const { socket } = await shopper();
    for (const payload of [
      { text: 42, clientMessageId: randomUUID() },
      'hello',
      null,
      { text: 'hi' },
      { text: 'hi', clientMessageId: randomUUID(), extra: true },
    ]) {
      const ack = await send(socket, payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload', message: expect.any(String) } });
    }
    expect(await send(socket, { text: '   ', clientMessageId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('survives a message without an ack and keeps serving', async () => {
    const { socket, messages } = await shopper();
    socket.emit('message', { text: 'thanks', clientMessageId: randomUUID() });
    socket.emit('message', 12345);
    socket.emit('rating', 'x');
    socket.emit('typing', { typing: 'yes' });
    await until(() => messages.length >= 1);
    expect(await send(socket, { text: 'bye', clientMessageId: randomUUID() })).toMatchObject({ ok: true });
  });

  it('refuses an over-long message with a clear error', async () => {
    const { socket } = await shopper();
    const ack = await send(socket, { text: 'a'.repeat(2001), clientMessageId: randomUUID() });
    expect(ack).toEqual({ ok: false, error: { code: 'message_too_long', message: 'message is 2001 characters long; the limit is 2000' } });
  });

  it('drops a socket that sends a frame over the size limit', async () => {
    const { socket } = await shopper();
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('message', { text: 'x'.repeat(40_000), clientMessageId: randomUUID() });
    expect(await closed).toBe('transport close');
    const other = await shopper();
    expect(other.session.status).toBe('bot');
  });

  it('limits messages per socket with a clear error', async () => {
    const { socket } = await shopper();
    const acks: Ack[] = [];
    for (let index = 0; index < 8; index++) acks.push(await send(socket, { text: `thanks ${index}`, clientMessageId: randomUUID() }));
    expect(acks.slice(0, 6).every((ack) => ack.ok)).toBe(true);
    expect(acks[6]).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringContaining('6 a minute') } });
  });

  it('refuses a handshake from an origin that is not allowed', async () => {
    const socket = connect(`${server.url}/shopper`, {
      transports: ['websocket'],
      extraHeaders: { origin: 'https://evil.example' },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toMatch(/websocket error|origin/);
    expect(socket.connected).toBe(false);
  });

  it('accepts the allowed origin and the server own pages', async () => {
    expect((await shopper({}, { origin: 'https://shop.example' })).session.status).toBe('bot');
    expect((await shopper({}, { origin: server.url })).session.status).toBe('bot');
    expect((await shopper({}, { origin: server.url.replace('127.0.0.1', 'localhost') })).session.status).toBe('bot');
  });

  it('never takes the Host header for the server own origin', async () => {
    const socket = connect(`${server.url}/shopper`, {
      transports: ['websocket'],
      extraHeaders: { origin: 'http://rebound.example', host: 'rebound.example' },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toMatch(/websocket error|origin/);
  });
});
