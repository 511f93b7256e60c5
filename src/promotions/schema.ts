// promotions/promotions.json: the store's discount codes and their conditions, as operators write them.
import { z } from 'zod';

const Currency = z.string().regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code such as "EUR"');
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'not a real day');
const Language = z.string().regex(/^[a-z]{2,3}$/, 'a language is an ISO 639-1 code such as "en"');

export const Promotion = z.strictObject({
  /** What the shopper types at checkout; matched whatever its case. */
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,29}$/, 'a code is 3 to 30 letters, digits, "-" or "_"'),
  /** What it gives, per language ("10% off your first order"); the default language's is required. */
  description: z.record(Language, z.string().trim().min(1).max(200)),
  /** The least the order must come to, per currency ({"EUR": 30, "USD": 35}); a currency not listed cannot use it. */
  minimumOrder: z.record(Currency, z.number().positive()).optional(),
  /** Where it works: country codes, "EU" for its member states, "*" for everywhere. */
  countries: z.array(z.string()).min(1).default(['*']),
  /** Currencies the order may be paid in; all when left out. */
  currencies: z.array(Currency).min(1).optional(),
  /** First and last day it works (both included, in the store's time zone); open-ended when left out. */
  startsOn: Day.optional(),
  endsOn: Day.optional(),
  /** Only on a customer's first order. */
  firstOrderOnly: z.boolean().default(false),
  /** Whether it can be used together with another code. */
  combinable: z.boolean().default(true),
  /** Listed when a shopper asks for discounts; a private code is still diagnosed when a shopper names it. */
  listed: z.boolean().default(true),
});
export type Promotion = z.infer<typeof Promotion>;

export const PromotionsFile = z.strictObject({
  /** The shopper's currency when no amount, order or cart says: per country ("EU" allowed), else the default. */
  currencies: z
    .strictObject({
      default: Currency,
      byCountry: z.record(z.string(), Currency).default({}),
      /** Words shoppers write for a currency, in any language ({"EUR": ["euro", "euros", "евро"]}). */
      words: z.record(Currency, z.array(z.string().trim().min(1).max(30))).default({}),
    })
    .optional(),
  promotions: z.array(Promotion),
});
export type PromotionsFile = z.infer<typeof PromotionsFile>;
