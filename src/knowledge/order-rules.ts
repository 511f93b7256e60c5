// The rules about orders rather than messages: care/*.json (what to tell a shopper when the store reports an
// order event) and packages/*.json (what to put in a parcel). Same conditions and operators as rules/, their own
// events; every matching rule counts, not only the first. Their shapes are content/order-rules.ts; here they are
// compiled, and the values their templates may use are named.
import { Engine } from 'json-rules-engine';
import { ORDER_VALUES } from '../orders/index.js';
import { COUNTRY_VALUES } from '../language/index.js';
import type { OrderRuleSet } from '../content/index.js';
import { resolvePath } from './fact-path.js';
import { customOperators } from './rules.js';

/** Values an order gives to care.* and packages.* templates, besides the store's variables. */
export const ORDER_TEMPLATE_VALUES = [...ORDER_VALUES, 'country', ...COUNTRY_VALUES, 'today'];

/** Templates whose ids start with these are written about an order and may use its values. */
export const isOrderTemplate = (id: string) => id.startsWith('care.') || id.startsWith('packages.');

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
