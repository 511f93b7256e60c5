import { describe, expect, it } from 'vitest';
import { canonicalLocale, dateTimeFormat, formatMoney, localeRegion } from '../../src/shared/intl.js';

describe('kept Intl formatters', () => {
  it('write money and dates in each language, whichever was asked for first', () => {
    expect(formatMoney(12.5, 'EUR', 'de')).toBe('12,50\u00a0€');
    expect(formatMoney(12.5, 'USD', 'en')).toBe('$12.50');
    expect(formatMoney(1200, 'JPY', 'ja')).toBe('￥1,200');
    expect(formatMoney(12.5, 'EUR', 'de')).toBe('12,50\u00a0€');
    const day = new Date('2026-12-03T12:00:00Z');
    expect(dateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(day)).toBe('3 December 2026');
    expect(dateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(day)).toBe('December 3, 2026');
  });

  it('read a widget locale, and nothing from what is not one', () => {
    expect(canonicalLocale('es_mx')).toBe('es-MX');
    expect(localeRegion('es_mx')).toBe('MX');
    expect(localeRegion('es')).toBeUndefined();
    expect(canonicalLocale('not a locale!')).toBeUndefined();
    expect(localeRegion('not a locale!')).toBeUndefined();
    expect(canonicalLocale(undefined)).toBeUndefined();
  });
});
