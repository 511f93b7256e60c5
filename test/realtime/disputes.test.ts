import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveAgent } from '../../src/handoff/agents.js';
import type { Ack, CaseView, ConversationSummary, Message, SessionEvent, StatusEvent } from '../../src/shared/protocol.js';
import { png, upload } from '../attachments/fixtures.js';
import { startTestServer, until } from '../helpers.js';

const PASSWORD = 'correct horse battery';
let server: Awaited<ReturnType<typeof startTestServer>>;
let dataDir: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-disputes-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en', 'es', 'ja'], role: 'agent', password: PASSWORD });
  server = await startTestServer({ DATA_DIR: dataDir, SHOPPER_MESSAGES_PER_MINUTE: '0' });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function shopper(locale: string) {
  const socket = connect(`${server.url}/shopper`, { transports: ['websocket'], auth: { locale }, reconnection: false, forceNew: true });
  sockets.push(socket);
  const messages: Message[] = [];
  const statuses: StatusEvent[] = [];
  socket.on('message', (message: Message) => messages.push(message));
  socket.on('status', (status: StatusEvent) => statuses.push(status));
  const session = await new Promise<SessionEvent>((resolve) => socket.once('session', resolve));
  const say = async (payload: { text?: string; attachments?: string[] }) => {
    const before = messages.filter((message) => message.author === 'bot').length;
    const ack = (await socket.timeout(5000).emitWithAck('message', { ...payload, clientMessageId: randomUUID() })) as Ack<{ id: string }>;
    expect(ack.ok).toBe(true);
    return until(() => messages.filter((message) => message.author === 'bot')[before]);
  };
  return { socket, session, messages, statuses, say };
}

const flows = [
  {
    locale: 'en-US',
    problem: 'the teapot arrived cracked',
    asksPhoto: /photo/,
    asksNumber: /order number/,
    opened: 'order 100234 (damaged item, 1 photo)',
    returnQuestion: 'how do I send it back?',
    caseWord: 'case',
  },
  {
    locale: 'es-MX',
    problem: 'me mandaron un artículo equivocado',
    asksPhoto: /foto/,
    asksNumber: /número de pedido/,
    opened: 'pedido 100234 (artículo equivocado, 1 foto)',
    returnQuestion: 'quiero devolverlo',
    caseWord: 'caso',
  },
  {
    locale: 'ja-JP',
    problem: '届いたカップが割れていました',
    asksPhoto: /写真/,
    asksNumber: /注文番号/,
    opened: '注文番号100234の件（商品の破損、写真1枚）',
    returnQuestion: '返品したいです',
    caseWord: '案件',
  },
];

describe('the dispute flow over sockets', () => {
  for (const flow of flows) {
    it(`${flow.locale}: problem, photo, order number → a case with the photo, handed to a person first`, async () => {
      const shop = await shopper(flow.locale);
      expect((await shop.say({ text: flow.problem })).text).toMatch(flow.asksPhoto);

      const { body: photo } = await upload(server.url, shop.session.conversationId, shop.session.token, await png(30, 20));
      const afterPhoto = await shop.say({ attachments: [photo.id] });
      expect(afterPhoto.text).toMatch(flow.asksNumber);

      const opened = await shop.say({ text: '100234' });
      expect(opened.text).toContain(flow.opened);
      await until(() => shop.statuses.find((status) => status.status === 'queued'));

      // The agent's queue: tagged, moved up, with the case; the claim brings the case and its photo first.
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ana@shop.example', password: PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const agent = connect(`${server.url}/agent`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
      sockets.push(agent);
      const queue = await new Promise<ConversationSummary[]>((resolve) => agent.once('queue', resolve));
      const entry = queue.find((summary) => summary.id === shop.session.conversationId)!;
      expect(entry).toMatchObject({ status: 'queued', priority: 5, case: { orderNumber: '100234', photos: 1 } });
      expect(entry.tags).toContain('dispute');
      const claimed = (await agent.timeout(5000).emitWithAck('claim', { conversationId: shop.session.conversationId })) as Ack<{
        history: Message[];
        case: CaseView;
      }>;
      if (!claimed.ok) throw new Error(claimed.error.message);
      expect(claimed.case).toMatchObject({ status: 'open', orderNumber: '100234', photos: [{ id: photo.id, width: 30, height: 20 }] });
      expect((await fetch(`${server.url}${claimed.case.photos[0]!.url}`)).status).toBe(200);
      expect(claimed.history.find((message) => message.attachments?.length)?.attachments?.[0]?.id).toBe(photo.id);

      // Handed back to the bot, a return question points to the case.
      const released = (await agent.timeout(5000).emitWithAck('release', { conversationId: shop.session.conversationId })) as Ack;
      expect(released.ok).toBe(true);
      const returnAnswer = await shop.say({ text: flow.returnQuestion });
      expect(returnAnswer.text).toContain('100234');
      expect(returnAnswer.text).toContain(flow.caseWord);
    });
  }
});
