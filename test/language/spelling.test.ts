import { describe, expect, it } from 'vitest';
import { withoutSpelledLetters } from '../../src/language/index.js';

describe('letters spelled out for want of a keyboard', () => {
  it('writes German ae, oe, ue as the plain vowel, as folding writes ä, ö, ü', () => {
    expect(withoutSpelledLetters('Groesse fuer Maedchen', 'de')).toBe('Grosse fur Madchen');
  });

  it('leaves other languages alone', () => {
    expect(withoutSpelledLetters('une poele', 'fr')).toBe('une poele');
    expect(withoutSpelledLetters('blue shoes', 'en')).toBe('blue shoes');
  });
});
