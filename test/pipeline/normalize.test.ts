import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/pipeline/normalize.js';
import { AppError } from '../../src/shared/errors.js';

describe('normalizeText', () => {
  it('composes Unicode to NFC and trims whitespace', () => {
    expect(normalizeText('  Cafe\u0301  ')).toBe('Café');
  });

  it('drops control characters but keeps emoji and right-to-left text', () => {
    expect(normalizeText('hi\u0007 👋')).toBe('hi 👋');
    expect(normalizeText('أين طلبي؟')).toBe('أين طلبي؟');
  });

  it('refuses a 10,000-character message with a clear error instead of crashing', () => {
    const attempt = () => normalizeText('a'.repeat(10_000));
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/10000 characters long; the limit is 2000/);
  });

  it('removes bidirectional overrides and zero-width characters, which make text show as something else', () => {
    expect(normalizeText('invoice ann\u202Efdp.exe')).toBe('invoice annfdp.exe');
    expect(normalizeText('order \u2066100\u2069234 re\u200Bfund\uFEFF to a\u200D@b.co\u00AD')).toBe('order 100234 refund to a@b.co');
    expect(normalizeText('\u200E\u200F\u061C\u2060hi\u200C')).toBe('hi');
  });

  it('keeps the joiner inside an emoji sequence, and right-to-left text as written', () => {
    expect(normalizeText('👩\u200D💻 and ❤\uFE0F\u200D🔥')).toBe('👩\u200D💻 and ❤\uFE0F\u200D🔥');
    expect(normalizeText('مرحبا')).toBe('مرحبا');
  });

  it('counts an emoji as one character against the limit', () => {
    expect(normalizeText('👍'.repeat(2000))).toHaveLength(4000);
  });
});
