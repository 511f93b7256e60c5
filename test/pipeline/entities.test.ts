import { describe, expect, it } from 'vitest';
import { buildCountryIndex } from '../../src/language/index.js';
import { extractEntities } from '../../src/pipeline/entities.js';

const countries = buildCountryIndex(['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'tr', 'ar', 'ja']);
const entities = (text: string) => extractEntities(text, countries);

describe('extractEntities', () => {
  it('finds order numbers with and without a hash', () => {
    expect(entities('where is my order #100234?').orderNumber).toBe('100234');
    expect(entities('pedido 558812 no llega').orderNumber).toBe('558812');
    expect(entities('طلبي رقم ١٠٠٢٣٤').orderNumber).toBe('100234');
    expect(entities('注文番号は１００２３４です').orderNumber).toBe('100234');
  });

  it('does not take quantities, sizes, prices or years for order numbers', () => {
    expect(entities('I need 2 shirts in size 42 for 19.99').orderNumber).toBeUndefined();
    expect(entities('ordered in 2024').orderNumber).toBeUndefined();
  });

  it('finds UPU and UPS tracking codes', () => {
    expect(entities('tracking LX123456789CN please').trackingCode).toBe('LX123456789CN');
    expect(entities('1z999aa10123456784').trackingCode).toBe('1Z999AA10123456784');
  });

  it('finds e-mail addresses and does not read their digits as an order', () => {
    expect(entities('mail me at ana.perez+shop@example.com')).toEqual({ email: 'ana.perez+shop@example.com' });
  });

  it('maps a country named in any supported language to its ISO code', () => {
    expect(entities('do you ship to Chile?').country).toBe('CL');
    expect(entities('envían a estados unidos?').country).toBe('US');
    expect(entities('livrez-vous en Allemagne ?').country).toBe('DE');
    expect(entities('доставка в Германию').country).toBe('DE');
    expect(entities('ドイツに発送できますか').country).toBe('DE');
    expect(entities('هل تشحنون إلى السعودية').country).toBe('SA');
    expect(entities("Türkiye'ye kargo var mı").country).toBe('TR');
  });

  it('also finds the names and phrases a content table writes, unless they hold an ambiguous word', () => {
    const withTables = buildCountryIndex(
      ['en', 'pl'],
      [
        ['do Niemiec', 'DE'],
        ["ABD'ye", 'US'],
        ['to Georgia', 'GE'],
      ],
    );
    expect(extractEntities('czy wysyłacie do Niemiec?', withTables).country).toBe('DE');
    expect(extractEntities("ABD'ye kargo var mı", withTables).country).toBe('US');
    expect(extractEntities('do you ship to Georgia?', withTables).country).toBeUndefined();
    expect(entities('czy wysyłacie do Niemiec?').country).toBeUndefined();
  });

  it('knows South Africa and American Samoa, and does not take Südafrika for Sudan', () => {
    expect(entities('do you ship to South Africa?').country).toBe('ZA');
    expect(entities('Liefert ihr nach Südafrika?').country).toBe('ZA');
    expect(entities('shipping to American Samoa').country).toBe('AS');
  });

  it('finds nothing in a message without letters or numbers', () => {
    expect(entities('👍🙂')).toEqual({});
  });
});

describe('country names and ordinary words', () => {
  it('does not take pronouns or words that begin like a country for a country', () => {
    expect(entities('can you help us with the order').country).toBeUndefined();
    expect(entities('how much does your express delivery service cost?').country).toBeUndefined();
    expect(entities('cuánto cuesta el servicio de envío?').country).toBeUndefined();
    expect(entities('combien coûte le service de livraison express ?').country).toBeUndefined();
  });

  it('still finds inflected names in Russian, Polish and Turkish', () => {
    expect(entities('доставляете во Францию?').country).toBe('FR');
    expect(entities('wysyłka do Hiszpanii').country).toBe('ES');
    expect(entities('Almanyaya kargo').country).toBe('DE');
  });
});
