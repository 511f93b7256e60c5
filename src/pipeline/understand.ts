// The stages that need no rules and no conversation: what a message says on its own (its language, intent and
// entities).
import type { Snapshot } from '../content/index.js';
import { replaceEmails } from '../shared/index.js';
import { findAmount, findCodes } from '../promotions/index.js';
import { extractEntities, type Entities } from './entities.js';
import { classifyIntent, type IntentResult } from './intent.js';
import type { LanguageResult } from '../nlu/index.js';
import { normalizeText } from './normalize.js';

/** What a message says: its text, language, intent and entities. */
export interface Understanding {
  text: string;
  language: LanguageResult;
  intent: IntentResult;
  entities: Entities;
}

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
  const addressless = withoutAddresses(normalized);
  const language: LanguageResult =
    options.language && snapshot.languages.includes(options.language)
      ? { language: options.language, detected: options.language, confidence: 1, isSupported: true, source: 'given' }
      : snapshot.languageModel.detect(withoutCodes(addressless, snapshot), options, snapshot.settings.defaultLanguage);
  const intent = classifyIntent(snapshot, normalized, language.language, options.payload);
  const entities = withPromotions(extractEntities(normalized, snapshot.countries), normalized, addressless, snapshot);
  return { text: normalized, language, intent, entities };
}

/** A discount code says nothing about the language either ("كود FREESHIP-EU لا يعمل" is Arabic). */
function withoutCodes(text: string, snapshot: Snapshot): string {
  if (!snapshot.promotions) return text;
  const codes = new Set(findCodes(text, snapshot.promotions).map((code) => code.toUpperCase()));
  return codes.size === 0 ? text : text.replace(/[A-Za-z0-9][A-Za-z0-9_-]{2,29}/g, (token) => (codes.has(token.toUpperCase()) ? ' ' : token));
}

/** Discount codes and an amount, found only when the store has promotions. */
function withPromotions(entities: Entities, text: string, addressless: string, snapshot: Snapshot): Entities {
  const content = snapshot.promotions;
  if (!content) return entities;
  const codes = findCodes(
    addressless,
    content,
    [entities.trackingCode, entities.orderNumber].filter((value): value is string => !!value),
  );
  const amount = findAmount(text, content);
  return { ...entities, ...(codes.length ? { promoCodes: codes } : {}), ...(amount ? { amount } : {}) };
}
