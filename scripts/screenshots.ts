// `npm run screenshots`: the gallery in docs/screenshots/ — the widget in English (its welcome), Arabic and Japanese,
// on a phone, and the console with its queue, shopper panel and a translated conversation — taken in headless
// Chromium from a server started here with the default content (and a local stand-in for the translation service).
// Japanese text and emoji need their fonts installed (Debian: fonts-noto-cjk, fonts-noto-color-emoji).
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { signCustomerId } from '../src/realtime/identity.js';
import { signInToConsole, startConsoleScene } from '../test/e2e/browser.js';
import { startLibreTranslateStandIn } from '../test/translation/stand-ins.js';
import { buildWeb } from './build-web.js';

const OUT = 'docs/screenshots';
const SECRET = 'screenshots-identity-secret';
const sockets: Socket[] = [];

/** A shopper on a bare socket: for the console's scenes, where only the agent's side is photographed. */
async function shopper(url: string, auth: Record<string, unknown>, words: string[]): Promise<void> {
  const socket = io(`${url}/shopper`, { transports: ['websocket'], auth, forceNew: true, reconnection: false });
  sockets.push(socket);
  await new Promise((resolve) => socket.once('history', resolve));
  for (const text of words) await socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID() });
}

async function widget(
  browser: Browser,
  url: string,
  name: string,
  options: { locale: string; phone?: boolean; words: string[]; replies: number },
): Promise<void> {
  const context = await browser.newContext(
    options.phone
      ? { locale: options.locale, viewport: { width: 375, height: 720 }, isMobile: true, hasTouch: true }
      : { locale: options.locale, viewport: { width: 1200, height: 760 } },
  );
  const page = await context.newPage();
  await page.goto(`${url}/demo`);
  await page.locator('.launcher').click();
  await page.locator('.msg.welcome').waitFor();
  for (const text of options.words) {
    await page.getByRole('textbox').fill(text);
    await page.getByRole('textbox').press('Enter');
  }
  if (options.replies)
    await page
      .locator('.msg.bot:not(.welcome)')
      .nth(options.replies - 1)
      .waitFor({ timeout: 15_000 });
  else await page.locator('.quick button').first().waitFor();
  await page.screenshot({ path: `${OUT}/${name}.png` });
  await context.close();
}

async function consoleScenes(page: Page, server: Parameters<typeof signInToConsole>[1]): Promise<void> {
  const { url } = server;
  await signInToConsole(page, server);
  await page.getByRole('tablist', { name: 'Conversations' }).waitFor();
  const identity = { customerId: 'cust_1001', hash: signCustomerId(SECRET, 'cust_1001') };
  await shopper(url, { locale: 'ja-JP', identity, page: 'https://aurora-ceramics.example/products/terracotta-mug' }, ['担当者と話したいです']);
  await shopper(url, { locale: 'es-MX' }, ['el jarrón llegó roto y estoy muy molesta', 'quiero una persona ya']);
  await shopper(url, { locale: 'ar-EG' }, ['أريد التحدث مع موظف']);
  await shopper(url, { locale: 'de-DE' }, ['Ich möchte mit einem Menschen sprechen, Bestellung 100238']);
  await page.locator('.item').nth(3).waitFor({ timeout: 15_000 });
  await page.locator('.item', { has: page.locator('.badge.lang', { hasText: /^ES$/ }) }).click();
  await page.getByRole('complementary', { name: 'Shopper' }).getByText('Mexico').waitFor();
  await page.screenshot({ path: `${OUT}/console-queue.png` });

  // The Japanese shopper: claimed, a message translated for Ana, her reply sent in Japanese.
  await page.locator('.item', { hasText: 'cust_1001' }).click();
  await page.getByRole('button', { name: 'Claim' }).click();
  const socket = sockets[0]!;
  await socket.timeout(5000).emitWithAck('message', { text: '注文した花瓶がまだ届きません。どうなっていますか？', clientMessageId: randomUUID() });
  await page.locator('.translation').nth(1).waitFor({ timeout: 10_000 });
  await page.getByRole('textbox', { name: 'Reply' }).fill('I am sorry about the wait. I am checking with the carrier now.');
  await page.getByRole('textbox', { name: 'Reply' }).press('Control+Enter');
  await page.locator('.msg.note').waitFor();
  await page.getByRole('complementary', { name: 'Shopper' }).getByText('#100234').waitFor();
  await page.screenshot({ path: `${OUT}/console-translation.png` });
}

await buildWeb();
await mkdir(OUT, { recursive: true });
const translator = await startLibreTranslateStandIn();
const scene = await startConsoleScene(() => '<!doctype html><title>unused</title>', {
  TRANSLATOR: 'libretranslate',
  TRANSLATOR_URL: translator.url,
  IDENTITY_SECRET: SECRET,
});
try {
  const url = scene.server.url;
  await widget(scene.browser, url, 'widget-en', { locale: 'en-US', words: [], replies: 0 });
  await widget(scene.browser, url, 'widget-ar', { locale: 'ar-EG', words: ['هل تشحنون إلى الإمارات؟'], replies: 1 });
  await widget(scene.browser, url, 'widget-ja', { locale: 'ja-JP', words: ['返品したいです'], replies: 1 });
  await widget(scene.browser, url, 'widget-mobile', { locale: 'en-GB', phone: true, words: ['do you ship to Canada?'], replies: 1 });
  await consoleScenes(await scene.browser.newPage({ viewport: { width: 1440, height: 860 } }), scene.server);
  process.stdout.write(`screenshots written to ${OUT}/\n`);
} finally {
  for (const socket of sockets) socket.disconnect();
  await scene.close();
  await translator.close();
}
