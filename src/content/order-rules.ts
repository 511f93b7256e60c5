// The shapes of the rules about orders rather than messages: care/*.json (what to tell a shopper when the store
// reports an order event) and packages/*.json (what to put in a parcel). Same conditions as rules/, their own events.
import { z } from 'zod';
import { Condition, TemplateId } from './schema.js';

const RuleValues = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'value names are plain identifiers'), z.union([z.string(), z.number(), z.boolean()]));

const TopConditions = z.union([z.strictObject({ all: z.array(Condition) }), z.strictObject({ any: z.array(Condition) }), z.strictObject({ not: Condition })]);

export const CareEvent = z.discriminatedUnion('type', [
  z.strictObject({
    /** Write to the shopper now. */
    type: z.literal('message'),
    params: z.strictObject({ template: TemplateId, values: RuleValues.optional() }),
  }),
  z.strictObject({
    /** Write to the shopper later (FOLLOW_UP_DAYS after the event unless afterDays says otherwise), once per order. */
    type: z.literal('follow_up'),
    params: z.strictObject({ template: TemplateId, afterDays: z.number().min(0).max(365).optional(), values: RuleValues.optional() }),
  }),
]);
export type CareEvent = z.infer<typeof CareEvent>;

export const CareRule = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  priority: z.number().int().min(1).default(1),
  conditions: TopConditions,
  event: CareEvent,
});
export type CareRule = z.infer<typeof CareRule>;

/** care/*.json */
export const CareRulesFile = z.strictObject({ rules: z.array(CareRule) });

export const PackageEvent = z.strictObject({
  type: z.literal('insert'),
  params: z.strictObject({
    /** What goes in the parcel ("thank_you_card", "gift"); two rules naming one insert give it once. */
    insert: z.string().regex(/^[a-z][a-z0-9_]*$/, 'insert ids are snake_case'),
    template: TemplateId,
    values: RuleValues.optional(),
  }),
});
export type PackageEvent = z.infer<typeof PackageEvent>;

export const PackageRule = z.strictObject({
  name: z.string().min(1),
  /** Why the insert is suggested, in plain words: it is shown to whoever packs the parcel. */
  description: z.string().min(1, 'say in plain words why this insert goes in the parcel'),
  priority: z.number().int().min(1).default(1),
  conditions: TopConditions,
  event: PackageEvent,
});
export type PackageRule = z.infer<typeof PackageRule>;

/** packages/*.json */
export const PackageRulesFile = z.strictObject({ rules: z.array(PackageRule) });
