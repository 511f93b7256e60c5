import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAgent } from '../../src/handoff/agents.js';
import { startTestServer } from '../helpers.js';
import { launchBrowser, startStorePage } from './browser.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let store: Awaited<ReturnType<typeof startStorePage>>;
let chromium: Awaited<ReturnType<typeof launchBrowser>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-console-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en'], role: 'agent', password: 'correct horse battery' });
  store = await startStorePage((borderless) => `<!doctype html><html><body><h1>Store</h1><script src="${borderless}/widget.js" defer data-locale="ja"></script></body></html>`);
  server = await startTestServer({ DATA_DIR: dataDir, ALLOWED_ORIGINS: store.origin, SHOPPER_MESSAGES_PER_MINUTE: '0' });
  store.setBorderless(server.url);
  chromium = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function shopperSays(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox');
  await composer.fill(text);
  await composer.press('Enter');
}

describe('the widget and the console side by side', () => {
  it('goes from the bot to a person and back, in the shopper language', async () => {
    const console = await chromium.browser.newPage();
    await console.goto(`${server.url}/console`);
    await console.getByRole('textbox', { name: 'E-mail' }).fill('ana@shop.example');
    await console.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await console.getByRole('button', { name: 'Sign in' }).click();
    await console.getByText('Nobody is waiting.').waitFor();

    const shop = await chromium.browser.newPage();
    await shop.goto(`${store.origin}/`);
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
    await console.getByRole('textbox', { name: 'Reply' }).press('Enter');
    await shop.locator('.msg.agent').first().waitFor({ timeout: 10_000 });
    expect(await shop.locator('.msg.agent').first().innerText()).toContain('Hello, this is Ana.');
    await shop.getByRole('textbox').pressSequentially('返品', { delay: 20 });
    await expect.poll(() => console.locator('.typing').innerText(), { timeout: 10_000 }).toContain('typing');
    await shopperSays(shop, 'ありがとう、返品したいです');
    await expect.poll(() => console.getByRole('log').innerText(), { timeout: 10_000 }).toContain('ありがとう、返品したいです');

    // A canned reply, picked in English, arrives in Japanese.
    await console.getByRole('searchbox', { name: 'Search canned replies' }).fill('return');
    await console.locator('.canned button[data-template="return_request"]').click();
    await expect.poll(() => shop.locator('.msg.agent').count(), { timeout: 10_000 }).toBe(2);
    expect(await shop.locator('.msg.agent').nth(1).innerText()).toMatch(/[\u3040-\u30ff]/);

    // Back to the bot, which answers the next message.
    const botReplies = await shop.locator('.msg.bot').count();
    await console.getByRole('button', { name: 'Hand back to bot' }).click();
    await expect.poll(() => shop.locator('.root').getAttribute('data-status'), { timeout: 10_000 }).toBe('bot');
    await shopperSays(shop, '支払い方法は何がありますか？');
    await expect.poll(() => shop.locator('.msg.bot').count(), { timeout: 10_000 }).toBe(botReplies + 1);
    expect(await shop.locator('.msg.bot').last().innerText()).toMatch(/PayPal/);
  });
});
