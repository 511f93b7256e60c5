import { describe, expect, it } from 'vitest';
import {
  compilePromotions,
  diagnoseCode,
  findAmount,
  findCodes,
  availablePromotions,
  PromotionsFile,
  type ShopperSituation,
} from '../../src/promotions/index.js';

const content = compilePromotions(
  PromotionsFile.parse({
    currencies: { default: 'EUR', byCountry: { EU: 'EUR', GB: 'GBP', US: 'USD' }, words: { EUR: ['euros'] } },
    promotions: [
      { code: 'WELCOME10', description: { en: '10% off a first order' }, minimumOrder: { EUR: 30, USD: 35, GBP: 25 }, firstOrderOnly: true, combinable: false },
      { code: 'SPRING10', description: { en: 'spring' }, startsOn: '2026-03-20', endsOn: '2026-05-31' },
      { code: 'FREESHIP-EU', description: { en: 'free EU shipping' }, minimumOrder: { EUR: 49 }, countries: ['EU'], currencies: ['EUR'] },
      { code: 'SUMMER15', description: { en: 'summer' }, startsOn: '2027-06-21', endsOn: '2027-08-31', combinable: false },
      { code: 'VIP5', description: { en: 'private' }, listed: false },
    ],
  }),
  { EU: ['DE', 'ES', 'FR', 'IE'] },
);
const today = '2026-12-07';
const check = (code: string, situation: Partial<ShopperSituation> = {}) => diagnoseCode(content, code, { today, codes: [code], ...situation });

describe('why a code does not work', () => {
  it('does not know a code the store does not have, whatever its case', () => {
    expect(check('NOPE20').status).toBe('unknown');
    expect(check('spring10').status).toBe('expired');
  });

  it('says a code has expired after its last day, and works on that day', () => {
    expect(check('SPRING10').status).toBe('expired');
    expect(check('SPRING10', { today: '2026-05-31' }).status).toBe('valid');
  });

  it('says a code is not valid yet before its first day', () => {
    expect(check('SUMMER15').status).toBe('not_yet');
    expect(check('SUMMER15', { today: '2027-06-21' }).status).toBe('valid');
  });

  it('refuses a code in a country it does not cover, regions included', () => {
    expect(check('FREESHIP-EU', { country: 'US' }).status).toBe('country');
    expect(check('FREESHIP-EU', { country: 'DE' }).status).toBe('valid');
  });

  it('refuses a code for an order in a currency it does not take', () => {
    expect(check('FREESHIP-EU', { country: 'DE', amount: { amount: 80, currency: 'USD' } }).status).toBe('currency');
  });

  it('refuses a first-order code to a customer who has ordered, and only says so when it is known', () => {
    expect(check('WELCOME10', { firstOrder: false }).status).toBe('first_order');
    expect(check('WELCOME10', { firstOrder: true, amount: { amount: 40, currency: 'EUR' } })).toMatchObject({ status: 'valid', unchecked: [] });
    expect(check('WELCOME10').unchecked).toContain('first_order');
  });

  it('compares the amount with the minimum in the same currency', () => {
    expect(check('WELCOME10', { amount: { amount: 20, currency: 'GBP' } })).toMatchObject({ status: 'minimum', minimum: { amount: 25, currency: 'GBP' } });
    expect(check('WELCOME10', { amount: { amount: 25, currency: 'GBP' } }).status).toBe('valid');
  });

  it("leaves the minimum unchecked when no amount is known, in the currency of the shopper's country", () => {
    expect(check('WELCOME10', { country: 'US' })).toMatchObject({
      status: 'valid',
      unchecked: ['minimum', 'first_order'],
      minimum: { amount: 35, currency: 'USD' },
    });
  });

  it('refuses two codes together when one of them cannot be combined', () => {
    expect(check('FREESHIP-EU', { codes: ['FREESHIP-EU', 'WELCOME10'], country: 'FR' }).status).toBe('not_combinable');
    expect(check('WELCOME10', { codes: ['WELCOME10', 'FREESHIP-EU'] }).status).toBe('not_combinable');
  });

  it('leaves the country unchecked for a regional code when the country is unknown', () => {
    expect(check('FREESHIP-EU').unchecked).toContain('country');
  });
});

describe('codes that work now', () => {
  it("lists the running, listed codes of the shopper's country", () => {
    expect(availablePromotions(content, { today, country: 'ES' }).map((promotion) => promotion.code)).toEqual(['WELCOME10', 'FREESHIP-EU']);
    expect(availablePromotions(content, { today, country: 'US' }).map((promotion) => promotion.code)).toEqual(['WELCOME10']);
    expect(availablePromotions(content, { today: '2027-07-01', country: 'US' }).map((promotion) => promotion.code)).toEqual(['WELCOME10', 'SUMMER15']);
  });
});

describe('codes and amounts in a message', () => {
  it("finds the store's codes in any case, and code-like words", () => {
    expect(findCodes('my code spring10 and Freeship-EU fail', content)).toEqual(['SPRING10', 'FREESHIP-EU']);
    expect(findCodes('el código NAVIDAD25 no va', content)).toEqual(['NAVIDAD25']);
    expect(findCodes('クーポンSPRING10が使えません', content)).toEqual(['SPRING10']);
  });

  it('does not take sizes, quantities, shouting or plain words for codes', () => {
    expect(findCodes('is the XL in stock, I need 2 for 20EUR', content)).toEqual([]);
    expect(findCodes('WHERE IS MY ORDER', content)).toEqual([]);
    expect(findCodes('my order 100234 is late', content)).toEqual([]);
  });

  it('reads an amount with a symbol, a code or a currency word', () => {
    expect(findAmount('my basket is 20€', content)).toEqual({ amount: 20, currency: 'EUR' });
    expect(findAmount('total £19.50 today', content)).toEqual({ amount: 19.5, currency: 'GBP' });
    expect(findAmount('it comes to 24,90 euros', content)).toEqual({ amount: 24.9, currency: 'EUR' });
    expect(findAmount('USD 40 in the cart', content)).toEqual({ amount: 40, currency: 'USD' });
    expect(findAmount('I ordered 3 mugs', content)).toBeUndefined();
  });
});
