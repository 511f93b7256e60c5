// The stages that need no rules and no conversation: what a message says on its own (its language, intent and
// entities).
import type { Snapshot } from '../knowledge/snapshot.js';
import { replaceEmails } from '../shared/index.js';
import { extractEntities } from './entities.js';
import type { Understanding } from './index.js';
import { classifyIntent } from './intent.js';
import type { LanguageResult } from '../nlu/index.js';
import { normalizeText } from './normalize.js';

export interface UnderstandOptions {
  locale?: string;
  conversationLanguage?: string;
  payload?: string;
  language?: string;
}

/** An e-mail address says nothing about the language ("emma.johnson@example.com" is not French). */
const withoutAddresses = (text: string) => replaceEmails(text, ' ');

export function understand(snapshot: Snapshot, text: string, options: UnderstandOptions = {}): Understanding {
  const normalized = normalizeText(text);
  const language: LanguageResult =
    options.language && snapshot.languages.includes(options.language)
      ? { language: options.language, detected: options.language, confidence: 1, isSupported: true, source: 'given' }
      : snapshot.languageModel.detect(withoutAddresses(normalized), options, snapshot.settings.defaultLanguage);
  const intent = classifyIntent(snapshot, normalized, language.language, options.payload);
  const entities = extractEntities(normalized, snapshot.countries);
  return { text: normalized, language, intent, entities };
}

