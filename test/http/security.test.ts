import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/observability/logger.js';
import { startTestServer } from '../helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ ALLOWED_ORIGINS: 'https://shop.example' });
});
afterAll(() => server.close());

describe('security headers', () => {
  it('forbids inline script on the console and sets helmet defaults', async () => {
    const response = await fetch(`${server.url}/console`);
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('lets stores load the widget from their own pages', async () => {
    const response = await fetch(`${server.url}/widget.js`);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('answers cross-origin API requests only from the allowed origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/v1/preview`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    expect((await preflight('https://shop.example')).headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('metrics', () => {
  it('counts messages by language, intent and outcome, and connections', async () => {
    const socket = connect(`${server.url}/shopper`, { transports: ['websocket'], forceNew: true });
    await new Promise((resolve) => socket.once('history', resolve));
    await socket.emitWithAck('message', { text: 'hello there', clientMessageId: randomUUID() });
    await socket.emitWithAck('message', { text: 'blorp quax zib', clientMessageId: randomUUID() });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    socket.disconnect();
    expect(text).toMatch(/borderless_messages_total\{language="en",intent="greeting",outcome="answered"\} [1-9]/);
    expect(text).toMatch(/borderless_messages_total\{[^}]*outcome="clarified"\} [1-9]/);
    expect(text).toMatch(/borderless_connections\{namespace="shopper"\} [1-9]/);
    expect(text).toMatch(/borderless_pipeline_seconds_count [1-9]/);
    expect(text).toContain('borderless_queue_length 0');
  });
});

describe('logs', () => {
  it('mask e-mails, phone and card numbers in messages and fields', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = pino(loggerOptions('info'), sink);
    logger.info({ conversationId: 'c1', text: 'write to ana@example.com or +34 612 345 678' }, 'card 4111 1111 1111 1111 for order 100234');
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ conversationId: 'c1', text: 'write to <email> or <phone>', msg: 'card <card> for order 100234' });
  });
});
