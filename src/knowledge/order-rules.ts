// The rules about orders rather than messages: care/*.json (what to tell a shopper when the store reports an
// order event) and packages/*.json (what to put in a parcel). Same conditions and operators as rules/, their own
// events; every matching rule counts, not only the first.
import { Engine } from 'json-rules-engine';
import { z } from 'zod';
import { ORDER_VALUES } from '../orders/index.js';
import { COUNTRY_VALUES } from '../language/index.js';
import { Condition, TemplateId } from './schema.js';
import { customOperators, resolvePath } from './rules.js';

/** Values an order gives to care.* and packages.* templates, besides the store's variables. */
export const ORDER_TEMPLATE_VALUES = [...ORDER_VALUES, 'country', ...COUNTRY_VALUES, 'today'];

/** Templates whose ids start with these are written about an order and may use its values. */
export const isOrderTemplate = (id: string) => id.startsWith('care.') || id.startsWith('packages.');

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

export interface OrderRuleMatch<E> {
  name: string;
  description?: string;
  priority: number;
  event: E;
}

export interface OrderRuleSet<R extends { name: string; description?: string; priority: number; event: unknown }> {
  readonly rules: readonly R[];
  /** Every rule that matches the facts, highest priority first (file order among equals). */
  run(facts: Record<string, unknown>): Promise<OrderRuleMatch<R['event']>[]>;
}

/** An Engine keeps its run status on itself, so each run borrows an idle one from a small pool. */
export function compileOrderRules<R extends { name: string; description?: string; priority: number; conditions: unknown; event: { type: string } }>(
  rules: R[],
): OrderRuleSet<R> {
  const byName = new Map(rules.map((rule, index) => [rule.name, { rule, index }]));
  const idle: Engine[] = [];
  const createEngine = () => {
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: (object: unknown, path: string) => resolvePath(object, path) });
    for (const [name, evaluate] of Object.entries(customOperators)) engine.addOperator(name, evaluate);
    for (const rule of rules) engine.addRule({ name: rule.name, priority: rule.priority, conditions: rule.conditions as never, event: rule.event });
    return engine;
  };
  return {
    rules,
    async run(facts) {
      if (rules.length === 0) return [];
      const engine = idle.pop() ?? createEngine();
      try {
        const { results } = await engine.run(facts);
        return results
          .map((result) => byName.get(String(result.name))!)
          .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
          .map(({ rule }) => ({ name: rule.name, description: rule.description, priority: rule.priority, event: rule.event }));
      } finally {
        idle.push(engine);
      }
    },
  };
}
