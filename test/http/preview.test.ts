// POST /api/v1/preview is a dry run: it reads the store's orders as a chat would, lists the effects a real turn
// would carry out, and never performs one, even for a conversation that is only waiting for the shopper's "yes".
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createMemoryOrderSource, DEMO_ORDERS_FILE, readOrdersFile, type OrderSource } from '../../src/orders/index.js';
import { loadDefaultSnapshot, projectRoot } from '../helpers.js';

const OPERATOR_TOKEN = 'test-operator-token-0123456789';
let app: FastifyInstance;
let store: OrderSource;
/** Every call the preview made to the store's hooks that change an order. */
const changes: string[] = [];

beforeAll(async () => {
  store = createMemoryOrderSource(await readOrdersFile(DEMO_ORDERS_FILE));
  const watched: OrderSource = {
    name: 'watched',
    findByNumber: (number) => store.findByNumber(number),
    listByCustomer: (id, limit) => store.listByCustomer(id, limit),
    requestCancellation: (number, reason) => {
      changes.push(`cancel ${number}`);
      return store.requestCancellation!(number, reason);
    },
    requestChange: (number, change) => {
      changes.push(`change ${number}`);
      return store.requestChange!(number, change);
    },
  };
  app = await buildApp(loadConfig({ CONTENT_DIR: projectRoot, OPERATOR_TOKEN, LOG_LEVEL: 'silent' }), {
    snapshot: await loadDefaultSnapshot(),
    orderSource: watched,
  });
});
afterAll(() => app.close());

const preview = async (payload: object) =>
  (await app.inject({ method: 'POST', url: '/api/v1/preview', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` }, payload })).json();

describe('a preview of a conversation waiting for a yes', () => {
  it('lists the cancellation it would ask for and the reply after it, and never cancels', async () => {
    const asked = await preview({ text: 'please cancel my order 100251, my e-mail is emma.johnson@example.com' });
    expect(asked.reply.templateId).toBe('cancel_order.confirm');
    expect(asked.conversation.awaiting).toMatchObject({ slot: 'confirmation', flow: 'cancel_order' });
    const confirmed = await preview({ text: 'yes', conversation: asked.conversation });
    expect(confirmed.dryRun).toBe(true);
    expect(confirmed.effects).toEqual([{ type: 'request_cancellation', orderNumber: '100251', performed: false, assumed: 'done' }]);
    expect(confirmed.rule).toBe('cancellation-done');
    expect(changes).toEqual([]);
    expect((await store.findByNumber('100251'))?.status).toBe('pending');
  });

  it('lists the change it would send, and never sends it', async () => {
    const asked = await preview({ text: 'Ich möchte die Lieferadresse meiner Bestellung 100238 ändern, meine E-Mail ist jonas.schmidt@example.de' });
    expect(asked.conversation.awaiting).toMatchObject({ slot: 'confirmation', flow: 'change_order' });
    const confirmed = await preview({ text: 'ja', conversation: asked.conversation });
    expect(confirmed.effects).toMatchObject([{ type: 'request_change', orderNumber: '100238', change: { kind: 'address' }, performed: false }]);
    expect(changes).toEqual([]);
  });

  it('lists a hand-off without queueing anything', async () => {
    const result = await preview({ text: 'I want to talk to a real person' });
    expect(result.effects).toMatchObject([{ type: 'hand_off', reason: 'requested', performed: false }]);
    expect(await app.store.listConversationsByStatus(['queued'])).toEqual([]);
  });
});
