// Real headless Chromium (Debian's package) driven by playwright-core, and a store page on another origin.
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'borderless-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync', `--user-data-dir=${profile}`].filter((arg) => !arg.startsWith('--user-data-dir')),
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
export async function startStorePage(page: (borderlessUrl: string, query: URLSearchParams) => string): Promise<{ origin: string; setBorderless(url: string): void; close(): Promise<void> }> {
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
