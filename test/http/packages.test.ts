import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageSuggestion } from '../../src/packages/index.js';
import { makeOrder } from '../care/fixtures.js';
import { startTestServer } from '../helpers.js';

const OPERATOR_TOKEN = 'test-operator-token-0123456789';
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function suggest(body: unknown, token = OPERATOR_TOKEN) {
  return server.app.inject({ method: 'POST', url: '/api/v1/package-suggestions', headers: { authorization: `Bearer ${token}` }, payload: body as object });
}
const inserts = (suggestion: PackageSuggestion) => suggestion.inserts.map((insert) => insert.id);

describe('POST /api/v1/package-suggestions', () => {
  it('gives a first-time Spanish customer a thank-you card and a review card, no gift', async () => {
    const order = makeOrder({ customer: { locale: 'es-MX', name: 'Lucía Fernández', orderCount: 1 }, total: 40 });
    const response = await suggest({ order });
    expect(response.statusCode).toBe(200);
    const suggestion = response.json() as PackageSuggestion;
    expect(suggestion.language).toBe('es');
    expect(inserts(suggestion)).toEqual(['thank_you_card', 'review_card']);
    expect(suggestion.inserts[0]).toEqual({
      id: 'thank_you_card',
      text: 'Hola, Lucía: ¡muchas gracias por tu pedido! Lo hemos preparado con mucho cariño y esperamos que te haga feliz.',
      reason: "Every parcel gets a thank-you card in the customer's language.",
      rule: 'thank-you-card',
    });
    expect(suggestion.inserts[1]!.reason).toBe('A first order: a card inviting a review.');
  });

  it('gives a repeat customer a gift and a cashback card instead of a review card', async () => {
    const order = makeOrder({ customer: { locale: 'es-ES', orderCount: 1 }, total: 40 });
    // The customer part of the request corrects what the order says.
    const suggestion = (await suggest({ order, customer: { orderCount: 4 } })).json() as PackageSuggestion;
    expect(inserts(suggestion)).toEqual(['thank_you_card', 'gift', 'cashback_card']);
    const gift = suggestion.inserts.find((insert) => insert.id === 'gift')!;
    expect(gift.reason).toBe('A repeat customer (this is their third order or more) gets a small gift.');
    expect(gift.text).toBe('Un pequeño regalo para ti: ¡gracias por volver a comprar con nosotros!');
    expect(suggestion.inserts.find((insert) => insert.id === 'cashback_card')!.text.replace(/\u00a0/g, ' ')).toContain('un 5 % de reembolso');
  });

  it('adds a care note for fragile items and a gift for a high-value order, in Japanese', async () => {
    const order = makeOrder({
      customer: { locale: 'ja-JP', name: '山田 花子', orderCount: 1 },
      currency: 'JPY',
      total: 24000,
      items: [{ sku: 'VASE-1', title: '花瓶', quantity: 1, price: 24000, fragile: true }],
    });
    const suggestion = (await suggest({ order })).json() as PackageSuggestion;
    expect(suggestion.language).toBe('ja');
    expect(inserts(suggestion)).toEqual(['thank_you_card', 'care_note', 'gift', 'review_card']);
    expect(suggestion.inserts[0]!.text).toMatch(/^山田 花子様/);
    expect(suggestion.inserts[1]!.text).toMatch(/^取扱注意/);
    expect(suggestion.inserts[2]!.reason).toMatch(/^A high-value order/);
  });

  it('gives a gift for an order of 150 euros or more, not below', async () => {
    const cheap = (await suggest({ order: makeOrder({ currency: 'EUR', total: 149.99 }) })).json() as PackageSuggestion;
    const dear = (await suggest({ order: makeOrder({ currency: 'EUR', total: 150 }) })).json() as PackageSuggestion;
    expect(inserts(cheap)).not.toContain('gift');
    expect(inserts(dear)).toContain('gift');
  });

  it('needs the operator token and a valid order', async () => {
    expect((await suggest({ order: makeOrder() }, 'wrong-token-0123456789')).statusCode).toBe(401);
    const invalid = await suggest({ order: { ...makeOrder(), currency: 'euro' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toMatch(/order\.currency/);
  });
});
