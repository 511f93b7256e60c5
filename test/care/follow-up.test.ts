import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadDefaultSnapshot, projectRoot, removeRedisKeys, TEST_REDIS_URL } from '../helpers.js';
import { makeEvent, makeOrder, signedRequest, WEBHOOK_SECRET } from './fixtures.js';

const prefix = `borderless-test:${randomUUID()}:`;
const DAY_MS = 24 * 60 * 60 * 1000;
const apps: FastifyInstance[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});
afterAll(() => removeRedisKeys([prefix]));

/** A node on the shared Redis whose clock runs `offsetMs` ahead, polling for due work every 100 ms. */
async function node(offsetMs = 0): Promise<FastifyInstance> {
  const config = loadConfig({
    CONTENT_DIR: projectRoot,
    LOG_LEVEL: 'silent',
    OPERATOR_TOKEN: 'test-operator-token-0123456789',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    WEBHOOK_SECRET,
    FOLLOW_UP_DAYS: '3',
    SCHEDULER_INTERVAL_SECONDS: '0.1',
  });
  const app = await buildApp(config, { snapshot: await loadDefaultSnapshot(), now: () => new Date(Date.now() + offsetMs) });
  apps.push(app);
  return app;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(read: () => Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await pause(25);
  }
}

describe('follow-up after delivery', () => {
  it('is sent once, days later, after a restart, with two nodes polling', async () => {
    const order = makeOrder({ customer: { locale: 'it-IT' } });
    const customerId = order.customer.id!;
    const first = await node();
    const deliver = async () => {
      const { body, headers } = signedRequest(makeEvent('order.delivered', order));
      const response = await first.inject({ method: 'POST', url: '/api/v1/webhooks/orders', payload: body, headers });
      expect(response.statusCode).toBe(202);
    };
    const texts = async () => {
      const [conversation] = await first.store.listConversationsByCustomer(customerId);
      return conversation ? (await first.store.listMessages(conversation.id)).map((message) => message.text) : [];
    };

    await deliver();
    await eventually(async () => (await texts()).length === 1);
    // The store reports the delivery again (a new event id): a second delivered message, but still one follow-up.
    await deliver();
    await eventually(async () => (await texts()).length === 2);
    await pause(300);
    expect(await texts()).toEqual([
      'Il tuo ordine n. 100234 è stato consegnato. Speriamo che ti piaccia!',
      'Il tuo ordine n. 100234 è stato consegnato. Speriamo che ti piaccia!',
    ]);

    // The node stops before the follow-up is due; two nodes start four days later on the same Redis.
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    const [later, other] = await Promise.all([node(4 * DAY_MS), node(4 * DAY_MS)]);
    const laterTexts = async () => {
      const [conversation] = await later.store.listConversationsByCustomer(customerId);
      return (await later.store.listMessages(conversation!.id)).map((message) => message.text);
    };
    await eventually(async () => (await laterTexts()).length === 3);
    await pause(500); // several more polls on both nodes
    const messages = await laterTexts();
    expect(messages).toHaveLength(3);
    expect(messages[2]).toBe('Come va con l’ordine n. 100234? È arrivato tutto in buone condizioni? Ci farebbe piacere sapere cosa ne pensi.');
    const [conversation] = await other.store.listConversationsByCustomer(customerId);
    const followUp = (await other.store.listMessages(conversation!.id))[2]!;
    expect(followUp.quickReplies?.map((reply) => reply.value)).toEqual(['intent:thanks', 'intent:item_problem', 'intent:human_agent']);
  });

  it('is not sent before FOLLOW_UP_DAYS have passed, and links the review page the store gave', async () => {
    const order = makeOrder({ customer: { locale: 'en-US' } });
    const customerId = order.customer.id!;
    const now = await node();
    const { body, headers } = signedRequest(makeEvent('order.delivered', order, { links: { review: 'https://shop.example/review/100234' } }));
    await now.inject({ method: 'POST', url: '/api/v1/webhooks/orders', payload: body, headers });
    const texts = async (app: FastifyInstance) => {
      const [conversation] = await app.store.listConversationsByCustomer(customerId);
      return conversation ? (await app.store.listMessages(conversation.id)).map((message) => message.text) : [];
    };
    await eventually(async () => (await texts(now)).length === 1);
    const twoDaysLater = await node(2 * DAY_MS);
    await pause(400);
    expect(await texts(twoDaysLater)).toHaveLength(1);
    await node(3 * DAY_MS + 60_000);
    const messages = await eventually(async () => {
      const current = await texts(now);
      return current.length === 2 ? current : undefined;
    });
    expect(messages[1]).toBe(
      'How is everything with order #100234? Did it all arrive in good shape? If you have a minute, a review helps us a lot: https://shop.example/review/100234',
    );
  });

  it("is dropped when the customer's data was deleted before it was due", async () => {
    const order = makeOrder({ customer: { locale: 'de-DE' } });
    const customerId = order.customer.id!;
    const now = await node();
    const { body, headers } = signedRequest(makeEvent('order.delivered', order));
    await now.inject({ method: 'POST', url: '/api/v1/webhooks/orders', payload: body, headers });
    await eventually(async () => (await now.store.listConversationsByCustomer(customerId)).length === 1);
    const deleted = await now.inject({
      method: 'DELETE',
      url: `/api/v1/privacy/data?customerId=${customerId}`,
      headers: { authorization: 'Bearer test-operator-token-0123456789' },
    });
    expect(deleted.statusCode).toBe(200);
    await node(4 * DAY_MS);
    await pause(600); // several polls past the follow-up's time
    expect(await now.store.listConversationsByCustomer(customerId)).toEqual([]);
  });
});
