// locales/: settings.json, and per language the training utterances (intents.json) and the quick-reply labels
// (ui.json), with what is wrong with them: too few utterances, one utterance under two intents, an intent a
// language cannot reach.
import path from 'node:path';
import type { ContentProblem, JsonDocument } from '../shared/index.js';
import { fold, problemAt } from '../shared/index.js';
import { listFolders, type ContentReader } from './content-reader.js';
import { IntentsFile, SettingsFile, UiFile, type Settings } from '../content/index.js';

/** Fewer training utterances than this in a language makes its classifier guess. */
export const MIN_UTTERANCES = 20;

export interface Locales {
  settings: Settings;
  settingsDocument?: JsonDocument;
  /** Per language, its training utterances by intent. */
  corpora: Record<string, Record<string, string[]>>;
  languages: string[];
  ui: Map<string, UiFile>;
}

/** The problems of one language's utterances: intents with too few, and utterances under two intents. */
function utteranceProblems(document: JsonDocument, language: string, intents: Record<string, string[]>): ContentProblem[] {
  const found: ContentProblem[] = [];
  const seen = new Map<string, string>();
  for (const [intent, utterances] of Object.entries(intents)) {
    if (utterances.length < MIN_UTTERANCES) {
      const message = `intent "${intent}" has ${utterances.length} training utterances in ${language}; at least ${MIN_UTTERANCES} make it reliable`;
      found.push(problemAt(document, [intent], message, 'warning'));
    }
    utterances.forEach((utterance, index) => {
      // Case, accents, spacing and final punctuation do not make two utterances different.
      const key = fold(utterance)
        .replace(/\s+/g, ' ')
        .replace(/[\s.!?¿¡。！？]+$/u, '')
        .trim();
      const other = seen.get(key);
      if (other && other !== intent) {
        found.push(problemAt(document, [intent, index], `"${utterance}" is a training utterance of both "${other}" and "${intent}"`, 'warning'));
      }
      seen.set(key, intent);
    });
  }
  return found;
}

/** The default language's intents a language has no utterances or no quick-reply label for. */
function reachProblems(document: JsonDocument, language: string, locales: Locales): ContentProblem[] {
  const found: ContentProblem[] = [];
  const { corpora, ui, settings } = locales;
  for (const intent of Object.keys(corpora[settings.defaultLanguage] ?? {})) {
    if (!corpora[language]![intent]) {
      found.push(problemAt(document, [], `intent "${intent}" has no ${language} training utterances; ${language} shoppers cannot reach it`, 'warning'));
    }
    if (intent !== 'out_of_scope' && ui.size > 0 && !ui.get(language)?.intents[intent]) {
      const message = `intent "${intent}" has no ${language} label for quick replies`;
      found.push({ file: `locales/${language}/ui.json`, line: 1, col: 1, message, severity: 'warning' });
    }
  }
  return found;
}

/** Whether there is a language at all, and one for the default language. */
function languageProblems({ languages, corpora, settings, settingsDocument }: Locales): ContentProblem[] {
  if (languages.length === 0) {
    return [{ file: 'locales', line: 1, col: 1, message: 'no language has training utterances (locales/<lang>/intents.json)', severity: 'error' }];
  }
  if (corpora[settings.defaultLanguage]) return [];
  const where = settingsDocument ? settingsDocument.locate(['defaultLanguage']) : { line: 1, col: 1 };
  const message = `default language "${settings.defaultLanguage}" has no locales/${settings.defaultLanguage}/intents.json`;
  return [{ file: 'locales/settings.json', ...where, message, severity: 'error' }];
}

/** Reads locales/: every locales/<lang>/ folder with training utterances is a language. */
export async function readLocales(reader: ContentReader): Promise<{ locales: Locales; intentDocuments: Map<string, JsonDocument> }> {
  const settingsFile = await reader.read('locales/settings.json', SettingsFile, true);
  const corpora: Record<string, Record<string, string[]>> = {};
  const intentDocuments = new Map<string, JsonDocument>();
  const ui = new Map<string, UiFile>();
  for (const language of await listFolders(path.join(reader.contentDir, 'locales'))) {
    const intents = await reader.read(`locales/${language}/intents.json`, IntentsFile, true);
    if (intents) {
      corpora[language] = intents.value;
      intentDocuments.set(language, intents.document);
    }
    const uiFile = await reader.read(`locales/${language}/ui.json`, UiFile, true);
    if (uiFile) ui.set(language, uiFile.value);
  }
  const settings = settingsFile?.value ?? SettingsFile.parse({});
  const locales: Locales = { settings, settingsDocument: settingsFile?.document, corpora, languages: Object.keys(corpora), ui };
  reader.problems.push(...languageProblems(locales));
  return { locales, intentDocuments };
}

/** The warnings about each language's utterances and the intents it cannot reach. */
export function localeProblems(locales: Locales, intentDocuments: Map<string, JsonDocument>): ContentProblem[] {
  return locales.languages.flatMap((language) => {
    const document = intentDocuments.get(language)!;
    return [...utteranceProblems(document, language, locales.corpora[language]!), ...reachProblems(document, language, locales)];
  });
}
