import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexicon, type LexiconSource } from '../../src/language/index.js';
import { asksInQuantity } from '../../src/pipeline/quantity.js';
import { buildCatalogue, CatalogueSchema, DEMO_PRODUCTS_FILE } from '../../src/products/index.js';

const catalogue = buildCatalogue(CatalogueSchema.parse(JSON.parse(readFileSync(DEMO_PRODUCTS_FILE, 'utf8'))));
const lexiconOf = (language: string) =>
  compileLexicon(JSON.parse(readFileSync(path.join(import.meta.dirname, '../../locales', language, 'lexicon.json'), 'utf8')) as LexiconSource);
const asks = (language: string, text: string, entities = {}) => asksInQuantity('discount_code', entities, text, lexiconOf(language), catalogue, language);

describe('a discount question about buying in quantity', () => {
  it('is read from the words for buying many, in the language', () => {
    expect(asks('en', 'any discount for wholesale orders?')).toBe(true);
    expect(asks('tr', 'toptan alırsam indirim olur mu')).toBe(true);
    expect(asks('ja', '業務用にまとめて注文したら安くなりますか')).toBe(true);
    expect(asks('pl', 'czy przy zakupie hurtowym jest rabat?')).toBe(true);
  });

  it('is a number of a product the catalogue has', () => {
    expect(asks('en', 'a discount if I take 6 candles?')).toBe(true);
    expect(asks('nl', 'korting als ik 8 geurkaarsen koop?')).toBe(true);
    // A plural finds its singular: "tazas" is the mug's "taza".
    expect(asks('es', 'si pido 12 tazas hay descuento?')).toBe(true);
  });

  it('is not a percentage, an amount of money, a code, or another intent', () => {
    expect(asks('en', 'do you have 15% off candles?')).toBe(false);
    expect(asks('en', 'a discount on 2 candles over 50 dollars', { amount: { amount: 50, currency: 'USD' } })).toBe(false);
    expect(asks('en', 'does WINTER15 work on 3 candles', { promoCodes: ['WINTER15'] })).toBe(false);
    expect(asksInQuantity('shipping_info', {}, 'can you ship 10 candles to Spain', lexiconOf('en'), catalogue, 'en')).toBe(false);
    expect(asks('en', 'any discounts at the moment?')).toBe(false);
  });
});
