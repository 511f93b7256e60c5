// A product question on a product page, as a shopper asks it in the widget: the answer names the page's product and
// shows its card (picture, title, price, link), built from text, never from markup in the store's data.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileProductSource, DEMO_PRODUCTS_FILE } from '../../src/products/index.js';
import { startTestServer } from '../helpers.js';
import { recordingLogger } from '../orders/store-server.js';
import { launchBrowser, startStorePage } from './browser.js';

let dataDir: string;
let server: Awaited<ReturnType<typeof startTestServer>>;
let store: Awaited<ReturnType<typeof startStorePage>>;
let chromium: Awaited<ReturnType<typeof launchBrowser>>;

const productPage = (borderless: string, query: URLSearchParams) => `<!doctype html><html><body><h1>Product</h1>
  <script src="${borderless}/widget.js" defer data-title="Aurora" data-locale="en-US" data-product="${query.get('product') ?? ''}"></script></body></html>`;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-card-'));
  const demo = JSON.parse(await readFile(DEMO_PRODUCTS_FILE, 'utf8'));
  // A store whose data holds markup: the card must show it as text.
  demo.products.push({
    id: 'trap',
    title: { en: 'Trap <img src=x onerror="window.pwned=1"> lamp' },
    url: 'https://aurora-demo.example/products/trap',
    image: 'https://cdn.example/trap.jpg',
    prices: { USD: 5 },
    material: { en: 'Paper.' },
    variants: [{ sku: 'TRAP-1', stock: 3 }],
  });
  await writeFile(path.join(dataDir, 'products.json'), JSON.stringify(demo));
  store = await startStorePage(productPage);
  server = await startTestServer(
    { DATA_DIR: dataDir, ALLOWED_ORIGINS: store.origin, SHOPPER_MESSAGES_PER_MINUTE: '0' },
    { productSource: createFileProductSource({ dataDir, logger: recordingLogger() }) },
  );
  store.setBorderless(server.url);
  chromium = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function ask(product: string, text: string) {
  const page = await chromium.browser.newPage({ locale: 'en-US' });
  await page.goto(`${store.origin}/?product=${product}`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  const composer = page.getByRole('textbox');
  await composer.fill(text);
  await composer.press('Enter');
  const reply = page.locator('.msg.bot:not(.welcome)').first();
  await reply.waitFor({ timeout: 15_000 });
  return { page, reply };
}

describe('a product card in the widget', () => {
  it('answers "is this dishwasher safe?" about the product on the page, with its picture, title, price and link', async () => {
    const { page, reply } = await ask('mug', 'is this dishwasher safe?');
    expect(await reply.locator('.text').innerText()).toContain('Dishwasher and microwave safe');
    const card = reply.locator('a.card');
    expect(await card.locator('.card-title').innerText()).toBe('Ceramic mug');
    expect(await card.locator('.card-price').innerText()).toBe('$24.99');
    expect(await card.getAttribute('href')).toBe('https://aurora-demo.example/products/mug');
    expect(await card.getAttribute('target')).toBe('_blank');
    expect(await card.locator('img').getAttribute('src')).toBe('https://aurora-demo.example/images/mug.jpg');
    await page.close();
  });

  it("shows the store's markup as text, never as elements", async () => {
    const { page, reply } = await ask('trap', "what's this made of?");
    const card = reply.locator('.card');
    expect(await card.locator('.card-title').innerText()).toBe('Trap <img src=x onerror="window.pwned=1"> lamp');
    expect(await reply.locator('.card-title img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });
});
