// The compiled rules must give exactly what json-rules-engine gives: the same rules matched, in the same order, with
// the same events, or an error where it fails. Checked on the shipped rules and on random ones, with random facts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, engineRules } from '../../src/knowledge/rules.js';
import { RulesFile, type Condition, type Rule, type RuleRunner } from '../../src/content/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const shippedRules: Rule[] = readdirSync(path.join(root, 'rules'))
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => RulesFile.parse(JSON.parse(readFileSync(path.join(root, 'rules', name), 'utf8'))).rules);

async function outcome(runner: RuleRunner, facts: Record<string, unknown>) {
  try {
    return { matched: await runner.run(facts) };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

async function expectSame(rules: Rule[], generatedFacts: Record<string, unknown>) {
  // Rules come from JSON files and facts are built per message, so they never share an object; generated ones can
  // (a constant array in both), which json-rules-engine's copies of the facts would hide and plain reads would not.
  const facts = structuredClone(generatedFacts);
  const expected = await outcome(engineRules(rules), facts);
  const actual = await outcome(compileRules(rules), facts);
  expect(actual).toEqual(expected);
  return expected;
}

/** Every fact, path and value the rules name, so that random facts often meet them. */
function namedInRules(rules: Rule[]) {
  const leaves: { fact: string; path?: string; value: unknown }[] = [];
  const visit = (condition: Condition) => {
    for (const inner of [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.not ? [condition.not] : [])]) visit(inner);
    if (condition.fact) leaves.push({ fact: condition.fact, path: condition.path, value: condition.value });
  };
  for (const rule of rules) visit(rule.conditions as Condition);
  return leaves;
}

/** A value like those the rules compare with, or an unlike one: their own values, list items, numbers as text. */
function valueNear(values: unknown[]): fc.Arbitrary<unknown> {
  const items = values.flatMap((value) => (Array.isArray(value) ? value : [value]));
  return fc.oneof(
    fc.constantFrom(...items, undefined, null, '', 0, 1, '5', true, false, []),
    fc.array(fc.constantFrom(...items, 'other')),
    fc.string({ maxLength: 8 }),
    fc.integer({ min: -3, max: 100 }),
  );
}

/** Facts shaped as the rules read them: each fact a value, or an object along the paths the rules follow. */
function factsFor(rules: Rule[]): fc.Arbitrary<Record<string, unknown>> {
  const byFact = new Map<string, { paths: Map<string, unknown[]>; values: unknown[] }>();
  for (const { fact, path: at, value } of namedInRules(rules)) {
    if (!byFact.has(fact)) byFact.set(fact, { paths: new Map(), values: [] });
    const entry = byFact.get(fact)!;
    if (at) entry.paths.set(at, [...(entry.paths.get(at) ?? []), value]);
    else entry.values.push(value);
  }
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [fact, { paths, values }] of byFact) {
    const shaped = fc.record(Object.fromEntries([...paths].map(([at, near]) => [at, valueNear(near)])), { requiredKeys: [] }).map((flat) => {
      const object: Record<string, unknown> = {};
      for (const [at, value] of Object.entries(flat)) {
        const keys = at.split('.');
        let cursor = object;
        for (const key of keys.slice(0, -1)) cursor = (cursor[key] ??= {}) as Record<string, unknown>;
        cursor[keys.at(-1)!] = value;
      }
      return object;
    });
    record[fact] = paths.size > 0 ? fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: valueNear(values), weight: 1 }) : valueNear(values);
  }
  return fc.record(record, { requiredKeys: [] });
}

describe('compiled rules', () => {
  it('give what json-rules-engine gives for the shipped rules, on random facts', async () => {
    let matchedSome = 0;
    await fc.assert(
      fc.asyncProperty(factsFor(shippedRules), async (facts) => {
        const { matched } = await expectSame(shippedRules, facts);
        if (matched && matched.length > 0) matchedSome++;
      }),
      { numRuns: 3000 },
    );
    // The facts must reach the rules, or the comparison would prove little.
    expect(matchedSome).toBeGreaterThan(300);
  });

  const operators = [
    'equal',
    'notEqual',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
    'in',
    'notIn',
    'contains',
    'doesNotContain',
    'present',
    'oneOfPrefix',
    'containsAnyWord',
    'matches',
  ];
  const values = fc.oneof(
    fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      3,
      7.5,
      '3',
      '10',
      'a',
      'order',
      'order.status',
      'b c',
      '',
      [],
      ['a', 3],
      ['order'],
      'x+',
      { fact: 'b' },
      { fact: 'a', path: 'x' },
    ),
    fc.integer({ min: -5, max: 12 }),
  );
  const leaf: fc.Arbitrary<Condition> = fc.record(
    {
      fact: fc.constantFrom('a', 'b', 'c', 'toString'),
      path: fc.constantFrom(undefined, 'x', 'x.y', '0'),
      operator: fc.constantFrom(...operators),
      value: values,
    },
    { requiredKeys: ['fact', 'operator', 'value'] },
  );
  const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
      fc.record({ not: tie('condition') }),
    ),
  }));
  const rule = fc.record({
    name: fc.string({ minLength: 1, maxLength: 4 }),
    priority: fc.integer({ min: 1, max: 3 }),
    conditions: fc.oneof(fc.record({ all: fc.array(condition, { maxLength: 3 }) }), fc.record({ any: fc.array(condition, { maxLength: 3 }) })),
    event: fc.oneof(fc.constant({ type: 'tag', params: { tag: 't' } }), fc.constant({ type: 'reply', params: { template: 'x' } })),
  }) as fc.Arbitrary<Rule>;
  const anyFact = fc.oneof(values, fc.record({ x: fc.oneof(values, fc.record({ y: values })) }), fc.constantFrom(['a', 'b'], 'order.status'));

  it('give what json-rules-engine gives for random rules on random facts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(rule, { maxLength: 6, selector: (generated) => generated.name }),
        fc.record({ a: anyFact, b: anyFact, c: anyFact }, { requiredKeys: [] }),
        async (rules, facts) => {
          await expectSame(rules, facts);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('hand out events that cannot be changed by whoever reads them', async () => {
    const rules: Rule[] = [
      {
        name: 'hi',
        priority: 1,
        conditions: { all: [{ fact: 'intent', operator: 'equal', value: 'greeting' }] },
        event: { type: 'reply', params: { template: 'greeting' } },
      },
    ];
    const runner = compileRules(rules);
    const [first] = await runner.run({ intent: 'greeting' });
    expect(() => Object.assign(first!.event.params, { template: 'other' })).toThrow(TypeError);
    const [second] = await runner.run({ intent: 'greeting' });
    expect(second!.event).toEqual({ type: 'reply', params: { template: 'greeting' } });
  });
});
