import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadDefaultSnapshot, projectRoot } from '../helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(
    loadConfig({ CONTENT_DIR: projectRoot, LOG_LEVEL: 'silent', OPERATOR_TOKEN: 'test-operator-token-0123456789', ALLOWED_ORIGINS: 'https://shop.example' }),
    { snapshot: await loadDefaultSnapshot() },
  );
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

  it('is sent compressed, brotli or gzip as the browser accepts, with an ETag that answers 304', async () => {
    const plain = await app.inject('/widget.js');
    const brotli = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const gzip = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);

    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^W\/"[0-9a-f]{12}"$/);
    const again = await app.inject({ url: '/widget.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('may be cached for a year at its versioned URL, and briefly at the plain one', async () => {
    expect((await app.inject('/widget.js')).headers['cache-control']).toBe('public, max-age=300');
    const { version, url } = (await app.inject('/api/v1/widget/version')).json();
    expect(url).toBe(`/widget.js?v=${version}`);
    const versioned = await app.inject(url);
    expect(versioned.statusCode).toBe(200);
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // An old version's URL gets today's widget, but not for a year.
    expect((await app.inject('/widget.js?v=000000000000')).headers['cache-control']).toBe('public, max-age=300');
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

  it("gives the welcome and the store's top topics in the shopper language", async () => {
    const japanese = (await app.inject('/api/v1/widget/strings?locale=ja-JP')).json();
    expect(japanese.welcome.text).toMatch(/[\u3040-\u30ff]/);
    expect(japanese.welcome.quickReplies).toContainEqual({ label: '担当者と話したい', value: 'intent:human_agent' });
    expect(japanese.intents.order_status).toBe('注文の配送状況を知りたい');
  });

  it('says whether the page may open the chat', async () => {
    const allowed = await app.inject({ url: '/api/v1/widget/strings?locale=en', headers: { origin: 'https://shop.example' } });
    expect(allowed.json().originAllowed).toBe(true);
    const refused = await app.inject({ url: '/api/v1/widget/strings?locale=en', headers: { origin: 'https://elsewhere.example' } });
    expect(refused.json().originAllowed).toBe(false);
    expect(refused.json().strings.notAvailable).toBe('Chat is not available on this site.');
    expect(refused.headers.vary).toMatch(/origin/i);
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
