// The shapes of shipping/zones.json and shipping/duties.json, the operator's shipping content. Parsed once when
// content loads.
import { z } from 'zod';

const currencies = new Set(Intl.supportedValuesOf('currency'));
const Currency = z.string().refine((code) => currencies.has(code), 'an ISO 4217 currency code such as "EUR"');
/** An ISO 3166-1 alpha-2 code ("DE"), or "EU" for the member states of the European Union. */
const CountryOrGroup = z.string().regex(/^([A-Z]{2}|\*)$/, 'a country code such as "DE", "EU" for the European Union, or "*" for every other country');

/** shipping/zones.json: where the store ships, with which carriers, how fast and for how much. */
export const ZonesFile = z.strictObject({
  zones: z.array(
    z
      .strictObject({
        id: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'zone ids are lower-case words such as "eu" or "north_america"'),
        countries: z.array(CountryOrGroup).min(1),
        carriers: z.array(z.string().min(1).max(60)).min(1),
        minDays: z.number().int().min(0).max(120),
        maxDays: z.number().int().min(0).max(120),
        cost: z.number().nonnegative(),
        currency: Currency,
        /** Orders from this amount (in the zone's currency) ship free. */
        freeOver: z.number().positive().optional(),
      })
      .refine((zone) => zone.minDays <= zone.maxDays, { message: 'minDays is more than maxDays', path: ['maxDays'] }),
  ),
});
export type ZonesFile = z.infer<typeof ZonesFile>;
export type ShippingZone = ZonesFile['zones'][number];

/** shipping/duties.json: who pays import duties and taxes, per country or region; the first matching rule wins. */
export const DutiesFile = z.strictObject({
  rules: z.array(
    z.strictObject({
      countries: z.array(CountryOrGroup).min(1),
      /** The note to tell the shopper: the template customs_duties.note.<note>. */
      note: z.string().regex(/^[a-z][a-z0-9_]*$/, 'note keys are snake_case, such as "vat_at_checkout"'),
      /** An amount the note speaks of ("no duties under $800"), as {threshold} in its template. */
      threshold: z.strictObject({ amount: z.number().positive(), currency: Currency }).optional(),
    }),
  ),
});
export type DutiesFile = z.infer<typeof DutiesFile>;
export type DutyRule = DutiesFile['rules'][number];
