// shipping/zones.json and shipping/duties.json: the zones a store ships to and the duties notes by country.
import { DutiesFile, ZonesFile, type ShippingContent } from '../shipping/index.js';
import { EU_COUNTRIES, problemAt } from '../shared/index.js';
import type { ContentReader } from './content-reader.js';
import { isCountryCode } from './countries.js';

/** A country code, or EU (its members) or * (everywhere else). */
export const isCountry = (code: string) => code === 'EU' || code === '*' || isCountryCode(code);

/**
 * shipping/zones.json and shipping/duties.json, both optional: without zones the bot answers shipping questions
 * with its general templates. A country in two zones, an unknown code or a duties note without a template is an error.
 */
export async function loadShipping(reader: ContentReader, defaultTemplates: ReadonlyMap<string, unknown>): Promise<ShippingContent | undefined> {
  const zones = await reader.read('shipping/zones.json', ZonesFile, true);
  const duties = await reader.read('shipping/duties.json', DutiesFile, true);
  if (!zones && !duties) return undefined;
  const problems = reader.problems;
  if (zones) {
    const zoneOf = new Map<string, string>();
    zones.value.zones.forEach((zone, index) => {
      if (zones.value.zones.findIndex((other) => other.id === zone.id) !== index) {
        problems.push(problemAt(zones.document, ['zones', index, 'id'], `zone id "${zone.id}" is used twice`));
      }
      zone.countries.forEach((code, position) => {
        const at = ['zones', index, 'countries', position];
        if (!isCountry(code)) {
          problems.push(problemAt(zones.document, at, `"${code}" is not a country code`));
          return;
        }
        // A country named in two zones would get whichever comes first: say so instead of guessing.
        for (const country of code === 'EU' ? EU_COUNTRIES : [code]) {
          const earlier = zoneOf.get(country);
          if (earlier && earlier !== zone.id && code !== 'EU' && code !== '*') {
            problems.push(problemAt(zones.document, at, `${country} is already in zone "${earlier}"`));
          }
          if (code !== '*' && !earlier) zoneOf.set(country, zone.id);
        }
      });
    });
  }
  if (duties) {
    duties.value.rules.forEach((rule, index) => {
      rule.countries.forEach((code, position) => {
        if (!isCountry(code)) problems.push(problemAt(duties.document, ['rules', index, 'countries', position], `"${code}" is not a country code`));
      });
      const template = `customs_duties.note.${rule.note}`;
      if (!defaultTemplates.has(template)) {
        problems.push(problemAt(duties.document, ['rules', index, 'note'], `note "${rule.note}" has no template "${template}" in the default language`));
      }
    });
  }
  return { zones: zones?.value.zones ?? [], duties: duties?.value.rules ?? [] };
}
