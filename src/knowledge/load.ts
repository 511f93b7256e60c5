// Reads the content folders, validates every file, and compiles a Snapshot, or reports every problem found
// as file:line:col. Errors stop the build; warnings (a missing translation) do not. Each content folder has its
// own loader; this file runs them in order and starts the intent models' training first, in worker threads, so
// it runs while the rest is read.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCountryIndex, writtenCountryNames } from '../language/index.js';
import { intentModelsFor, intentThreshold, isEarly, trainLanguageModel, type IntentModel, type IntentThreshold } from '../nlu/index.js';
import type { ContentProblem } from '../shared/index.js';
import { ContentReader } from './content-reader.js';
import { loadCountryPhrases } from './countries.js';
import { loadFlowContent } from './flows.js';
import { loadHelp } from './help-loader.js';
import { localeProblems, readLocales, type Locales } from './locales-loader.js';
import { compileOrderRules, ORDER_TEMPLATE_VALUES } from './order-rules.js';
import { loadPromotions } from './promotions-loader.js';
import { compileRules } from './rules.js';
import { conditionFacts, loadRules, operatorProblems, orderTemplateProblems, readOrderRules } from './rules-loader.js';
import { loadShipping } from './shipping-loader.js';
import { CareRulesFile, PackageRulesFile, type Snapshot } from '../content/index.js';
import { loadTemplates, TEMPLATE_VALUES } from './templates-loader.js';

export { TEMPLATE_VALUES };

export interface LoadResult {
  snapshot?: Snapshot;
  problems: ContentProblem[];
}

/** Trained intent models are kept in DATA_DIR/models/, so a restart with unchanged utterances need not train. */
export const modelCacheDirIn = (dataDir: string) => path.resolve(dataDir, 'models');

export interface LoadOptions {
  /** Where trained intent models are kept between runs: DATA_DIR/models for the server and the commands, else the system's temporary folder. */
  modelCacheDir?: string;
  /** A training that takes longer fails the load (the last good snapshot keeps serving); two minutes unless set. */
  trainingTimeoutMs?: number;
}

/** Every content folder but the intent models, read and checked; problems go to the reader. */
async function readContent(reader: ContentReader, locales: Locales) {
  const { settings, languages, corpora } = locales;
  const intents = new Set(languages.flatMap((language) => Object.keys(corpora[language]!)));
  const messages = new Set([...TEMPLATE_VALUES, ...Object.keys(settings.variables)]);
  // Order rules come before templates: the values they pass are values their templates may use.
  const careRules = await readOrderRules(reader, 'care', CareRulesFile);
  const packageRules = await readOrderRules(reader, 'packages', PackageRulesFile);
  const passed = [...careRules.rules, ...packageRules.rules].flatMap((rule) => Object.keys(rule.event.params.values ?? {}));
  const orders = new Set([...messages, ...ORDER_TEMPLATE_VALUES, ...passed]);
  const templates = await loadTemplates(reader, { languages, settings, known: { messages, orders } });
  const defaultTemplates = templates.get(settings.defaultLanguage) ?? new Map();
  const rules = await loadRules(reader, { templates: defaultTemplates, intents });
  reader.problems.push(...orderTemplateProblems(careRules, defaultTemplates), ...orderTemplateProblems(packageRules, defaultTemplates));
  const shipping = await loadShipping(reader, defaultTemplates);
  const promotions = await loadPromotions(reader, settings.defaultLanguage, languages);
  const help = await loadHelp(reader, languages, intents, defaultTemplates, corpora);
  const countryPhrases = await loadCountryPhrases(reader, [...new Set([...languages, ...templates.keys()])], shipping);
  const { flows, lexicons } = await loadFlowContent(reader, {
    contentDir: reader.contentDir,
    languages,
    defaultLanguage: settings.defaultLanguage,
    templates: new Set(defaultTemplates.keys()),
    intents,
    conditionProblems: (document, condition, at) => {
      const found: ContentProblem[] = [];
      conditionFacts(condition, at, (inner, innerAt) => found.push(...operatorProblems(document, inner, innerAt)));
      return found;
    },
  });
  return { templates, rules, careRules, packageRules, shipping, promotions, help, countryPhrases, flows, lexicons };
}

/** Each language's confidence threshold, with a warning where none reaches the target precision. */
function thresholds(locales: Locales, intentModels: Map<string, IntentModel>, problems: ContentProblem[]): Map<string, IntentThreshold> {
  const { languages, settings, settingsDocument } = locales;
  const chosen = new Map(languages.map((language) => [language, intentThreshold(intentModels.get(language)!.heldOut(), settings)]));
  for (const [language, { reached, precision, targetPrecision }] of chosen) {
    if (reached) continue;
    const where = settingsDocument?.locate(['targetPrecision']) ?? { line: 1, col: 1 };
    const message = `${language}: no confidence threshold reaches the target precision ${targetPrecision}; the best gives ${(precision * 100).toFixed(1)}% (add training utterances)`;
    problems.push({ file: 'locales/settings.json', ...where, message, severity: 'warning' });
  }
  return chosen;
}

export async function loadSnapshot(
  contentDir: string,
  { modelCacheDir = path.join(tmpdir(), 'borderless-models'), trainingTimeoutMs }: LoadOptions = {},
): Promise<LoadResult> {
  const reader = new ContentReader(contentDir);
  const { problems } = reader;
  const { locales, intentDocuments } = await readLocales(reader);
  const { settings, languages, corpora, ui } = locales;
  // Training starts now, in worker threads, while the rest of the content is read and checked on this one.
  const training = intentModelsFor(Object.fromEntries(languages.map((language) => [language, corpora[language]!])), {
    cacheDir: modelCacheDir,
    timeoutMs: trainingTimeoutMs,
    early: true,
  });
  training.catch(() => {}); // its failure is reported below, unless the content has errors anyway
  problems.push(...localeProblems(locales, intentDocuments));
  // The parsed intents files (their syntax trees locate problems) are the load's largest garbage: let them go now.
  intentDocuments.clear();
  const content = await readContent(reader, locales);
  if (problems.some((problem) => problem.severity === 'error')) return { problems };
  // Built before waiting for the training, which may still be running in the workers.
  const languageModel = trainLanguageModel(Object.fromEntries(languages.map((language) => [language, Object.values(corpora[language]!).flat()])));
  const countries = buildCountryIndex(languages, writtenCountryNames(content.countryPhrases));

  let intentModels: Map<string, IntentModel>;
  try {
    intentModels = await training;
  } catch (error) {
    problems.push({ file: 'locales', line: 1, col: 1, message: `training the intent models failed: ${(error as Error).message}`, severity: 'error' });
    return { problems };
  }
  const { templates, rules, careRules, packageRules, shipping, promotions, help, countryPhrases, flows, lexicons } = content;
  const intentThresholds = thresholds(locales, intentModels, problems);
  // A model served before its calibration folds are done gives way to its calibrated self, threshold and all, in
  // one step: a message never meets the new model with another model's threshold but through earlyModel's rule.
  for (const [language, model] of intentModels) {
    if (!isEarly(model)) continue;
    model.calibrated.then(
      (calibrated) => {
        intentModels.set(language, calibrated);
        intentThresholds.set(language, intentThreshold(calibrated.heldOut(), settings));
      },
      () => {}, // the early model keeps its borrowed calibration; the next reload trains again
    );
  }
  const snapshot: Snapshot = {
    builtAt: new Date().toISOString(),
    contentDir,
    settings,
    languages,
    languageModel,
    intentModels,
    intentThresholds,
    templates,
    ui,
    rules,
    engine: compileRules(rules),
    care: compileOrderRules(careRules.rules),
    packages: compileOrderRules(packageRules.rules),
    countries,
    shipping,
    ...(promotions ? { promotions } : {}),
    ...(help ? { help } : {}),
    countryPhrases,
    flows,
    lexicons,
  };
  return { snapshot, problems };
}
