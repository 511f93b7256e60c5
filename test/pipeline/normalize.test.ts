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

  it('counts an emoji as one character against the limit', () => {
    expect(normalizeText('👍'.repeat(2000))).toHaveLength(4000);
  });
});
