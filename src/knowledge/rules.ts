// Compiles the operator's rules into a json-rules-engine Engine with a plain dot-path resolver (never JSONPath:
// its path library has had code-execution advisories) and a few operators that keep rules readable.
import { Engine } from 'json-rules-engine';
import { fold } from '../shared/index.js';
import { resolvePath } from './fact-path.js';
import type { Condition, MatchedRule, Rule, RuleEvent, RuleRunner } from '../content/index.js';

const isPresent = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

const patterns = new Map<string, RegExp>();
/** Rule patterns are checked by `borderless check` (syntax, catastrophic backtracking) before they get here. */
function pattern(source: string): RegExp {
  let compiled = patterns.get(source);
  // linear: content whose patterns safe-regex2 refuses never loads (see operatorProblems in load.ts).
  if (!compiled) patterns.set(source, (compiled = new RegExp(source, 'iu')));
  return compiled;
}

/** Operators beyond json-rules-engine's own, named for what a rule means. */
export const customOperators: Record<string, (factValue: unknown, ruleValue: unknown) => boolean> = {
  /** `{"fact": "text", "operator": "matches", "value": "\\bcoupon\\b"}`: a regular expression, case-insensitive. */
  matches: (factValue, ruleValue) => typeof factValue === 'string' && typeof ruleValue === 'string' && pattern(ruleValue).test(factValue),
  /** `{"fact": "text", "operator": "containsAnyWord", "value": ["lawyer", "abogado"]}`: any of the words, accents ignored. */
  containsAnyWord: (factValue, ruleValue) => {
    if (typeof factValue !== 'string' || !Array.isArray(ruleValue)) return false;
    const words = new Set(fold(factValue).split(/[^\p{L}\p{N}]+/u));
    return ruleValue.some((word) => words.has(fold(String(word))));
  },
  /** `{"fact": "entities", "path": "orderNumber", "operator": "present", "value": true}` */
  present: (factValue, ruleValue) => isPresent(factValue) === (ruleValue !== false),
  /** True when the fact (a string) is one of the listed values or starts with one followed by a dot. */
  oneOfPrefix: (factValue, ruleValue) =>
    typeof factValue === 'string' && Array.isArray(ruleValue) && ruleValue.some((prefix) => factValue === prefix || factValue.startsWith(`${String(prefix)}.`)),
};

const builtInOperators = 'equal notEqual lessThan lessThanInclusive greaterThan greaterThanInclusive in notIn contains doesNotContain'.split(' ');

export const knownOperators = new Set([...builtInOperators, ...Object.keys(customOperators)]);

/** Operators a guard may check before the engine runs, with json-rules-engine's meaning of the built-in ones. */
const guardOperators: Record<string, (factValue: unknown, ruleValue: unknown) => boolean> = {
  equal: (factValue, ruleValue) => factValue === ruleValue,
  notEqual: (factValue, ruleValue) => factValue !== ruleValue,
  in: (factValue, ruleValue) => !Array.isArray(ruleValue) || ruleValue.includes(factValue),
  notIn: (factValue, ruleValue) => !Array.isArray(ruleValue) || !ruleValue.includes(factValue),
  ...customOperators,
};

type Guard = (facts: Record<string, unknown>) => boolean;

/** json-rules-engine's other built-in operators, with its meaning, for conditions checked without an engine. */
const numeric = (compare: (a: number, b: number) => boolean) => (factValue: unknown, ruleValue: unknown) =>
  typeof factValue === 'number' && typeof ruleValue === 'number' && compare(factValue, ruleValue);
const syncOperators: Record<string, (factValue: unknown, ruleValue: unknown) => boolean> = {
  ...guardOperators,
  in: (factValue, ruleValue) => Array.isArray(ruleValue) && ruleValue.includes(factValue),
  notIn: (factValue, ruleValue) => Array.isArray(ruleValue) && !ruleValue.includes(factValue),
  lessThan: numeric((a, b) => a < b),
  lessThanInclusive: numeric((a, b) => a <= b),
  greaterThan: numeric((a, b) => a > b),
  greaterThanInclusive: numeric((a, b) => a >= b),
  contains: (factValue, ruleValue) => Array.isArray(factValue) && factValue.includes(ruleValue),
  doesNotContain: (factValue, ruleValue) => Array.isArray(factValue) && !factValue.includes(ruleValue),
};

/**
 * A condition of the rules' form (all / any / not, fact, path, operator, value) as a plain function, for the short
 * conditions of forms that are checked on every message without the cost of an engine run.
 */
export function compileCondition(condition: Condition): Guard {
  // Plain loops: a callback made per call (every, some) would be garbage on every message.
  if (condition.all) return allOf(condition.all.map(compileCondition));
  if (condition.any) {
    const parts = condition.any.map(compileCondition);
    return (facts) => {
      for (const part of parts) if (part(facts)) return true;
      return false;
    };
  }
  if (condition.not) {
    const inner = compileCondition(condition.not);
    return (facts) => !inner(facts);
  }
  const operator = syncOperators[condition.operator ?? ''] ?? (() => false);
  const { fact = '', path, value } = condition;
  return (facts) => operator(path ? resolvePath(facts[fact], path) : facts[fact], value);
}

/** Whether every check holds, the first that fails ending it. */
function allOf(checks: Guard[]): Guard {
  return (facts) => {
    for (const check of checks) if (!check(facts)) return false;
    return true;
  };
}

/**
 * The rule's top-level "all" conditions that can be checked on the facts alone (no fact on the right-hand side):
 * when one of them fails, the rule cannot match, and the engine need not see it.
 */
function guardsOf(rule: Rule): Guard[] {
  const conditions = 'all' in rule.conditions ? (rule.conditions.all ?? []) : [];
  return conditions.flatMap((condition): Guard[] => {
    const operator = condition.operator && guardOperators[condition.operator];
    const comparesFacts = typeof condition.value === 'object' && condition.value !== null && 'fact' in condition.value;
    if (!condition.fact || !operator || comparesFacts) return [];
    const { fact, path, value } = condition;
    return [(facts) => operator(path ? resolvePath(facts[fact], path) : facts[fact], value)];
  });
}

/** Engines kept for this many different sets of rules at most; the oldest set goes first. */
const MAX_RULE_SETS = 500;

/**
 * The rules run by json-rules-engine itself. An Engine keeps its run status on itself, so two overlapping runs on
 * one Engine cut each other short; each run therefore borrows an idle Engine from a pool, which also lets it stop
 * at the first priority that acts. Before a run, each rule's simple conditions (the intent, the order look-up, what
 * the bot awaits…) are checked on the facts, and the run goes to an Engine holding only the rules still in play:
 * json-rules-engine copies every rule it evaluates. Used for rules with an operator the compiled runner does not
 * know, and as the reference the compiled runner is tested against.
 */
export function engineRules(rules: Rule[]): RuleRunner {
  const order = new Map(rules.map((rule, index) => [rule.name, index]));
  const guarded = rules.map((rule, index) => ({ rule, index, guards: guardsOf(rule) }));
  const createEngine = (inPlay: Rule[]) => {
    const engine = new Engine([], {
      allowUndefinedFacts: true,
      pathResolver: (object: unknown, path: string) => resolvePath(object, path),
    });
    for (const [name, evaluate] of Object.entries(customOperators)) engine.addOperator(name, evaluate);
    for (const rule of inPlay) engine.addRule({ name: rule.name, priority: rule.priority, conditions: rule.conditions as never, event: rule.event });
    engine.on('success', (event) => {
      if (event.type !== 'tag') engine.stop();
    });
    return engine;
  };
  const pools = new Map<string, Engine[]>();
  return {
    async run(facts) {
      const inPlay = guarded.filter(({ guards }) => guards.every((guard) => guard(facts)));
      const key = inPlay.map(({ index }) => index).join(',');
      let idle = pools.get(key);
      if (!idle) {
        if (pools.size >= MAX_RULE_SETS) pools.delete(pools.keys().next().value!);
        pools.set(key, (idle = []));
      }
      const engine = idle.pop() ?? createEngine(inPlay.map(({ rule }) => rule));
      try {
        const { results } = await engine.run(facts);
        return results
          .map((result) => ({ name: String(result.name), priority: result.priority ?? 1, event: result.event as RuleEvent }))
          .sort((a, b) => b.priority - a.priority || order.get(a.name)! - order.get(b.name)!);
      } finally {
        idle.push(engine);
      }
    },
  };
}

// json-rules-engine's own operators, to the letter: its fact-value checks included ("5" passes as a number, as
// parseFloat reads it) and `in` on a string value meaning a substring.
type Operator = (factValue: unknown, ruleValue: unknown) => boolean;
const isNumberLike = (value: unknown) => Number.parseFloat(value as string).toString() !== 'NaN';
const indexIn = (list: unknown, item: unknown) => (list as unknown[]).indexOf(item);
const engineOperators: Record<string, Operator> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexIn(b, a) > -1,
  notIn: (a, b) => indexIn(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumberLike(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as number) >= (b as number),
  ...customOperators,
};

/** A fact's value as json-rules-engine's almanac gives it: own facts only; a path into a non-object gives the value. */
function factValue(facts: Record<string, unknown>, fact: unknown, path: unknown): unknown {
  const value = typeof fact === 'string' && Object.hasOwn(facts, fact) ? facts[fact] : undefined;
  if (!path || value === null || typeof value !== 'object') return value;
  return resolvePath(value, path as string);
}

/** The right-hand side: a `{"fact": …, "path": …}` value names another fact. */
function ruleValue(facts: Record<string, unknown>, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'fact')) return value;
  const reference = value as { fact: unknown; path?: unknown };
  return factValue(facts, reference.fact, reference.path);
}

/**
 * A rule's conditions as one plain function with json-rules-engine's meaning, or undefined when an operator is not
 * one it knows here. Like the engine, every condition of an all/any is evaluated (an error is never skipped), an
 * empty all or any holds, and not holds when its one condition does not.
 */
function compileEngineCondition(condition: Condition): Guard | undefined {
  const list = condition.all ?? condition.any;
  if (list) {
    const parts = list.map(compileEngineCondition);
    if (parts.some((part) => !part)) return undefined;
    const checks = parts as Guard[];
    if (checks.length === 0) return () => true;
    if (condition.all) {
      return (facts) => {
        let holds = true;
        for (const check of checks) holds = check(facts) && holds;
        return holds;
      };
    }
    return (facts) => {
      let holds = false;
      for (const check of checks) holds = check(facts) || holds;
      return holds;
    };
  }
  if (condition.not) {
    const inner = compileEngineCondition(condition.not);
    return inner && ((facts) => !inner(facts));
  }
  const operator = Object.hasOwn(engineOperators, condition.operator ?? '') ? engineOperators[condition.operator!] : undefined;
  if (!operator) return undefined;
  const { fact, path, value } = condition;
  const valueNamesFact = value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
  if (valueNamesFact) return (facts) => operator(factValue(facts, fact, path), ruleValue(facts, value));
  return (facts) => operator(factValue(facts, fact, path), value);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The operator's rules, compiled once per snapshot into plain functions that give what json-rules-engine gives
 * (the same operators, conditions, priorities and events) without its cost on every message: no almanac, no copy
 * of each rule and its event, no promise per condition. Rules run by priority, highest first, every rule of a
 * priority together; the first priority with a rule that acts (anything but a tag) is the last one run. Events are
 * the rules' own, frozen, so that they can be handed out without a copy. Rules with an operator this does not know
 * run on json-rules-engine.
 */
export function compileRules(rules: Rule[]): RuleRunner {
  const compiled = rules.map((rule) => {
    const conditions = compileEngineCondition(rule.conditions as Condition);
    const guards = allOf(guardsOf(rule));
    // The guards first, as for the engine: a rule whose simple conditions fail is never evaluated further.
    return { rule, matches: conditions && ((facts: Record<string, unknown>) => guards(facts) && conditions(facts)) };
  });
  if (compiled.some(({ matches }) => !matches)) return engineRules(rules);
  const priorities = [...new Set(rules.map((rule) => rule.priority))].sort((a, b) => b - a);
  const groups = priorities.map((priority) =>
    compiled
      .filter(({ rule }) => rule.priority === priority)
      .map(({ rule, matches }) => ({
        matches: matches!,
        matched: { name: rule.name, priority, event: deepFreeze(structuredClone(rule.event)) } as MatchedRule,
      })),
  );
  return {
    run(facts) {
      const matched: MatchedRule[] = [];
      for (const group of groups) {
        let acts = false;
        for (const { matches, matched: rule } of group) {
          if (!matches(facts)) continue;
          matched.push(rule);
          acts ||= rule.event.type !== 'tag';
        }
        if (acts) break;
      }
      return matched;
    },
  };
}
