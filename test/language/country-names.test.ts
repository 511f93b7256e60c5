import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../../src/knowledge/index.js';
import { findCountry } from '../../src/language/index.js';

let snapshot: Snapshot;
beforeAll(async () => {
  snapshot = (await loadSnapshot(path.resolve(import.meta.dirname, '../..'))).snapshot!;
}, 60_000);

describe('the country a message names', () => {
  it.each([
    ['كم يوم يوصل الكوب للكويت', 'KW'],
    ['تشحنون الشاي بالسعودية؟', 'SA'],
    ['هل توصلون للبحرين؟', 'BH'],
    ['والتوصيل للمغرب كم يأخذ', 'MA'],
  ])('finds an Arabic country name behind a prefix and its article: %s', (text, code) => {
    expect(findCountry(text, snapshot.countries)).toBe(code);
  });

  it.each([
    ['do you ship to Sydney?', 'AU'],
    ['how long to Toronto', 'CA'],
    ['¿cuánto tarda el envío a Guadalajara?', 'MX'],
    ['livrez-vous à Genève ?', 'CH'],
    ['Lieferung nach Wien?', 'AT'],
    ['quanto ci vuole per Milano?', 'IT'],
    ['entregam em Curitiba?', 'BR'],
    ['İzmir’e kaç günde gelir?', 'TR'],
    ['доставка в Москву сколько?', 'RU'],
    ['تشحنون للرياض؟', 'SA'],
    ['大阪まで何日かかりますか', 'JP'],
  ])('finds the country of a well-known city: %s', (text, code) => {
    expect(findCountry(text, snapshot.countries)).toBe(code);
  });

  // Istanbul is also written in languages whose names do not inflect: the Turkish one still gets its endings.
  it.each([
    ['ud yagi istanbula kac gunde gelir', 'TR'],
    ['istanbulda teslimat var mı', 'TR'],
  ])('finds a city inflected in its own language, whatever other languages write it: %s', (text, code) => {
    expect(findCountry(text, snapshot.countries)).toBe(code);
  });

  it.each(['what is the price of the mug?', 'كم سعر العين', 'la livraison est gratuite ?'])('finds none in a message that names none: %s', (text) => {
    expect(findCountry(text, snapshot.countries)).toBeUndefined();
  });
});
