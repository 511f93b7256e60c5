import { describe, expect, it } from 'vitest';
import { maskDeep, maskPersonalData } from '../../src/shared/privacy.js';

describe('masking personal data', () => {
  it('masks e-mails, phone numbers and card-like numbers but keeps order numbers and sizes', () => {
    expect(maskPersonalData('mail ana.perez@example.com or call +34 612 345 678 about order 100234, size 42')).toBe(
      'mail <email> or call <phone> about order 100234, size 42',
    );
    expect(maskPersonalData('card 4111 1111 1111 1111 was charged twice')).toBe('card <card> was charged twice');
    expect(maskPersonalData('4111-1111-1111-1111')).toBe('<card>');
    expect(maskPersonalData('call me 612 345 678')).toBe('call me <phone>');
  });

  it('masks strings at any depth of a log record', () => {
    expect(maskDeep({ msg: 'from x@y.com', nested: { list: ['+1 415 555 0100', 3] } })).toEqual({ msg: 'from <email>', nested: { list: ['<phone>', 3] } });
  });
});
