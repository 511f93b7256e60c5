import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signCustomerId } from '../../src/realtime/identity.js';
import { startTestServer } from '../helpers.js';
import { launchBrowser, startStorePage } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let store: Awaited<ReturnType<typeof startStorePage>>;
let chromium: Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;
const IDENTITY_SECRET = 'identity-secret-for-widget-tests-0123456789';

beforeAll(async () => {
  // The store's stylesheet is hostile on purpose: the widget's Shadow DOM must keep it out.
  store = await startStorePage(
    (borderless, query) => `<!doctype html><html><head><title>Store</title>
    <style>button { display: none !important; } * { font-size: 40px !important; color: red !important; }</style></head>
    <body><h1>Product</h1><script src="${borderless}/widget.js" defer data-title="Test Store" data-accent="#0a7"
    ${query.get('locale') ? `data-locale="${query.get('locale')}"` : ''}
    ${query.get('customer') ? `data-customer-id="${query.get('customer')}" data-customer-hash="${signCustomerId(IDENTITY_SECRET, query.get('customer')!)}"` : ''}></script></body></html>`,
  );
  server = await startTestServer({ ALLOWED_ORIGINS: store.origin, SHOPPER_MESSAGES_PER_MINUTE: '0', IDENTITY_SECRET });
  store.setBorderless(server.url);
  chromium = await launchBrowser();
  browser = chromium.browser;
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await store?.close();
});

async function openStore(page: Page, query = ''): Promise<void> {
  await page.goto(`${store.origin}/${query}`);
  await page.locator('.launcher').waitFor();
}

const log = (page: Page) => page.getByRole('log');
// The bot's replies; the welcome the widget opens with is not one.
const botMessages = (page: Page) => page.locator('.msg.bot:not(.welcome)');

describe('the widget in a store page on another origin', () => {
  it('opens, sends a message and shows the reply; keeps the history after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openStore(page);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const composer = page.getByRole('textbox', { name: /type your message/i });
    await composer.fill('where is my order 100234?');
    await composer.press('Enter');
    await expect.poll(() => botMessages(page).count(), { timeout: 10_000 }).toBe(1);
    expect(await botMessages(page).first().innerText()).toContain('100234');
    await expect
      .poll(() => page.locator('[data-borderless]').evaluate((host) => host.shadowRoot!.querySelector('.root')!.getAttribute('data-connection')))
      .toBe('online');

    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => log(page).locator('.msg').count(), { timeout: 10_000 }).toBe(2);
    expect(await log(page).innerText()).toContain('where is my order 100234?');
    await context.close();
  });

  it('comes back with a fresh conversation after the server closed its socket', async () => {
    const page = await browser.newPage();
    await openStore(page);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const root = page.locator('[data-borderless]');
    const conversationId = () => root.evaluate((host) => host.shadowRoot!.querySelector('.root')!.getAttribute('data-conversation'));
    await expect.poll(conversationId, { timeout: 10_000 }).toBeTruthy();
    const first = await conversationId();
    // A conversation is stored from its first message.
    const composer = page.getByRole('textbox', { name: /type your message/i });
    await composer.fill('hello');
    await composer.press('Enter');
    await expect.poll(() => botMessages(page).count(), { timeout: 10_000 }).toBe(1);
    // An operator deletes the shopper's data: the server disconnects the widget, which must not stay offline.
    const deleted = await fetch(`${server.url}/api/v1/privacy/data?conversationId=${first}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer test-operator-token-0123456789' },
    });
    expect(deleted.status).toBe(200);
    await expect.poll(conversationId, { timeout: 15_000 }).not.toBe(first);
    await expect.poll(() => root.evaluate((host) => host.shadowRoot!.querySelector('.root')!.getAttribute('data-connection'))).toBe('online');
    await page.close();
  });

  it("drops the stored conversation when the store's shopper signs in, signs out or changes", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sentFrames: string[] = [];
    page.on('websocket', (socket) => socket.on('framesent', (frame) => sentFrames.push(String(frame.payload))));
    const token = () => page.evaluate(() => Object.entries(localStorage).find(([key]) => key.endsWith(':token'))?.[1]);
    const conversation = () => page.locator('[data-borderless]').evaluate((host) => host.shadowRoot!.querySelector('.root')!.getAttribute('data-conversation'));
    const chat = async (text: string) => {
      await page.getByRole('button', { name: 'Open chat' }).click();
      const composer = page.getByRole('textbox', { name: /type your message/i });
      await composer.fill(text);
      await composer.press('Enter');
      await expect.poll(() => botMessages(page).count(), { timeout: 10_000 }).toBe(1);
      return { token: (await token())!, conversation: await conversation() };
    };

    await openStore(page);
    const guest = await chat('hello, I am just looking');
    for (const [query, text] of [
      ['?customer=cust_1001', 'where is my order?'],
      ['?customer=cust_1003', 'hola'],
      ['', 'hi again'],
    ] as const) {
      const previous = sentFrames.length;
      const before = await token();
      await openStore(page, query);
      const now = await chat(text);
      expect(now.conversation).not.toBe(guest.conversation);
      // The earlier shopper's token never went to the server with the new identity, and nothing of theirs shows.
      expect(sentFrames.slice(previous).some((frame) => frame.includes(before!))).toBe(false);
      expect(await log(page).innerText()).not.toContain('The chat was restarted');
      expect(await log(page).locator('.msg.shopper').count()).toBe(1);
    }
    await context.close();
  });

  it('sends a message again under the same id when no acknowledgement comes, saying so, and it is answered once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The first message frame is lost on the way (as when the node holding the socket stops): no ack ever comes.
    let dropped = 0;
    await page.routeWebSocket(/\/socket\.io\//, (socket) => {
      const toServer = socket.connectToServer();
      socket.onMessage((frame) => {
        if (dropped === 0 && typeof frame === 'string' && frame.includes('"message"')) return void (dropped += 1);
        toServer.send(frame);
      });
    });
    await openStore(page);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const composer = page.getByRole('textbox', { name: /type your message/i });
    await composer.fill('do you ship to Canada?');
    await composer.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Not delivered yet. Sending again' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => botMessages(page).count(), { timeout: 20_000 }).toBe(1);
    expect(dropped).toBe(1);
    expect(await log(page).locator('.msg.shopper.failed, .msg.shopper.pending').count()).toBe(0);
    expect(await log(page).getByText('Not delivered yet').count()).toBe(0);
    const conversationId = await page
      .locator('[data-borderless]')
      .evaluate((host) => host.shadowRoot!.querySelector('.root')!.getAttribute('data-conversation'));
    const stored = await server.app.store.listMessages(conversationId!);
    expect(stored.map((message) => message.author)).toEqual(['shopper', 'bot']);
    await context.close();
  }, 60_000);

  it('is not broken by the store CSS', async () => {
    const page = await browser.newPage();
    await openStore(page);
    const launcher = page.getByRole('button', { name: 'Open chat' });
    expect(await launcher.isVisible()).toBe(true);
    const box = await launcher.boundingBox();
    expect(box!.width).toBe(56);
    await page.close();
  });

  it('shows HTML typed by a shopper as text, and runs none of it', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    await openStore(page);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const payload = '<img src=x onerror=alert(1)>';
    await page.getByRole('textbox').fill(payload);
    await page.getByRole('textbox').press('Enter');
    await expect.poll(() => botMessages(page).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.msg.shopper').first().innerText()).toContain(payload);
    expect(await page.locator('[data-borderless]').evaluate((host) => host.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('makes http(s) links in bot replies clickable', async () => {
    const page = await browser.newPage();
    await openStore(page);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('textbox').fill('where is my parcel LX123456789CN');
    await page.getByRole('textbox').press('Enter');
    const link = page.locator('.msg.bot a');
    await link.first().waitFor({ timeout: 10_000 });
    expect(await link.first().getAttribute('href')).toMatch(/^https:\/\/t\.17track\.net\/en#nums=LX123456789CN$/);
    expect(await link.first().getAttribute('rel')).toContain('noopener');
    await page.close();
  });

  it('lays Arabic out right to left with Arabic strings', async () => {
    const page = await browser.newPage();
    await openStore(page, '?locale=ar');
    const root = page.locator('.root');
    await expect.poll(() => root.getAttribute('dir')).toBe('rtl');
    await page.locator('.launcher').click();
    const composer = page.getByRole('textbox');
    expect(await composer.getAttribute('placeholder')).toMatch(/[\u0600-\u06FF]/);
    await composer.fill('وين طلبي رقم 100234');
    await composer.press('Enter');
    await expect.poll(() => botMessages(page).count(), { timeout: 10_000 }).toBe(1);
    expect(await botMessages(page).first().innerText()).toMatch(/[\u0600-\u06FF]/);
    await page.close();
  });

  it('works with the keyboard alone', async () => {
    const page = await browser.newPage();
    await openStore(page);
    const launcher = page.getByRole('button', { name: 'Open chat' });
    for (let step = 0; step < 10 && !(await launcher.evaluate((button) => button === (button.getRootNode() as ShadowRoot).activeElement)); step++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const composer = page.getByRole('textbox');
    await expect.poll(() => composer.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await expect.poll(() => botMessages(page).count(), { timeout: 10_000 }).toBe(1);
    // The greeting's quick replies are buttons: reach one with Tab and press it.
    const quickReply = page.locator('.quick button').first();
    await quickReply.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => botMessages(page).count(), { timeout: 10_000 }).toBe(2);
    await page.keyboard.press('Escape');
    expect(await page.locator('.panel').isHidden()).toBe(true);
    expect(await launcher.evaluate((button) => button === (button.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.close();
  });
});
