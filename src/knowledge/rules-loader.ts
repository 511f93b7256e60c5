// rules/*.json, care/*.json and packages/*.json: each rule's conditions (operators that exist, patterns that are
// safe), unique names, and the templates and intents it names.
import path from 'node:path';
import isSafeRegex from 'safe-regex2';
import type { ZodType } from 'zod';
import type { ContentProblem } from '../shared/index.js';
import { editDistance, problemAt, type JsonDocument } from '../shared/index.js';
import { listJson, type ContentReader } from './content-reader.js';
import { isOrderTemplate } from './order-rules.js';
import { knownOperators } from './rules.js';
import { RulesFile, type Condition, type Rule } from '../content/index.js';
import type { CompiledTemplate } from '../content/index.js';

/** Visits a condition and every condition nested in it, with its path in the file. */
export function conditionFacts(condition: Condition, path: (string | number)[], visit: (condition: Condition, path: (string | number)[]) => void): void {
  visit(condition, path);
  for (const [index, child] of (condition.all ?? []).entries()) conditionFacts(child, [...path, 'all', index], visit);
  for (const [index, child] of (condition.any ?? []).entries()) conditionFacts(child, [...path, 'any', index], visit);
  if (condition.not) conditionFacts(condition.not, [...path, 'not'], visit);
}

/** A condition's operator must exist, and a pattern must compile and be safe from catastrophic backtracking. */
export function operatorProblems(document: JsonDocument, condition: Condition, path: (string | number)[]): ContentProblem[] {
  const found: ContentProblem[] = [];
  if (condition.operator === 'matches') {
    const source = String(condition.value);
    try {
      // linear: an operator's pattern is refused here unless safe-regex2 passes it.
      new RegExp(source, 'iu');
      if (!isSafeRegex(source)) {
        found.push(problemAt(document, [...path, 'value'], `the pattern /${source}/ risks catastrophic backtracking (nested repetition); simplify it`));
      }
    } catch (error) {
      found.push(problemAt(document, [...path, 'value'], `bad regular expression: ${(error as Error).message}`));
    }
  }
  if (condition.operator && !knownOperators.has(condition.operator)) {
    found.push(problemAt(document, [...path, 'operator'], `unknown operator "${condition.operator}"; use one of ${[...knownOperators].join(', ')}`));
  }
  return found;
}

export interface OrderRulesRead<R> {
  rules: R[];
  /** Where each rule is written, for problems found once the templates are known. */
  places: { document: JsonDocument; index: number }[];
}

/**
 * Reads care/*.json or packages/*.json: shapes, operators, patterns and unique names now; the templates they name
 * are checked once templates are loaded.
 */
export async function readOrderRules<R extends { name: string; conditions: unknown }>(
  reader: ContentReader,
  folder: 'care' | 'packages',
  schema: ZodType<{ rules: R[] }>,
): Promise<OrderRulesRead<R>> {
  const read: OrderRulesRead<R> = { rules: [], places: [] };
  for (const name of await listJson(path.join(reader.contentDir, folder))) {
    const file = await reader.read(`${folder}/${name}`, schema);
    if (!file) continue;
    file.value.rules.forEach((rule, index) => {
      conditionFacts(rule.conditions as Condition, ['rules', index, 'conditions'], (condition, at) =>
        reader.problems.push(...operatorProblems(file.document, condition, at)),
      );
      if (read.rules.some((other) => other.name === rule.name)) {
        reader.problems.push(problemAt(file.document, ['rules', index, 'name'], `rule name "${rule.name}" is used twice in ${folder}/`));
      }
      read.rules.push(rule);
      read.places.push({ document: file.document, index });
    });
  }
  return read;
}

/** The candidate within three edits of the name, if any: "care.shiped" → "care.shipped". */
function closest(name: string, candidates: string[]): string | undefined {
  const scored = candidates.map((candidate) => ({ candidate, score: editDistance(name, candidate) })).sort((a, b) => a.score - b.score);
  return scored[0] && scored[0].score <= 3 ? scored[0].candidate : undefined;
}

/** Every template an order rule names must exist in the default language. */
export function orderTemplateProblems(
  read: OrderRulesRead<{ event: { params: { template: string } } }>,
  defaultTemplates: ReadonlyMap<string, CompiledTemplate>,
): ContentProblem[] {
  const found: ContentProblem[] = [];
  read.rules.forEach((rule, position) => {
    const template = rule.event.params.template;
    if (defaultTemplates.has(template)) return;
    const { document, index } = read.places[position]!;
    const similar = closest(template, [...defaultTemplates.keys()].filter(isOrderTemplate));
    found.push(
      problemAt(document, ['rules', index, 'event', 'params', 'template'], `unknown template "${template}"${similar ? `; did you mean "${similar}"?` : ''}`),
    );
  });
  return found;
}

/** The templates and intents the content has, which rules may name. */
interface Known {
  templates: ReadonlyMap<string, unknown>;
  intents: Set<string>;
}

/** A rule's template must exist in the default language, and the intents its conditions name must exist. */
function ruleProblems(document: JsonDocument, rule: Rule, index: number, known: Known): ContentProblem[] {
  const found: ContentProblem[] = [];
  const at = (...rest: (string | number)[]) => ['rules', index, ...rest];
  const template = 'template' in rule.event.params ? rule.event.params.template : undefined;
  if (template && !known.templates.has(template)) {
    const similar = [...known.templates.keys()].find((id) => id.startsWith(template.split('.')[0]!));
    found.push(problemAt(document, at('event', 'params', 'template'), `unknown template "${template}"${similar ? `; did you mean "${similar}"?` : ''}`));
  }
  conditionFacts(rule.conditions as Condition, at('conditions'), (condition, path) => {
    found.push(...operatorProblems(document, condition, path));
    if (condition.fact === 'intent' && !condition.path) {
      const named = Array.isArray(condition.value) ? condition.value : [condition.value];
      for (const intent of named) {
        if (typeof intent === 'string' && !known.intents.has(intent)) found.push(problemAt(document, [...path, 'value'], `unknown intent "${intent}"`));
      }
    }
  });
  return found;
}

/** rules/*.json; each must name templates and intents that exist. */
export async function loadRules(reader: ContentReader, known: Known): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const name of await listJson(path.join(reader.contentDir, 'rules'))) {
    const read = await reader.read(`rules/${name}`, RulesFile);
    if (!read) continue;
    read.value.rules.forEach((rule, index) => {
      reader.problems.push(...ruleProblems(read.document, rule, index, known));
      if (rules.some((other) => other.name === rule.name)) {
        reader.problems.push(problemAt(read.document, ['rules', index, 'name'], `rule name "${rule.name}" is used twice`));
      }
      rules.push(rule);
    });
  }
  return rules;
}
