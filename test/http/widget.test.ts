import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadDefaultSnapshot, projectRoot } from '../helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(loadConfig({ CONTENT_DIR: projectRoot, LOG_LEVEL: 'silent', OPERATOR_TOKEN: 'test-operator-token-0123456789' }), { snapshot: await loadDefaultSnapshot() });
});
afterAll(() => app.close());

describe('GET /widget.js', () => {
  it('serves the widget, Socket.IO client included, within 40 KB gzipped', async () => {
    const response = await app.inject('/widget.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.body).toContain('/shopper');
    expect(gzipSync(response.body).length).toBeLessThanOrEqual(40 * 1024);
  });
});

describe('GET /api/v1/widget/strings', () => {
  it('gives the strings of the shopper language, right to left for Arabic', async () => {
    const arabic = (await app.inject('/api/v1/widget/strings?locale=ar-EG')).json();
    expect(arabic).toMatchObject({ language: 'ar', dir: 'rtl' });
    expect(arabic.strings.send).toMatch(/[\u0600-\u06FF]/);
    const japanese = (await app.inject('/api/v1/widget/strings?locale=ja')).json();
    expect(japanese).toMatchObject({ language: 'ja', dir: 'ltr' });
  });

  it('falls back to the default language for one the store does not have', async () => {
    const body = (await app.inject('/api/v1/widget/strings?locale=ko-KR')).json();
    expect(body).toMatchObject({ language: 'en', dir: 'ltr' });
    expect(body.strings.placeholder).toBe('Type your message…');
  });
});

describe('GET /demo', () => {
  it('is a product page with the widget', async () => {
    const response = await app.inject('/demo');
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('<script src="/widget.js" defer');
  });
});
