// templates/<lang>/*.json: each variant compiled as an ICU message in its language's locale, and checked for the
// values it uses (each must be one some rule or fact provides) and for missing translations.
import path from 'node:path';
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { ORDER_VALUES, RENAMED_ORDER_VALUES, WRITTEN_DATES } from '../orders/index.js';
import { COUNTRY_VALUES } from '../language/index.js';
import { PRODUCT_VALUES } from '../products/index.js';
import { SHIPPING_VALUES } from '../shipping/index.js';
import { PROMOTION_VALUES } from '../promotions/index.js';
import type { ContentProblem } from '../shared/index.js';
import { problemAt } from '../shared/index.js';
import { listFolders, listJson, type ContentReader } from './content-reader.js';
import { isOrderTemplate } from './order-rules.js';
import { TemplatesFile, type Settings } from '../content/index.js';
import type { CompiledTemplate } from '../content/index.js';

/** Values every template may use: the message's entities and the renderer's own, besides settings.variables. */
export const TEMPLATE_VALUES = [
  'orderNumber',
  'trackingCode',
  'email',
  'country',
  ...COUNTRY_VALUES,
  'today',
  'reopensAt',
  'caseOrderNumber',
  'caseProblem',
  'casePhotos',
  ...ORDER_VALUES,
  'pauseMinutes',
  ...SHIPPING_VALUES,
  ...PRODUCT_VALUES,
  ...PROMOTION_VALUES,
  'articleQuestion',
  'articleAnswer',
  'articleLink',
];
interface MessageElement {
  type: number;
  value?: string;
  options?: Record<string, { value: MessageElement[] }>;
  children?: MessageElement[];
}

/** The argument names an ICU message uses ({orderNumber}, {days, plural, …}), at any depth. */
function messageArguments(elements: MessageElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag (in @formatjs/icu-messageformat-parser)
    if (element.type >= 1 && element.type <= 6 && element.value) into.add(element.value);
    for (const option of Object.values(element.options ?? {})) messageArguments(option.value, into);
    if (element.children) messageArguments(element.children, into);
  }
  return into;
}

/**
 * Gives each literal text of a message a string of its own: the parser builds it a character at a time, a chain of
 * one string piece per character that two thousand messages keep (a few megabytes) unless copied flat.
 */
function flattenLiterals(elements: MessageElement[]): void {
  for (const element of elements) {
    if (element.type === 0 && element.value) element.value = JSON.parse(JSON.stringify(element.value)) as string;
    for (const option of Object.values(element.options ?? {})) flattenLiterals(option.value);
    if (element.children) flattenLiterals(element.children);
  }
}

/** Date arguments ({estimatedDelivery, date, long}) whose value is already written as a date. */
function writtenDatesFormattedAgain(elements: MessageElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ((element.type === 3 || element.type === 4) && element.value && WRITTEN_DATES.includes(element.value)) into.add(element.value);
    for (const option of Object.values(element.options ?? {})) writtenDatesFormattedAgain(option.value, into);
    if (element.children) writtenDatesFormattedAgain(element.children, into);
  }
  return into;
}

/** What is wrong with a value name a message uses, if anything: an old name, or one nothing provides. */
function valueProblem(name: string, known: Set<string>): string | undefined {
  const renamed = RENAMED_ORDER_VALUES[name];
  if (renamed) return `the message uses {${name}}, an old name: use {${renamed}} (see templates/README.md)`;
  if (!known.has(name)) return `the message uses {${name}}, which no rule or fact provides; known: ${[...known].join(', ')}`;
  return undefined;
}

/** A function of Intl arguments that makes each distinct formatter once. */
function memoized<T>(make: (locales?: string | string[], options?: object) => T): (locales?: string | string[], options?: object) => T {
  const made = new Map<string, T>();
  return (locales, options) => {
    const key = JSON.stringify([locales, options]);
    const known = made.get(key);
    if (known) return known;
    const formatter = make(locales, options);
    made.set(key, formatter);
    return formatter;
  };
}

/**
 * Number, date and plural formatters shared by every message: by default each message makes its own set and its
 * own caches, about a third of the memory two thousand compiled messages take.
 */
const formatters: Formatters = {
  getNumberFormat: memoized((locales, options) => new Intl.NumberFormat(locales, options)),
  getDateTimeFormat: memoized((locales, options) => new Intl.DateTimeFormat(locales, options)),
  getPluralRules: memoized((locales, options) => new Intl.PluralRules(locales, options)),
} as Formatters;

/** The values a template may use: order templates get what order rules pass them too. */
export interface KnownValues {
  messages: Set<string>;
  orders: Set<string>;
}

/** A variant parsed: its message, the values it uses and those it formats again as dates; or why it is no message. */
type Parsed = { format: IntlMessageFormat; names: string[]; datesAgain: string[] } | { error: string };

/**
 * Variants parsed by the last load and this one, by language and text: a reload parses only the messages that
 * changed (a compiled message keeps no state of its own, so two snapshots may share it).
 */
let parsedBefore = new Map<string, Parsed>();
let parsedNow = new Map<string, Parsed>();

function parse(source: string, language: string): Parsed {
  const key = `${language}\u0000${source}`;
  let parsed = parsedNow.get(key) ?? parsedBefore.get(key);
  if (!parsed) {
    try {
      const format = new IntlMessageFormat(source, language, undefined, { formatters });
      const ast = format.getAst() as MessageElement[];
      flattenLiterals(ast);
      parsed = { format, names: [...messageArguments(ast)], datesAgain: [...writtenDatesFormattedAgain(ast)] };
    } catch (error) {
      parsed = { error: (error as Error).message };
    }
  }
  parsedNow.set(key, parsed);
  return parsed;
}

/** One variant compiled, with the problems of the values it uses; undefined (with a problem) if it is no ICU message. */
function compileVariant(
  source: string,
  language: string,
  known: Set<string>,
  problem: (message: string) => void,
): { format: IntlMessageFormat; names: string[] } | undefined {
  const parsed = parse(source, language);
  if ('error' in parsed) {
    problem(`bad ICU message: ${parsed.error}`);
    return undefined;
  }
  for (const name of parsed.names) {
    const found = valueProblem(name, known);
    if (found) problem(found);
  }
  for (const name of parsed.datesAgain) {
    problem(`{${name}} is already written as a date in the shopper's way: use {${name}}, not {${name}, date, …}`);
  }
  return { format: parsed.format, names: [...parsed.names] };
}

/** One file's templates, added to its language's catalogue. */
async function readTemplateFile(
  reader: ContentReader,
  file: string,
  language: string,
  catalog: Map<string, CompiledTemplate>,
  known: KnownValues,
): Promise<void> {
  const read = await reader.read(file, TemplatesFile);
  if (!read) return;
  for (const [id, template] of Object.entries(read.value)) {
    if (catalog.has(id)) {
      reader.problems.push(problemAt(read.document, [id], `template "${id}" is also defined in ${catalog.get(id)!.file}`));
      continue;
    }
    const variants: IntlMessageFormat[] = [];
    const variantArguments: string[][] = [];
    template.variants.forEach((source, index) => {
      const problem = (message: string) => reader.problems.push(problemAt(read.document, [id, 'variants', index], message));
      const compiled = compileVariant(source, language, isOrderTemplate(id) ? known.orders : known.messages, problem);
      if (!compiled) return;
      variants.push(compiled.format);
      variantArguments.push(compiled.names);
    });
    catalog.set(id, { id, language, file, sources: template.variants, variants, variantArguments, quickReplies: template.quickReplies ?? [] });
  }
}

/** A language without templates, or a template the default language has and another lacks, is a warning. */
function translationProblems(templates: Map<string, Map<string, CompiledTemplate>>, languages: string[], defaultLanguage: string): ContentProblem[] {
  const found: ContentProblem[] = [];
  const warn = (file: string, message: string) => found.push({ file, line: 1, col: 1, message, severity: 'warning' });
  const defaultTemplates = templates.get(defaultLanguage) ?? new Map<string, CompiledTemplate>();
  for (const [language, catalog] of templates) {
    if (language === defaultLanguage) continue;
    for (const id of defaultTemplates.keys()) {
      if (!catalog.has(id)) warn(`templates/${language}`, `template "${id}" has no ${language} translation; the ${defaultLanguage} text is used`);
    }
  }
  for (const language of languages) {
    if (!templates.has(language)) warn(`templates/${language}`, `no templates for ${language}; replies fall back to ${defaultLanguage}`);
  }
  return found;
}

/** templates/<lang>/*.json, compiled as ICU messages in that language's locale. */
export async function loadTemplates(
  reader: ContentReader,
  { languages, settings, known }: { languages: string[]; settings: Settings; known: KnownValues },
): Promise<Map<string, Map<string, CompiledTemplate>>> {
  [parsedBefore, parsedNow] = [parsedNow, new Map()];
  const templates = new Map<string, Map<string, CompiledTemplate>>();
  for (const language of await listFolders(path.join(reader.contentDir, 'templates'))) {
    const catalog = new Map<string, CompiledTemplate>();
    for (const name of await listJson(path.join(reader.contentDir, 'templates', language))) {
      await readTemplateFile(reader, `templates/${language}/${name}`, language, catalog, known);
    }
    templates.set(language, catalog);
  }
  reader.problems.push(...translationProblems(templates, languages, settings.defaultLanguage));
  return templates;
}
