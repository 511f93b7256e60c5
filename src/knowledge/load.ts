// Reads the content folders, validates every file, and compiles a Snapshot, or reports every problem found
// as file:line:col. Errors stop the build; warnings (a missing translation) do not.
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import isSafeRegex from 'safe-regex2';
import { fold } from '../shared/index.js';
import type { ZodType } from 'zod';
import { COUNTRY_VALUES, writtenCountryNames } from '../pipeline/country-phrases.js';
import { buildCountryIndex } from '../pipeline/entities.js';
import { intentModelsFor, intentThreshold, searchTerms, trainLanguageModel, type IntentModel } from '../nlu/index.js';
import type { ContentProblem } from '../shared/index.js';
import { problemAt, type JsonDocument } from '../shared/index.js';
import { ContentReader, listFolders, listJson } from './content-reader.js';
import { isCountryCode, loadCountryPhrases } from './countries.js';
import { loadFlowContent } from './flows.js';
import { CareRulesFile, compileOrderRules, isOrderTemplate, ORDER_TEMPLATE_VALUES, PackageRulesFile } from './order-rules.js';
import { ORDER_VALUES, RENAMED_ORDER_VALUES, WRITTEN_DATES } from '../orders/index.js';
import { PRODUCT_VALUES } from '../pipeline/product-values.js';
import { EU_COUNTRIES, SHIPPING_VALUES, type ShippingContent } from '../pipeline/shipping.js';
import { compileRules, knownOperators } from './rules.js';
import { buildHelpIndex, HelpSettingsFile, readArticles, type HelpIndex } from '../faq/index.js';
import { compilePromotions, PROMOTION_VALUES, promotionProblems, PromotionsFile, type PromotionContent } from '../promotions/index.js';
import { DutiesFile, IntentsFile, RulesFile, SettingsFile, TemplatesFile, UiFile, ZonesFile, type Condition, type Rule, type Settings } from './schema.js';
import type { CompiledTemplate, Snapshot } from './snapshot.js';

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
/** Fewer training utterances than this in a language makes its classifier guess. */
export const MIN_UTTERANCES = 20;

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

export interface LoadResult {
  snapshot?: Snapshot;
  problems: ContentProblem[];
}

function conditionFacts(condition: Condition, path: (string | number)[], visit: (condition: Condition, path: (string | number)[]) => void): void {
  visit(condition, path);
  condition.all?.forEach((child, index) => conditionFacts(child, [...path, 'all', index], visit));
  condition.any?.forEach((child, index) => conditionFacts(child, [...path, 'any', index], visit));
  if (condition.not) conditionFacts(condition.not, [...path, 'not'], visit);
}

/** A condition's operator must exist, and a pattern must compile and be safe from catastrophic backtracking. */
function operatorProblems(document: JsonDocument, condition: Condition, path: (string | number)[]): ContentProblem[] {
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

interface OrderRulesRead<R> {
  rules: R[];
  /** Where each rule is written, for problems found once the templates are known. */
  places: { document: JsonDocument; index: number }[];
}

/**
 * Reads care/*.json or packages/*.json: shapes, operators, patterns and unique names now; the templates they name
 * are checked once templates are loaded.
 */
async function readOrderRules<R extends { name: string; conditions: unknown }>(
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

/** Edit distance between two short strings (typos in ids). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate within three edits of the name, if any: "care.shiped" → "care.shipped". */
function closest(name: string, candidates: string[]): string | undefined {
  const scored = candidates.map((candidate) => ({ candidate, score: distance(name, candidate) })).sort((a, b) => a.score - b.score);
  return scored[0] && scored[0].score <= 3 ? scored[0].candidate : undefined;
}

/** Every template an order rule names must exist in the default language. */
function orderTemplateProblems(
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

/** Trained intent models are kept in DATA_DIR/models/, so a restart with unchanged utterances need not train. */
export const modelCacheDirIn = (dataDir: string) => path.resolve(dataDir, 'models');

export interface LoadOptions {
  /** Where trained intent models are kept between runs: DATA_DIR/models for the server and the commands, else the system's temporary folder. */
  modelCacheDir?: string;
  /** A training that takes longer fails the load (the last good snapshot keeps serving); two minutes unless set. */
  trainingTimeoutMs?: number;
}

export async function loadSnapshot(
  contentDir: string,
  { modelCacheDir = path.join(tmpdir(), 'borderless-models'), trainingTimeoutMs }: LoadOptions = {},
): Promise<LoadResult> {
  const reader = new ContentReader(contentDir);
  const { problems } = reader;

  const settingsFile = await reader.read('locales/settings.json', SettingsFile, true);
  const settings: Settings = settingsFile?.value ?? SettingsFile.parse({});

  // Languages: every locales/<lang>/ folder with training utterances.
  const corpora: Record<string, Record<string, string[]>> = {};
  const intentDocuments = new Map<string, JsonDocument>();
  const ui = new Map<string, UiFile>();
  for (const language of await listFolders(path.join(contentDir, 'locales'))) {
    const intents = await reader.read(`locales/${language}/intents.json`, IntentsFile, true);
    if (intents) {
      corpora[language] = intents.value;
      intentDocuments.set(language, intents.document);
    }
    const uiFile = await reader.read(`locales/${language}/ui.json`, UiFile, true);
    if (uiFile) ui.set(language, uiFile.value);
  }
  const languages = Object.keys(corpora);
  if (languages.length === 0) {
    problems.push({ file: 'locales', line: 1, col: 1, message: 'no language has training utterances (locales/<lang>/intents.json)', severity: 'error' });
  } else if (!corpora[settings.defaultLanguage]) {
    const where = settingsFile ? settingsFile.document.locate(['defaultLanguage']) : { line: 1, col: 1 };
    problems.push({
      file: 'locales/settings.json',
      ...where,
      message: `default language "${settings.defaultLanguage}" has no locales/${settings.defaultLanguage}/intents.json`,
      severity: 'error',
    });
  }
  const knownIntents = new Set(languages.flatMap((language) => Object.keys(corpora[language]!)));
  // Training starts now, in worker threads, while the rest of the content is read and checked on this one.
  const training = intentModelsFor(Object.fromEntries(languages.map((language) => [language, corpora[language]!])), {
    cacheDir: modelCacheDir,
    timeoutMs: trainingTimeoutMs,
  });
  training.catch(() => {}); // its failure is reported below, unless the content has errors anyway

  // Training utterances: enough of them, and none under two intents.
  const defaultIntents = Object.keys(corpora[settings.defaultLanguage] ?? {});
  for (const language of languages) {
    const document = intentDocuments.get(language)!;
    const seen = new Map<string, string>();
    for (const [intent, utterances] of Object.entries(corpora[language]!)) {
      if (utterances.length < MIN_UTTERANCES) {
        problems.push(
          problemAt(
            document,
            [intent],
            `intent "${intent}" has ${utterances.length} training utterances in ${language}; at least ${MIN_UTTERANCES} make it reliable`,
            'warning',
          ),
        );
      }
      utterances.forEach((utterance, index) => {
        // Case, accents, spacing and final punctuation do not make two utterances different.
        const key = fold(utterance)
          .replace(/\s+/g, ' ')
          .replace(/[\s.!?¿¡。！？]+$/u, '')
          .trim();
        const other = seen.get(key);
        if (other && other !== intent) {
          problems.push(problemAt(document, [intent, index], `"${utterance}" is a training utterance of both "${other}" and "${intent}"`, 'warning'));
        }
        seen.set(key, intent);
      });
    }
    for (const intent of defaultIntents) {
      if (!corpora[language]![intent]) {
        problems.push(problemAt(document, [], `intent "${intent}" has no ${language} training utterances; ${language} shoppers cannot reach it`, 'warning'));
      }
      if (intent !== 'out_of_scope' && ui.size > 0 && !ui.get(language)?.intents[intent]) {
        problems.push({
          file: `locales/${language}/ui.json`,
          line: 1,
          col: 1,
          message: `intent "${intent}" has no ${language} label for quick replies`,
          severity: 'warning',
        });
      }
    }
  }
  const knownValues = new Set([...TEMPLATE_VALUES, ...Object.keys(settings.variables)]);

  // Order rules come before templates: the values they pass are values their templates may use.
  const careRules = await readOrderRules(reader, 'care', CareRulesFile);
  const packageRules = await readOrderRules(reader, 'packages', PackageRulesFile);
  const orderValues = new Set([
    ...knownValues,
    ...ORDER_TEMPLATE_VALUES,
    ...[...careRules.rules, ...packageRules.rules].flatMap((rule) => Object.keys(rule.event.params.values ?? {})),
  ]);

  // Templates: templates/<lang>/*.json, compiled as ICU messages in that language's locale.
  const templates = new Map<string, Map<string, CompiledTemplate>>();
  for (const language of await listFolders(path.join(contentDir, 'templates'))) {
    const catalog = new Map<string, CompiledTemplate>();
    for (const name of await listJson(path.join(contentDir, 'templates', language))) {
      const file = `templates/${language}/${name}`;
      const read = await reader.read(file, TemplatesFile);
      if (!read) continue;
      for (const [id, template] of Object.entries(read.value)) {
        if (catalog.has(id)) {
          problems.push(problemAt(read.document, [id], `template "${id}" is also defined in ${catalog.get(id)!.file}`));
          continue;
        }
        const variants: IntlMessageFormat[] = [];
        const variantArguments: string[][] = [];
        template.variants.forEach((source, index) => {
          try {
            const format = new IntlMessageFormat(source, language);
            const ast = format.getAst() as MessageElement[];
            const names = messageArguments(ast);
            variants.push(format);
            variantArguments.push([...names]);
            const known = isOrderTemplate(id) ? orderValues : knownValues;
            for (const name of names) {
              const problem = valueProblem(name, known);
              if (problem) problems.push(problemAt(read.document, [id, 'variants', index], problem));
            }
            for (const name of writtenDatesFormattedAgain(ast)) {
              problems.push(
                problemAt(
                  read.document,
                  [id, 'variants', index],
                  `{${name}} is already written as a date in the shopper's way: use {${name}}, not {${name}, date, …}`,
                ),
              );
            }
          } catch (error) {
            problems.push(problemAt(read.document, [id, 'variants', index], `bad ICU message: ${(error as Error).message}`));
          }
        });
        catalog.set(id, { id, language, file, sources: template.variants, variants, variantArguments, quickReplies: template.quickReplies ?? [] });
      }
    }
    templates.set(language, catalog);
  }
  const defaultTemplates = templates.get(settings.defaultLanguage) ?? new Map<string, CompiledTemplate>();
  for (const [language, catalog] of templates) {
    if (language === settings.defaultLanguage) continue;
    for (const id of defaultTemplates.keys()) {
      if (!catalog.has(id)) {
        problems.push({
          file: `templates/${language}`,
          line: 1,
          col: 1,
          message: `template "${id}" has no ${language} translation; the ${settings.defaultLanguage} text is used`,
          severity: 'warning',
        });
      }
    }
  }
  for (const language of languages) {
    if (!templates.has(language)) {
      problems.push({
        file: `templates/${language}`,
        line: 1,
        col: 1,
        message: `no templates for ${language}; replies fall back to ${settings.defaultLanguage}`,
        severity: 'warning',
      });
    }
  }

  // Rules: rules/*.json; each must name templates and intents that exist.
  const rules: Rule[] = [];
  for (const name of await listJson(path.join(contentDir, 'rules'))) {
    const file = `rules/${name}`;
    const read = await reader.read(file, RulesFile);
    if (!read) continue;
    read.value.rules.forEach((rule, index) => {
      const at = (...rest: (string | number)[]) => ['rules', index, ...rest];
      const template = 'template' in rule.event.params ? rule.event.params.template : undefined;
      if (template && !defaultTemplates.has(template)) {
        const similar = [...defaultTemplates.keys()].find((id) => id.startsWith(template.split('.')[0]!));
        problems.push(
          problemAt(read.document, at('event', 'params', 'template'), `unknown template "${template}"${similar ? `; did you mean "${similar}"?` : ''}`),
        );
      }
      conditionFacts(rule.conditions as Condition, at('conditions'), (condition, path) => {
        problems.push(...operatorProblems(read.document, condition, path));
        if (condition.fact === 'intent' && !condition.path) {
          const named = Array.isArray(condition.value) ? condition.value : [condition.value];
          for (const intent of named) {
            if (typeof intent === 'string' && !knownIntents.has(intent)) {
              problems.push(problemAt(read.document, [...path, 'value'], `unknown intent "${intent}"`));
            }
          }
        }
      });
      if (rules.some((other) => other.name === rule.name)) {
        problems.push(problemAt(read.document, at('name'), `rule name "${rule.name}" is used twice`));
      }
      rules.push(rule);
    });
  }

  problems.push(...orderTemplateProblems(careRules, defaultTemplates), ...orderTemplateProblems(packageRules, defaultTemplates));
  const shipping = await loadShipping(reader, defaultTemplates);
  const promotions = await loadPromotions(reader, settings.defaultLanguage, languages);
  const help = await loadHelp(reader, languages, knownIntents, defaultTemplates, corpora);
  const countryPhrases = await loadCountryPhrases(reader, [...new Set([...languages, ...templates.keys()])], shipping);
  const { flows, lexicons } = await loadFlowContent(reader, {
    contentDir,
    languages,
    defaultLanguage: settings.defaultLanguage,
    templates: new Set(defaultTemplates.keys()),
    intents: knownIntents,
    conditionProblems: (document, condition, at) => {
      const found: ContentProblem[] = [];
      conditionFacts(condition, at, (inner, innerAt) => found.push(...operatorProblems(document, inner, innerAt)));
      return found;
    },
  });

  if (problems.some((problem) => problem.severity === 'error')) return { problems };

  let intentModels: Map<string, IntentModel>;
  try {
    intentModels = await training;
  } catch (error) {
    problems.push({ file: 'locales', line: 1, col: 1, message: `training the intent models failed: ${(error as Error).message}`, severity: 'error' });
    return { problems };
  }
  const intentThresholds = new Map(languages.map((language) => [language, intentThreshold(intentModels.get(language)!.heldOut(), settings)]));
  for (const [language, { reached, precision, targetPrecision }] of intentThresholds) {
    if (!reached) {
      const where = settingsFile?.document.locate(['targetPrecision']) ?? { line: 1, col: 1 };
      problems.push({
        file: 'locales/settings.json',
        ...where,
        message: `${language}: no confidence threshold reaches the target precision ${targetPrecision}; the best gives ${(precision * 100).toFixed(1)}% (add training utterances)`,
        severity: 'warning',
      });
    }
  }

  const snapshot: Snapshot = {
    builtAt: new Date().toISOString(),
    contentDir,
    settings,
    languages,
    languageModel: trainLanguageModel(Object.fromEntries(languages.map((language) => [language, Object.values(corpora[language]!).flat()]))),
    intentModels,
    intentThresholds,
    templates,
    ui,
    rules,
    engine: compileRules(rules),
    care: compileOrderRules(careRules.rules),
    packages: compileOrderRules(packageRules.rules),
    countries: buildCountryIndex(languages, writtenCountryNames(countryPhrases)),
    shipping,
    ...(promotions ? { promotions } : {}),
    ...(help ? { help } : {}),
    countryPhrases,
    flows,
    lexicons,
  };
  return { snapshot, problems };
}

/**
 * faq/: help articles per language and faq/settings.json (the measured score an answer needs, the intents
 * articles answer for). Optional; articles without settings are an error, since no score threshold is known.
 */
async function loadHelp(
  reader: ContentReader,
  languages: string[],
  intents: Set<string>,
  defaultTemplates: ReadonlyMap<string, unknown>,
  corpora: Record<string, Record<string, string[]>>,
): Promise<HelpIndex | undefined> {
  const settings = await reader.read('faq/settings.json', HelpSettingsFile, true);
  const { articles, problems } = await readArticles(reader.contentDir, languages);
  reader.problems.push(...problems);
  if (articles.length === 0 && !settings) return undefined;
  if (!settings) {
    reader.problems.push({
      file: 'faq/settings.json',
      line: 1,
      col: 1,
      message: 'help articles need faq/settings.json with their "minScore"',
      severity: 'error',
    });
    return undefined;
  }
  settings.value.intents.forEach((intent, index) => {
    if (!intents.has(intent)) reader.problems.push(problemAt(settings.document, ['intents', index], `unknown intent "${intent}"`));
  });
  if (articles.length > 0 && !defaultTemplates.has('faq.answer')) {
    reader.problems.push({
      file: 'faq/settings.json',
      line: 1,
      col: 1,
      message: 'help articles are answered with the template "faq.answer", which the default language lacks',
      severity: 'error',
    });
  }
  // The training utterances tell the search which words most messages have.
  const background = new Map(languages.map((language) => [language, Object.values(corpora[language]!).flat()]));
  return buildHelpIndex(articles, settings.value, searchTerms, background);
}

/** promotions/promotions.json, optional: without it discount questions get the general template. */
async function loadPromotions(reader: ContentReader, defaultLanguage: string, languages: string[]): Promise<PromotionContent | undefined> {
  const read = await reader.read('promotions/promotions.json', PromotionsFile, true);
  if (!read) return undefined;
  const at = (path: (string | number)[], message: string, severity?: 'error' | 'warning') => problemAt(read.document, path, message, severity);
  reader.problems.push(...promotionProblems(read.value, at, { isCountry, defaultLanguage, languages }));
  return compilePromotions(read.value, { EU: EU_COUNTRIES });
}

const isCountry = (code: string) => code === 'EU' || code === '*' || isCountryCode(code);

/**
 * shipping/zones.json and shipping/duties.json, both optional: without zones the bot answers shipping questions
 * with its general templates. A country in two zones, an unknown code or a duties note without a template is an error.
 */
async function loadShipping(reader: ContentReader, defaultTemplates: ReadonlyMap<string, unknown>): Promise<ShippingContent | undefined> {
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
        if (!isCountry(code)) return problems.push(problemAt(zones.document, at, `"${code}" is not a country code`));
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
