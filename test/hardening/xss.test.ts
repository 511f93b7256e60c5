// XSS payloads from a shopper through the widget and from an agent through the console, checked in the browser.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInToConsole, startConsoleScene } from '../e2e/browser.js';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '<svg/onload=alert(3)>',
  '<iframe src="javascript:alert(4)"></iframe>',
  '"><img src=x onerror=alert(5)>',
  "'><script>alert(6)</script>",
  '<a href="javascript:alert(7)">click</a>',
  'javascript:alert(8)',
  'https://example.com/"><img src=x onerror=alert(9)>',
  '<details open ontoggle=alert(10)>',
  '<style>*{display:none}</style>',
  '[click](javascript:alert(11))',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>',
  '\u202e<img src=x onerror=alert(13)>',
  '{{constructor.constructor("alert(14)")()}}',
];

let scene: Awaited<ReturnType<typeof startConsoleScene>>;

beforeAll(async () => {
  scene = await startConsoleScene((borderless) => `<!doctype html><html><body><script src="${borderless}/widget.js" defer></script></body></html>`);
}, 60_000);
afterAll(() => scene?.close());

/**
 * Elements that would run or load something anywhere in the page or the widget's shadow root, and anything inside a
 * message's text other than http(s) links.
 */
const dangerous = (page: Page) =>
  page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [
      document,
      ...[...document.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : [])),
    ];
    return roots.flatMap((root) =>
      [
        ...[...root.querySelectorAll('img, iframe, svg:not([aria-hidden]), details, math, a[href^="javascript"]')],
        ...[...root.querySelectorAll('.msg .text *')].filter((element) => !(element.tagName === 'A' && /^https?:/.test(element.getAttribute('href') ?? ''))),
      ].map((element) => element.outerHTML.slice(0, 80)),
    );
  });

describe('hardening: XSS payloads in the widget and the console', () => {
  it('shows every payload as text on both sides and runs none', async () => {
    let dialogs = 0;
    const console = await scene.browser.newPage();
    const shop = await scene.browser.newPage();
    for (const page of [console, shop]) page.on('dialog', async (dialog) => (dialogs++, await dialog.dismiss()));

    await signInToConsole(console, scene.server);

    await shop.goto(`${scene.store.origin}/`);
    await shop.locator('.launcher').click();
    const composer = shop.getByRole('textbox');
    await composer.fill('I want to talk to a real person');
    await composer.press('Enter');
    await console.locator('.item').first().click();
    await console.getByRole('button', { name: 'Claim' }).click();
    await console.getByRole('button', { name: 'Resolve' }).waitFor();

    for (const payload of PAYLOADS) {
      await composer.fill(payload);
      await composer.press('Enter');
      await console.getByRole('textbox', { name: 'Reply' }).fill(payload);
      await console.getByRole('textbox', { name: 'Reply' }).press('Control+Enter');
    }
    await expect.poll(() => shop.locator('.msg.agent').count(), { timeout: 15_000 }).toBe(PAYLOADS.length);
    await expect.poll(() => console.locator('.msg.shopper').count(), { timeout: 15_000 }).toBe(PAYLOADS.length + 1);

    const shopText = await shop.locator('.log').innerText();
    const consoleText = await console.locator('.log').innerText();
    for (const payload of PAYLOADS) {
      const visible = payload.replace('\u202e', '');
      expect(shopText).toContain(visible);
      expect(consoleText).toContain(visible);
    }
    expect(await dangerous(shop)).toEqual([]);
    expect(await dangerous(console)).toEqual([]);
    expect(dialogs).toBe(0);
  });
});
