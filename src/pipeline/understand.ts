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
  // Only a store with promotions looks for codes.
  const codes = snapshot.promotions ? findCodes(addressless, snapshot.promotions) : [];
  const language: LanguageResult =
    options.language && snapshot.languages.includes(options.language)
      ? { language: options.language, detected: options.language, confidence: 1, isSupported: true, source: 'given' }
      : snapshot.languageModel.detect(withoutCodes(addressless, codes), options, snapshot.settings.defaultLanguage);
  const intent = classifyIntent(snapshot, normalized, language.language, options.payload);
  const entities = withPromotions(extractEntities(normalized, snapshot.countries), codes, normalized, addressless, snapshot);
  return { text: normalized, language, intent, entities };
}

/** A discount code says nothing about the language either ("كود FREESHIP-EU لا يعمل" is Arabic). */
function withoutCodes(text: string, codes: string[]): string {
  if (codes.length === 0) return text;
  const named = new Set(codes.map((code) => code.toUpperCase()));
  return text.replace(/[A-Za-z0-9][A-Za-z0-9_-]{2,29}/g, (token) => (named.has(token.toUpperCase()) ? ' ' : token));
}

/**
 * Discount codes and an amount, found only when the store has promotions. The codes are those found for language
 * detection, unless the message has an order number or tracking code: that is no discount code.
 */
function withPromotions(entities: Entities, found: string[], text: string, addressless: string, snapshot: Snapshot): Entities {
  const content = snapshot.promotions;
  if (!content) return entities;
  const notCodes = [entities.trackingCode, entities.orderNumber].filter((value): value is string => !!value);
  const codes = notCodes.length === 0 ? found : findCodes(addressless, content, notCodes);
  const amount = findAmount(text, content);
  return { ...entities, ...(codes.length ? { promoCodes: codes } : {}), ...(amount ? { amount } : {}) };
}
