// The widget as a shopper meets it on a store of another origin: welcome and topics, the unread badge, who is
// answering and when, the rating only when asked, full screen on a phone, and errors that say what happened.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSocket, startConsoleScene, startStorePage } from './browser.js';

let scene: Awaited<ReturnType<typeof startConsoleScene>>;
let elsewhere: Awaited<ReturnType<typeof startStorePage>>;

const storePage = (borderless: string, locale = '') =>
  `<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><h1>Store</h1>
  <script src="${borderless}/widget.js" defer data-title="Test Store" ${locale ? `data-locale="${locale}"` : ''}></script></body></html>`;

beforeAll(async () => {
  scene = await startConsoleScene((borderless) => storePage(borderless));
  // A second store whose origin is not in ALLOWED_ORIGINS.
  elsewhere = await startStorePage((borderless) => storePage(borderless));
  elsewhere.setBorderless(scene.server.url);
}, 60_000);
afterAll(async () => {
  await scene?.close();
  await elsewhere?.close();
});

/** Reads a property of an element inside the widget's shadow root. */

async function shopperSays(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox');
  await composer.fill(text);
  await composer.press('Enter');
}

describe('the widget for a shopper', () => {
  it("opens with a welcome and the store's top topics in the shopper's language", async () => {
    const page = await scene.browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${scene.store.origin}/`);
    await page.getByRole('button', { name: 'チャットを開く' }).click();
    const welcome = page.locator('.msg.welcome');
    await expect.poll(() => welcome.innerText(), { timeout: 10_000 }).toMatch(/ご用件/);
    const topic = page.locator('.quick button', { hasText: '注文の配送状況を知りたい' });
    await topic.click();
    await expect.poll(() => page.locator('.msg.bot:not(.welcome)').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.msg.shopper').innerText()).toContain('注文の配送状況を知りたい');
    await page.close();
  });

  it('counts replies on the launcher while closed, then shows who answers, with initials and times; the rating only when asked', async () => {
    const agent = await agentSocket(scene.server.url);
    const page = await scene.browser.newPage();
    await page.goto(`${scene.store.origin}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    expect(await page.locator('.rating').isVisible()).toBe(false);
    await shopperSays(page, 'I want to talk to a person');
    await page.locator('.msg.system').first().waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Close chat' }).first().click();

    const conversationId = await agent.claimNext();
    await agent.say(conversationId, 'Hi, Ana here.');
    await agent.say(conversationId, 'Let me check that order for you.');
    const launcher = page.getByRole('button', { name: 'Open chat, 2 unread messages' });
    await launcher.waitFor({ timeout: 10_000 });
    expect(await page.locator('.launcher .badge').innerText()).toBe('2');

    await launcher.click();
    expect(await page.getByRole('button', { name: 'Open chat' }).count()).toBe(0);
    expect(await page.locator('.badge').isVisible()).toBe(false);
    expect(await page.locator('header h2').innerText()).toBe('Ana');
    expect(await page.locator('header .avatar').innerText()).toBe('A');
    const reply = page.locator('.msg.agent').first();
    expect(await reply.locator('.name').innerText()).toBe('Ana');
    expect(await reply.locator('.avatar').innerText()).toBe('A');
    expect(await reply.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await reply.locator('time').innerText()).toMatch(/\d{1,2}:\d{2}/);
    expect(await page.locator('.msg.system').allInnerTexts()).toContainEqual('Ana joined the chat.');

    expect(await page.locator('.rating').isVisible()).toBe(false);
    await agent.resolve(conversationId);
    await page.getByRole('group', { name: 'How would you rate this conversation?' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: '4 stars' }).click();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    expect(await page.locator('header h2').innerText()).toBe('Test Store');
    agent.close();
    await page.close();
  });

  it('fills a 375 px phone screen, with a 16 px input font, and keeps the composer above the on-screen keyboard', async () => {
    const context = await scene.browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${scene.store.origin}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const panel = await page.locator('.panel').boundingBox();
    expect(panel).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    const composer = page.getByRole('textbox');
    expect(await composer.evaluate((node) => getComputedStyle(node).fontSize)).toBe('16px');
    expect((await composer.boundingBox())!.y).toBeGreaterThan(500);
    // The on-screen keyboard takes the lower part of the screen: the panel shrinks to what is left.
    await composer.focus();
    await page.setViewportSize({ width: 375, height: 400 });
    await expect.poll(async () => (await page.locator('.panel').boundingBox())!.height).toBe(400);
    const box = (await composer.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(400);
    expect(box.y).toBeGreaterThan(300);
    await context.close();
  });

  it("says why a picture was refused, in the shopper's language", async () => {
    const page = await scene.browser.newPage({ locale: 'es-ES' });
    await page.goto(`${scene.store.origin}/`);
    await page.getByRole('button', { name: 'Abrir chat' }).click();
    await expect.poll(() => page.locator('.root').getAttribute('data-conversation'), { timeout: 10_000 }).toBeTruthy();
    await page.locator('input[type="file"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('<html>not a picture</html>') });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toContain('Solo se pueden enviar imágenes JPEG, PNG, WebP y GIF.');
    expect(await alert.isVisible()).toBe(true);
    await page.close();
  });

  it('tells a shopper on a site that may not open the chat, instead of reconnecting forever', async () => {
    const page = await scene.browser.newPage();
    await page.goto(`${elsewhere.origin}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toContain('Chat is not available on this site.');
    expect(await alert.isVisible()).toBe(true);
    expect(await page.locator('.root').getAttribute('data-connection')).toBe('refused');
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.close();
  });

  it('says the chat was restarted when the server lost a conversation that had messages', async () => {
    const context = await scene.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${scene.store.origin}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await shopperSays(page, 'hello');
    await expect.poll(() => page.locator('.msg.bot:not(.welcome)').count(), { timeout: 10_000 }).toBe(1);
    // A one-process, in-memory server restarted: the conversation is gone, and nothing told the widget.
    const conversationId = (await page.locator('.root').getAttribute('data-conversation'))!;
    await scene.server.app.store.deleteConversation(conversationId);
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByText('The chat was restarted, so your earlier messages are no longer here.', { exact: false }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.root').getAttribute('data-conversation')).not.toBe(conversationId);
    await context.close();
  });
});
