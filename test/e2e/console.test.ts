// The agents' console in Chromium: the shell that keeps its header and actions in view, tabs, search, times,
// author names, the shopper panel, canned replies edited before sending, shortcuts, notifications while the tab is
// hidden, and translation of a Japanese shopper's messages (against a local LibreTranslate stand-in).
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openShopper } from '../helpers.js';
import { startLibreTranslateStandIn, type StandIn } from '../translation/stand-ins.js';
import { signInToConsole, startConsoleScene } from './browser.js';

let scene: Awaited<ReturnType<typeof startConsoleScene>>;
let translator: StandIn;
const sockets: Socket[] = [];

beforeAll(async () => {
  translator = await startLibreTranslateStandIn();
  scene = await startConsoleScene((borderless) => `<!doctype html><html><body><script src="${borderless}/widget.js" defer></script></body></html>`, {
    TRANSLATOR: 'libretranslate',
    TRANSLATOR_URL: translator.url,
  });
}, 60_000);
afterAll(async () => {
  await scene?.close();
  await translator?.close();
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** A shopper (a bare socket, for speed) who asks for a person; resolves to the conversation and a way to talk. */
async function shopperWantingAPerson(words = 'I want to talk to a person', auth: Record<string, unknown> = { locale: 'en-US' }) {
  const shopper = await openShopper(scene.server.url, sockets, auth);
  const say = (text: string) => shopper.socket.timeout(5000).emitWithAck('message', { text, clientMessageId: randomUUID() });
  await say(words);
  return { id: shopper.session.conversationId, say, shopper };
}

async function openConsole(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await scene.browser.newPage({ viewport });
  await signInToConsole(page, scene.server);
  await page.getByRole('tablist', { name: 'Conversations' }).waitFor();
  return page;
}

/** Resolves every conversation Ana holds, so each test starts with an empty desk. */
async function resolveAll(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Mine/ }).click();
  while ((await page.locator('.item').count()) > 0) {
    await page.locator('.item').first().click();
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
  }
}

const inView = async (page: Page, name: string) => {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  const viewport = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
};

describe('the agents console', () => {
  it('keeps the header and the Resolve button in view after 80 messages, at 1,024 px wide', async () => {
    const page = await openConsole({ width: 1024, height: 768 });
    const { id, say } = await shopperWantingAPerson();
    await page.locator(`.item[data-id="${id}"]`).click();
    await page.getByRole('button', { name: 'Claim' }).click();
    for (let index = 1; index <= 80; index++) await say(`message number ${index} about my parcel`);
    await expect.poll(() => page.getByRole('log').locator('.msg.shopper').count(), { timeout: 15_000 }).toBe(81);

    // The page itself never scrolls; the log does, and it is at its newest message.
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);
    expect(await page.getByRole('log').evaluate((log) => log.scrollHeight > log.clientHeight && log.scrollHeight - log.scrollTop - log.clientHeight < 5)).toBe(
      true,
    );
    expect(await page.locator('header.top').boundingBox()).toMatchObject({ y: 0 });
    expect(await inView(page, 'Resolve')).toBe(true);
    expect(await inView(page, 'Hand back to bot')).toBe(true);
    // Scrolling the log to the top moves nothing else.
    await page.getByRole('log').evaluate((log) => (log.scrollTop = 0));
    expect(await inView(page, 'Resolve')).toBe(true);
    expect(await page.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
    await resolveAll(page);
    await page.close();
  });

  it('has tabs, a search, times, author names and the shopper panel', async () => {
    const page = await openConsole();
    const { id, say } = await shopperWantingAPerson('I want to talk to a person about order 100234', {
      locale: 'en-GB',
      page: 'https://shop.example/cart?coupon=SECRET',
    });
    const tabs = page.getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual([
      expect.stringMatching(/^Mine/),
      expect.stringMatching(/^Queue/),
      expect.stringMatching(/^Open/),
      expect.stringMatching(/^Closed/),
    ]);
    const item = page.locator(`.item[data-id="${id}"]`);
    await item.waitFor();
    expect(await item.innerText()).toMatch(/EN[\s\S]*Asked for a person/);
    await item.click();
    await page.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => page.getByRole('tab', { name: /Mine/ }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('textbox', { name: 'Reply' }).fill('Hello, Ana here.');
    await page.getByRole('textbox', { name: 'Reply' }).press('Control+Enter');
    const log = page.getByRole('log');
    // The shopper answers Ana once her message is in: sent at once, the two could cross on the way.
    await expect.poll(() => log.locator('.msg .name').allInnerTexts(), { timeout: 10_000 }).toContain('Ana');
    await say('thanks!');

    await expect.poll(() => log.locator('.msg .name').allInnerTexts(), { timeout: 10_000 }).toEqual(['Shopper', 'Bot', 'Ana', 'Shopper']);
    expect(await log.innerText()).toContain('Ana joined the conversation');
    const times = await log.locator('time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')));
    expect(times.length).toBeGreaterThanOrEqual(4);
    for (const time of times) expect(Date.parse(time!)).toBeGreaterThan(Date.now() - 60_000);

    const panel = page.getByRole('complementary', { name: 'Shopper' });
    await expect.poll(() => panel.innerText()).toContain('English (en-GB)');
    expect(await panel.innerText()).toContain('United Kingdom');
    expect(await panel.getByRole('link').getAttribute('href')).toBe('https://shop.example/cart');

    // Search finds it by what the shopper wrote and by the order number, and / puts the cursor there.
    await page.getByRole('log').click();
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search conversations' });
    expect(await search.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.type('#100234');
    await expect.poll(() => page.locator('.item').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id'))), { timeout: 10_000 }).toEqual([id]);
    await search.fill('no shopper ever wrote this');
    await page.getByText('Nothing found.').waitFor();
    await search.fill('');

    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('tab', { name: 'Closed' }).click();
    await expect.poll(() => page.locator(`.item[data-id="${id}"]`).count(), { timeout: 10_000 }).toBe(1);
    await page.close();
  });

  it('puts a canned reply into the composer in the shopper language, to edit before sending', async () => {
    const page = await openConsole();
    const { id, shopper } = await shopperWantingAPerson('quiero hablar con una persona', { locale: 'es-ES' });
    await page.locator(`.item[data-id="${id}"]`).click();
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Resolve' }).waitFor();
    await page.getByRole('button', { name: 'Canned replies' }).click();
    await page.getByRole('searchbox', { name: 'Search canned replies' }).fill('payment methods');
    await page.locator('.canned button[data-template="payment_methods"]').click();
    const reply = page.getByRole('textbox', { name: 'Reply' });
    const inserted = await reply.inputValue();
    expect(inserted).toMatch(/PayPal/);
    expect(shopper.messages.filter((message) => message.author === 'agent')).toHaveLength(0); // nothing sent yet
    await reply.fill(`¡Hola! ${inserted}`);
    await reply.press('Control+Enter');
    await expect.poll(() => shopper.messages.find((message) => message.author === 'agent')?.text, { timeout: 10_000 }).toBe(`¡Hola! ${inserted}`);
    // The composer clears once the server acknowledges, which may come just after the shopper has the reply.
    await expect.poll(() => reply.inputValue()).toBe('');
    await resolveAll(page);
    await page.close();
  });

  it('lists the shortcuts under ?, and moves through the list with j and k', async () => {
    const page = await openConsole();
    const first = await shopperWantingAPerson();
    const second = await shopperWantingAPerson();
    await page.locator(`.item[data-id="${second.id}"]`).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await help.innerText()).toMatch(/Search conversations[\s\S]*Next \/ previous conversation[\s\S]*Claim[\s\S]*Send the reply/);
    await page.keyboard.press('Escape');
    expect(await help.count()).toBe(0);
    await page.keyboard.press('j');
    const selected = () => page.locator('.item[aria-current="true"]').getAttribute('data-id');
    await expect.poll(selected).toBe(first.id);
    await page.keyboard.press('j');
    await expect.poll(selected).toBe(second.id);
    await page.keyboard.press('k');
    await expect.poll(selected).toBe(first.id);
    for (const { id } of [first, second]) {
      await page.getByRole('tab', { name: /Queue/ }).click();
      await page.locator(`.item[data-id="${id}"]`).click();
      await page.keyboard.press('c');
      await page.getByRole('button', { name: 'Resolve' }).click();
    }
    await page.close();
  });

  it('notifies, with the permission granted, of a newly queued conversation while the tab is hidden; the title counts it', async () => {
    const context = await scene.browser.newContext();
    await context.grantPermissions(['notifications'], { origin: scene.server.url });
    // Every notification the page creates is recorded, then made for real.
    await context.addInitScript(() => {
      const Real = window.Notification;
      const made: { title: string; body?: string }[] = [];
      (window as unknown as { notifications: typeof made }).notifications = made;
      window.Notification = class extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          made.push({ title, body: options?.body });
        }
      } as typeof Notification;
    });
    const page = await context.newPage();
    await signInToConsole(page, scene.server);
    await page.getByRole('tablist', { name: 'Conversations' }).waitFor();
    expect(await page.evaluate(() => Notification.permission)).toBe('granted');
    // Headless Chromium keeps every tab visible; the page is told it is hidden, as a switch of tabs would.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const { id } = await shopperWantingAPerson('I want to talk to a real person, my parcel is lost');
    const notifications = () => page.evaluate(() => (window as unknown as { notifications: { title: string; body?: string }[] }).notifications);
    await expect.poll(notifications, { timeout: 10_000 }).toEqual([{ title: 'New conversation waiting', body: expect.stringContaining('Asked for a person') }]);
    await expect.poll(() => page.title()).toMatch(/^\(\d+\) Borderless console$/);
    await page.locator(`.item[data-id="${id}"]`).click();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Resolve' }).click();
    await context.close();
  });

  it('shows a Japanese message with its English translation, and sends the reply in Japanese', async () => {
    const page = await openConsole();
    const { id, say, shopper } = await shopperWantingAPerson('担当者と話したいです', { locale: 'ja-JP' });
    await page.locator(`.item[data-id="${id}"]`).click();
    await page.getByRole('button', { name: 'Claim' }).click();
    await say('注文した花瓶がまだ届きません。どうなっていますか？');
    // Read without waiting on one element: the log may render the message before its translation arrives.
    const translations = () => page.locator('.msg.shopper .translation').allInnerTexts();
    await expect.poll(translations, { timeout: 10_000 }).toContainEqual(expect.stringContaining("The vase I ordered still hasn't arrived. What is going on?"));
    expect((await translations()).at(-1)).toContain('Translated from Japanese');
    expect(await page.locator('.msg.shopper .text[lang="ja"]').last().innerText()).toBe('注文した花瓶がまだ届きません。どうなっていますか？');

    await page.getByRole('textbox', { name: 'Reply' }).fill('I am sorry about the wait. I am checking with the carrier now.');
    await page.getByRole('textbox', { name: 'Reply' }).press('Control+Enter');
    await expect
      .poll(() => shopper.messages.find((message) => message.author === 'agent')?.text, { timeout: 10_000 })
      .toBe('お待たせして申し訳ありません。今、配送業者に確認しています。');
    await expect.poll(() => page.locator('.msg.note').innerText()).toContain('I am sorry about the wait.');
    expect(await page.locator('.msg.note .name').innerText()).toContain('original before translation');
    await resolveAll(page);
    await page.close();
  });
});
