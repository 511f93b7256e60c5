// Reads the content folders, validates every file, and compiles a Snapshot, or reports every problem found
// as file:line:col. Errors stop the build; warnings (a missing translation) do not.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import isSafeRegex from 'safe-regex2';
import { fold } from '../pipeline/text.js';
import type { ZodType } from 'zod';
import { buildCountryIndex } from '../pipeline/entities.js';
import { trainIntentModel } from '../pipeline/intent-model.js';
import { trainLanguageModel } from '../pipeline/language.js';
import type { ContentProblem } from '../shared/errors.js';
import { parseJsonDocument, problemAt, schemaProblems, type JsonDocument } from './json-file.js';
import { compileRules, knownOperators } from './rules.js';
import { IntentsFile, RulesFile, SettingsFile, TemplatesFile, UiFile, type Condition, type Rule, type Settings } from './schema.js';
import type { CompiledTemplate, Snapshot } from './snapshot.js';

/** Values every template may use: the message's entities and the renderer's own, besides settings.variables. */
export const TEMPLATE_VALUES = ['orderNumber', 'trackingCode', 'email', 'country', 'countryName', 'today', 'reopensAt', 'caseOrderNumber', 'caseProblem', 'casePhotos'];
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

export interface LoadResult {
  snapshot?: Snapshot;
  problems: ContentProblem[];
}

async function listJson(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.json')).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}

async function listFolders(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}

class ContentReader {
  readonly problems: ContentProblem[] = [];
  constructor(readonly contentDir: string) {}

  /** Reads and validates one file; undefined (with problems recorded) when it is missing or invalid. */
  async read<T>(relative: string, schema: ZodType<T>, optional = false): Promise<{ value: T; document: JsonDocument } | undefined> {
    let text: string;
    try {
      text = await readFile(path.join(this.contentDir, relative), 'utf8');
    } catch {
      if (!optional) this.problems.push({ file: relative, line: 1, col: 1, message: 'file is missing', severity: 'error' });
      return undefined;
    }
    const parsed = parseJsonDocument(relative, text);
    if (!parsed.document) {
      this.problems.push(...parsed.problems);
      return undefined;
    }
    const result = schema.safeParse(parsed.document.value);
    if (!result.success) {
      this.problems.push(...schemaProblems(parsed.document, result.error));
      return undefined;
    }
    return { value: result.data, document: parsed.document };
  }
}

function conditionFacts(condition: Condition, path: (string | number)[], visit: (condition: Condition, path: (string | number)[]) => void): void {
  visit(condition, path);
  condition.all?.forEach((child, index) => conditionFacts(child, [...path, 'all', index], visit));
  condition.any?.forEach((child, index) => conditionFacts(child, [...path, 'any', index], visit));
  if (condition.not) conditionFacts(condition.not, [...path, 'not'], visit);
}

export async function loadSnapshot(contentDir: string): Promise<LoadResult> {
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
    problems.push({ file: 'locales/settings.json', ...where, message: `default language "${settings.defaultLanguage}" has no locales/${settings.defaultLanguage}/intents.json`, severity: 'error' });
  }
  const knownIntents = new Set(languages.flatMap((language) => Object.keys(corpora[language]!)));

  // Training utterances: enough of them, and none under two intents.
  const defaultIntents = Object.keys(corpora[settings.defaultLanguage] ?? {});
  for (const language of languages) {
    const document = intentDocuments.get(language)!;
    const seen = new Map<string, string>();
    for (const [intent, utterances] of Object.entries(corpora[language]!)) {
      if (utterances.length < MIN_UTTERANCES) {
        problems.push(problemAt(document, [intent], `intent "${intent}" has ${utterances.length} training utterances in ${language}; at least ${MIN_UTTERANCES} make it reliable`, 'warning'));
      }
      utterances.forEach((utterance, index) => {
        // Case, accents, spacing and final punctuation do not make two utterances different.
        const key = fold(utterance).replace(/\s+/g, ' ').replace(/[\s.!?¿¡。！？]+$/u, '').trim();
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
        problems.push({ file: `locales/${language}/ui.json`, line: 1, col: 1, message: `intent "${intent}" has no ${language} label for quick replies`, severity: 'warning' });
      }
    }
  }
  const knownValues = new Set([...TEMPLATE_VALUES, ...Object.keys(settings.variables)]);

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
            const names = messageArguments(format.getAst() as MessageElement[]);
            variants.push(format);
            variantArguments.push([...names]);
            for (const name of names) {
              if (!knownValues.has(name)) {
                problems.push(problemAt(read.document, [id, 'variants', index], `the message uses {${name}}, which no rule or fact provides; known: ${[...knownValues].join(', ')}`));
              }
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
        problems.push({ file: `templates/${language}`, line: 1, col: 1, message: `template "${id}" has no ${language} translation; the ${settings.defaultLanguage} text is used`, severity: 'warning' });
      }
    }
  }
  for (const language of languages) {
    if (!templates.has(language)) {
      problems.push({ file: `templates/${language}`, line: 1, col: 1, message: `no templates for ${language}; replies fall back to ${settings.defaultLanguage}`, severity: 'warning' });
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
        problems.push(problemAt(read.document, at('event', 'params', 'template'), `unknown template "${template}"${similar ? `; did you mean "${similar}"?` : ''}`));
      }
      conditionFacts(rule.conditions as Condition, at('conditions'), (condition, path) => {
        if (condition.operator === 'matches') {
          const source = String(condition.value);
          try {
            new RegExp(source, 'iu');
            if (!isSafeRegex(source)) {
              problems.push(problemAt(read.document, [...path, 'value'], `the pattern /${source}/ risks catastrophic backtracking (nested repetition); simplify it`));
            }
          } catch (error) {
            problems.push(problemAt(read.document, [...path, 'value'], `bad regular expression: ${(error as Error).message}`));
          }
        }
        if (condition.operator && !knownOperators.has(condition.operator)) {
          problems.push(problemAt(read.document, [...path, 'operator'], `unknown operator "${condition.operator}"; use one of ${[...knownOperators].join(', ')}`));
        }
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

  if (problems.some((problem) => problem.severity === 'error')) return { problems };

  const snapshot: Snapshot = {
    builtAt: new Date().toISOString(),
    contentDir,
    settings,
    languages,
    languageModel: trainLanguageModel(Object.fromEntries(languages.map((language) => [language, Object.values(corpora[language]!).flat()]))),
    intentModels: new Map(languages.map((language) => [language, trainIntentModel(language, corpora[language]!)])),
    templates,
    ui,
    rules,
    engine: compileRules(rules),
    countries: buildCountryIndex(languages),
  };
  return { snapshot, problems };
}
