// The browser bundles stay within their gzipped budgets, and the console's are served compressed and revalidated.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSizes } from '../../scripts/build-web.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadDefaultSnapshot, projectRoot } from '../helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(loadConfig({ CONTENT_DIR: projectRoot, LOG_LEVEL: 'silent', OPERATOR_TOKEN: 'test-operator-token-0123456789' }), {
    snapshot: await loadDefaultSnapshot(),
  });
});
afterAll(() => app.close());

describe('the browser bundles', () => {
  it('stay within their budgets: the widget 40 KB and the console 30 KB gzipped', async () => {
    const sizes = await bundleSizes();
    expect(sizes.map(({ file }) => file)).toEqual(['widget.js', 'console.js', 'console.css']);
    for (const { file, gzipped, budget } of sizes) expect({ file, gzipped: gzipped <= budget }).toEqual({ file, gzipped: true });
    expect(sizes.find(({ file }) => file === 'widget.js')!.budget).toBe(40 * 1024);
    expect(sizes.find(({ file }) => file === 'console.js')!.budget).toBe(30 * 1024);
  });

  it('serves the console page with its script and stylesheet, compressed, revalidated with an ETag', async () => {
    const page = await app.inject('/console');
    expect(page.body).toContain('<link rel="stylesheet" href="/console.css">');
    expect(page.body).toContain('<script src="/console.js" defer></script>');
    for (const [url, type] of [
      ['/console.js', /javascript/],
      ['/console.css', /text\/css/],
    ] as const) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers['content-type']).toMatch(type);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['cache-control']).toBe('no-cache');
      const again = await app.inject({ url, headers: { 'if-none-match': response.headers.etag as string } });
      expect(again.statusCode).toBe(304);
    }
  });
});
