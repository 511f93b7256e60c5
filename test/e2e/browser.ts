// Real headless Chromium (Debian's package) driven by playwright-core, and a store page on another origin.
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'borderless-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ].filter((arg) => !arg.startsWith('--user-data-dir')),
  });
  return {
    browser,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A store's page on its own origin that embeds the widget from the Borderless server. */
export async function startStorePage(
  page: (borderlessUrl: string, query: URLSearchParams) => string,
): Promise<{ origin: string; setBorderless(url: string): void; close(): Promise<void> }> {
  let borderlessUrl = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page(borderlessUrl, url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://localhost:${port}`,
    setBorderless: (url) => {
      borderlessUrl = url;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A store page with the widget, a Borderless server with one agent (ana@shop.example) and Chromium: the scene of
 * tests that drive the widget and the console side by side.
 */
export async function startConsoleScene(storePage: (borderlessUrl: string) => string, env: Record<string, string> = {}) {
  const { mkdtemp, rm: remove } = await import('node:fs/promises');
  const { saveAgent } = await import('../../src/handoff/agents.js');
  const { startTestServer } = await import('../helpers.js');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-scene-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en'], role: 'agent', password: AGENT_PASSWORD });
  const store = await startStorePage((borderless) => storePage(borderless));
  const server = await startTestServer({ DATA_DIR: dataDir, ALLOWED_ORIGINS: store.origin, SHOPPER_MESSAGES_PER_MINUTE: '0', ...env });
  store.setBorderless(server.url);
  const chromium = await launchBrowser();
  return {
    server,
    store,
    browser: chromium.browser,
    async close() {
      await chromium.close();
      await server.close();
      await store.close();
      await remove(dataDir, { recursive: true, force: true });
    },
  };
}

export const AGENT_PASSWORD = 'correct horse battery';

/**
 * Signs Ana in and resolves once the server counts her new console among the connected ones, so a shopper who asks
 * for a person right after finds her online.
 */
export async function signInToConsole(page: Page, server: { url: string; app: FastifyInstance }): Promise<void> {
  const { until } = await import('../helpers.js');
  const consoles = server.app.io.of('/agent').sockets;
  const before = new Set(consoles.keys());
  await page.goto(`${server.url}/console`);
  await page.getByRole('textbox', { name: 'E-mail' }).fill('ana@shop.example');
  await page.getByRole('textbox', { name: 'Password' }).fill(AGENT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await until(() => [...consoles.keys()].some((id) => !before.has(id)), 10_000);
}

/** Ana's console as a bare socket (no browser), for tests where only the shopper's side is watched. */
export async function agentSocket(serverUrl: string) {
  const { io } = await import('socket.io-client');
  const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ana@shop.example', password: AGENT_PASSWORD }),
  });
  const { token } = (await response.json()) as { token: string };
  const socket = io(`${serverUrl}/agent`, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  let queue: { id: string; status: string }[] = [];
  socket.on('queue', (next: typeof queue) => (queue = next));
  await new Promise((resolve) => socket.once('queue', resolve));
  const act = (event: string, payload: object) => socket.timeout(5000).emitWithAck(event, payload) as Promise<{ ok: boolean }>;
  return {
    /** Waits for a queued conversation and claims it. */
    async claimNext(): Promise<string> {
      const started = Date.now();
      while (!queue.some((entry) => entry.status === 'queued')) {
        if (Date.now() - started > 10_000) throw new Error('nobody was queued');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const { id } = queue.find((entry) => entry.status === 'queued')!;
      await act('claim', { conversationId: id });
      return id;
    },
    say: (conversationId: string, text: string) => act('message', { conversationId, text }),
    resolve: (conversationId: string) => act('resolve', { conversationId }),
    close: () => socket.disconnect(),
  };
}
