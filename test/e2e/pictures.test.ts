import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../attachments/fixtures.js';
import { signInToConsole, startConsoleScene } from './browser.js';

let scene: Awaited<ReturnType<typeof startConsoleScene>>;

beforeAll(async () => {
  scene = await startConsoleScene(
    (borderless) => `<!doctype html><html><body><h1>Store</h1><script src="${borderless}/widget.js" defer data-locale="en-GB"></script></body></html>`,
  );
}, 60_000);
afterAll(() => scene?.close());

async function shopperSays(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox');
  await composer.fill(text);
  await composer.press('Enter');
}

/** The picture really loaded (decoded, with a size), not only an <img> in the page. */
const loadedWidth = (image: Locator) => image.evaluate((node) => ((node as HTMLImageElement).complete ? (node as HTMLImageElement).naturalWidth : 0));

describe('pictures between the widget and the console', () => {
  it('a shopper reports a broken item with a photo; the agent sees the case and the photo first, and sends one back', async () => {
    const console = await scene.browser.newPage();
    await signInToConsole(console, scene.server);
    await console.getByText('Nobody is waiting.').waitFor();

    const shop = await scene.browser.newPage();
    await shop.goto(`${scene.store.origin}/`);
    await shop.locator('.launcher').click();
    await shopperSays(shop, 'the vase I ordered arrived broken');
    await expect.poll(() => shop.locator('.msg.bot').last().innerText(), { timeout: 10_000 }).toContain('photo');

    // The photo, chosen with the widget's file input: a preview with upload progress, then sent with the order number.
    await shop.getByRole('button', { name: 'Attach a picture' }).waitFor();
    await shop.locator('input[type="file"]').setInputFiles({ name: 'vase.png', mimeType: 'image/png', buffer: await png(60, 40) });
    await shop.locator('.pending-pic.done').waitFor({ timeout: 10_000 });
    await shopperSays(shop, 'order 100234');
    await expect.poll(() => shop.locator('.tray .pending-pic').count()).toBe(0);
    await expect.poll(() => shop.locator('.msg.bot').last().innerText(), { timeout: 10_000 }).toContain('100234');
    expect(await shop.locator('.msg.bot').last().innerText()).toContain('damaged item, 1 photo');

    // The agent: a dispute, moved up, with the case card and the photo at the top of the shopper panel.
    await expect.poll(() => console.locator('.item').first().innerText(), { timeout: 10_000 }).toContain('dispute');
    // A guest gave the order number without proving it is theirs: the list and the case card say so.
    expect(await console.locator('.item').first().innerText()).toContain('owner not verified');
    await console.locator('.item').first().click();
    await console.getByRole('button', { name: 'Claim' }).click();
    const card = console.getByRole('region', { name: 'Case' });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.innerText()).toContain('Order 100234 · damaged item · 1 photo');
    expect(await card.getByRole('note').innerText()).toContain('Owner not verified');
    await expect.poll(() => loadedWidth(card.locator('img')), { timeout: 10_000 }).toBe(60);
    // The case heads the shopper panel, beside the conversation.
    const panel = console.getByRole('complementary', { name: 'Shopper' });
    expect(await panel.locator('h2 + *').getAttribute('aria-label')).toBe('Case');
    // The photo in the shopper's message opens the full picture.
    const link = console.locator('.msg.shopper a.pic').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(/\/api\/v1\/attachments\/[0-9a-f-]+\?expires=\d+&sig=[0-9a-f]{64}$/);

    // And back: the agent attaches a picture; the shopper sees it, loaded from the chat server on the store's page.
    await console.locator('input[type="file"]').setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: await png(30, 20) });
    await console.locator('.pending-pic.done').waitFor({ timeout: 10_000 });
    await console.getByRole('textbox', { name: 'Reply' }).fill('Here is your return label.');
    await console.getByRole('button', { name: 'Send', exact: true }).click();
    await shop.locator('.msg.agent').first().waitFor({ timeout: 10_000 });
    expect(await shop.locator('.msg.agent').first().innerText()).toContain('Here is your return label.');
    await expect.poll(() => loadedWidth(shop.locator('.msg.agent img').first()), { timeout: 10_000 }).toBe(30);
  });
});
