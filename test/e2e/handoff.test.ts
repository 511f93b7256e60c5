import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToConsole, startConsoleScene } from './browser.js';

let scene: Awaited<ReturnType<typeof startConsoleScene>>;

beforeAll(async () => {
  scene = await startConsoleScene(
    (borderless) => `<!doctype html><html><body><h1>Store</h1><script src="${borderless}/widget.js" defer data-locale="ja"></script></body></html>`,
  );
}, 60_000);
afterAll(() => scene?.close());

async function shopperSays(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox');
  await composer.fill(text);
  await composer.press('Enter');
}

describe('the widget and the console side by side', () => {
  it('goes from the bot to a person and back, in the shopper language', async () => {
    const console = await scene.browser.newPage();
    await signInToConsole(console, scene.server);
    await console.getByText('Nobody is waiting.').waitFor();

    const shop = await scene.browser.newPage();
    await shop.goto(`${scene.store.origin}/`);
    await shop.locator('.launcher').click();
    await shopperSays(shop, '担当者と話したいです');
    // The shopper sees the queue position, in Japanese.
    await expect.poll(() => shop.locator('.msg.system').allInnerTexts(), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/1/));

    // The agent sees it waiting, with a title badge, and claims it.
    await expect.poll(() => console.title(), { timeout: 10_000 }).toBe('(1) Borderless console');
    await console.locator('.item').first().click();
    await console.getByRole('button', { name: 'Claim' }).click();
    await console.getByRole('button', { name: 'Resolve' }).waitFor();
    expect(await console.getByRole('log').innerText()).toContain('担当者と話したいです');
    expect(await console.getByRole('log').innerText()).toMatch(/ja · human_agent · \d+%/);

    // Both ways.
    await console.getByRole('textbox', { name: 'Reply' }).fill('Hello, this is Ana.');
    await console.getByRole('textbox', { name: 'Reply' }).press('Control+Enter');
    await shop.locator('.msg.agent').first().waitFor({ timeout: 10_000 });
    expect(await shop.locator('.msg.agent').first().innerText()).toContain('Hello, this is Ana.');
    await shop.getByRole('textbox').pressSequentially('返品', { delay: 20 });
    await expect.poll(() => console.locator('.typing').innerText(), { timeout: 10_000 }).toContain('typing');
    await shopperSays(shop, 'ありがとう、返品したいです');
    await expect.poll(() => console.getByRole('log').innerText(), { timeout: 10_000 }).toContain('ありがとう、返品したいです');

    // A canned reply, picked in English, goes into the composer in Japanese, and is sent as edited.
    await console.getByRole('button', { name: 'Canned replies' }).click();
    await console.getByRole('searchbox', { name: 'Search canned replies' }).fill('return');
    await console.locator('.canned button[data-template="return_request"]').click();
    const reply = console.getByRole('textbox', { name: 'Reply' });
    expect(await reply.inputValue()).toMatch(/[\u3040-\u30ff]/);
    await reply.press('End');
    await reply.pressSequentially(' Ana');
    await reply.press('Control+Enter');
    await expect.poll(() => shop.locator('.msg.agent').count(), { timeout: 10_000 }).toBe(2);
    expect(await shop.locator('.msg.agent').nth(1).innerText()).toMatch(/[\u3040-\u30ff][\s\S]* Ana/);

    // Back to the bot, which answers the next message.
    const botReplies = await shop.locator('.msg.bot').count();
    await console.getByRole('button', { name: 'Hand back to bot' }).click();
    await expect.poll(() => shop.locator('.root').getAttribute('data-status'), { timeout: 10_000 }).toBe('bot');
    await shopperSays(shop, '支払い方法は何がありますか？');
    await expect.poll(() => shop.locator('.msg.bot').count(), { timeout: 10_000 }).toBe(botReplies + 1);
    expect(await shop.locator('.msg.bot').last().innerText()).toMatch(/PayPal/);
  });
});
