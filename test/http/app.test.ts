import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadDefaultSnapshot, projectRoot } from '../helpers.js';

const OPERATOR_TOKEN = 'test-operator-token-0123456789';
let app: FastifyInstance;

beforeAll(async () => {
  const config = loadConfig({ CONTENT_DIR: projectRoot, OPERATOR_TOKEN, LOG_LEVEL: 'silent' });
  app = await buildApp(config, { snapshot: await loadDefaultSnapshot() });
});
afterAll(() => app.close());

const preview = (payload: unknown, token = OPERATOR_TOKEN) =>
  app.inject({ method: 'POST', url: '/api/v1/preview', headers: { authorization: `Bearer ${token}` }, payload: payload as object });

describe('health', () => {
  it('answers /healthz and /readyz with the loaded languages', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().content.languages).toHaveLength(12);
  });
});

describe('POST /api/v1/preview', () => {
  it('returns the full pipeline result', async () => {
    const response = await preview({ text: 'où est ma commande 100234 ?' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.language.language).toBe('fr');
    expect(body.intent.intent).toBe('order_status');
    expect(body.entities.orderNumber).toBe('100234');
    // A guest is asked for the e-mail on the order before hearing anything about it.
    expect(body.reply.templateId).toBe('order.ask_email');
    expect(body.flow).toEqual({ name: 'order_status', step: 'ask', waitingFor: 'email' });
    expect(body.reply.text).toContain('100234');
    expect(body.reply.language).toBe('fr');
  });

  it("answers from the store's orders when the message proves who is asking", async () => {
    const body = (await preview({ text: 'where is my order 100234? my email is emma.johnson@example.com' })).json();
    expect(body.rule).toBe('order-status-in-transit');
    expect(body.reply.text).toContain('UPS');
  });

  it('uses a given language and conversation state', async () => {
    const body = (
      await preview({ text: '558812', language: 'de', conversation: { turns: 1, lowConfidenceStreak: 0, awaiting: { slot: 'orderNumber' } } })
    ).json();
    expect(body.reply.templateId).toBe('order.ask_email');
    expect(body.reply.language).toBe('de');
  });

  it('refuses a request without the operator token', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/preview', payload: { text: 'hi' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
    expect((await preview({ text: 'hi' }, 'wrong-token')).statusCode).toBe(401);
  });

  it('explains a malformed body', async () => {
    const response = await preview({ text: 42 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid_payload', message: expect.stringContaining('text') });
    const broken = await app.inject({
      method: 'POST',
      url: '/api/v1/preview',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      payload: '{"text": ',
    });
    expect(broken.statusCode).toBe(400);
  });

  it('refuses an over-long message with a clear error', async () => {
    const response = await preview({ text: 'x'.repeat(10_000) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({ code: 'message_too_long', message: 'message is 10000 characters long; the limit is 2000' });
  });

  it('refuses an oversize body', async () => {
    const response = await preview({ text: 'x'.repeat(100_000) });
    expect(response.statusCode).toBe(413);
  });

  it('keeps __proto__ in a body as plain data', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/preview',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      payload: '{"text": "hi", "__proto__": {"polluted": true}}',
    });
    expect(response.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('configuration', () => {
  it('names the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ OPERATOR_TOKEN: 'short' })).toThrow(/OPERATOR_TOKEN: must be at least 16 characters/);
  });
});
