import { describe, expect, it } from 'vitest';
import { countryForms, countryValues, languageCountries } from '../../src/language/index.js';

const french = languageCountries('fr', {
  patterns: {
    default: { to: 'vers ce pays ({name})', in: 'dans ce pays ({name})' },
    le: { the: 'le {name}', to: 'au {name}', in: 'au {name}' },
    les: { the: 'les {name}', to: 'aux {name}', in: 'aux {name}' },
  },
  countries: {
    CA: { name: 'Canada', pattern: 'le' },
    US: { name: 'États-Unis', pattern: 'les' },
    IL: { name: 'Israël', to: 'en {name}', in: 'en Israël' },
  },
});
const phrases = new Map([
  ['fr', french],
  ['sv', languageCountries('sv')],
]);

describe('country phrases', () => {
  it("fills a listed country's pattern with its name", () => {
    expect(countryForms(phrases, 'fr', 'CA')).toEqual({ name: 'Canada', the: 'le Canada', to: 'au Canada', in: 'au Canada', listed: true });
    expect(countryValues(phrases, 'fr', 'US')).toEqual({
      countryName: 'États-Unis',
      theCountry: 'les États-Unis',
      toCountry: 'aux États-Unis',
      inCountry: 'aux États-Unis',
    });
  });

  it('prefers the forms a country writes out, and fills {name} in them too', () => {
    expect(countryForms(phrases, 'fr', 'IL')).toMatchObject({ the: 'Israël', to: 'en Israël', in: 'en Israël' });
  });

  it("gives a country the table leaves out the language's default pattern around its Intl name", () => {
    expect(countryForms(phrases, 'fr', 'KE')).toEqual({ name: 'Kenya', the: 'Kenya', to: 'vers ce pays (Kenya)', in: 'dans ce pays (Kenya)', listed: false });
  });

  it('writes the bare Intl name in a language without a table, with no preposition it could get wrong', () => {
    expect(countryForms(phrases, 'sv', 'DE')).toEqual({ name: 'Tyskland', the: 'Tyskland', to: 'Tyskland', in: 'Tyskland', listed: false });
  });

  it('has no values for a reply without a country', () => {
    expect(countryValues(phrases, 'fr', undefined)).toEqual({});
  });
});
