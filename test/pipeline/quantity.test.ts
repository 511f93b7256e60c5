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

  it('is a number with words for buying, without naming what', () => {
    expect(asks('en', 'if we order 30, do you knock something off?')).toBe(true);
    expect(asks('it', 'se ne compro 5 mi fate uno sconto?')).toBe(true);
    expect(asks('fr', "si j'en prends 8, vous faites une remise ?")).toBe(true);
    expect(asks('ru', 'если куплю 12, будет скидка?')).toBe(true);
    expect(asks('tr', '15 alırsam indirim var mı')).toBe(true);
    expect(asks('ja', '20買ったら割引ありますか')).toBe(true);
    // Buying words without a number ask about the codes.
    expect(asks('en', 'if I buy today is there a discount?')).toBe(false);
    expect(asks('es', 'si compro hoy hay algún descuento?')).toBe(false);
  });

  it('is not a percentage, an amount of money, a code, or another intent', () => {
    expect(asks('en', 'do you have 15% off candles?')).toBe(false);
    expect(asks('en', 'a discount on 2 candles over 50 dollars', { amount: { amount: 50, currency: 'USD' } })).toBe(false);
    expect(asks('en', 'does WINTER15 work on 3 candles', { promoCodes: ['WINTER15'] })).toBe(false);
    expect(asksInQuantity('shipping_info', {}, 'can you ship 10 candles to Spain', lexiconOf('en'), catalogue, 'en')).toBe(false);
    expect(asks('en', 'any discounts at the moment?')).toBe(false);
  });
});
