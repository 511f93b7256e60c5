// Render stage: the chosen template in the reply language, formatted with the message's entities and the
// store's variables (numbers, dates, currency and plurals in the shopper's locale), plus quick replies.
import { IntlMessageFormat } from 'intl-messageformat';
import type { CompiledTemplate, Snapshot } from '../knowledge/snapshot.js';
import { findTemplate } from '../knowledge/snapshot.js';
import type { QuickReply } from '../knowledge/schema.js';
import { AppError } from '../shared/errors.js';
import { countryValues } from './country-phrases.js';
import type { Entities } from './entities.js';
import { OUT_OF_SCOPE, type IntentResult } from './intent.js';

export interface Reply {
  templateId: string;
  language: string;
  text: string;
  quickReplies: QuickReply[];
}

export type TemplateValue = string | number | boolean | Date | undefined;

export interface RenderInput {
  templateId: string;
  language: string;
  entities: Entities;
  /** Picks among a template's variants, so replies vary but stay reproducible. */
  variantSeed: number;
  now: Date;
  /** Adds the top N intents other than out_of_scope as quick replies. */
  suggest?: { count: number; intent: IntentResult };
  /** Extra values for the template, such as an order's fields. */
  values?: Record<string, TemplateValue>;
  /** The store's time zone for moments in the reply, when the server's configuration names one. */
  timeZone?: string;
  /** The shopper's locale ("en-GB"): dates and numbers follow it when its language is the reply's. */
  locale?: string;
}

/** Templates compiled again for a regional locale ("en-GB" writes 3 December 2026), kept per template. */
const regional = new WeakMap<CompiledTemplate, Map<string, IntlMessageFormat[]>>();

function variantsFor(template: CompiledTemplate, locale: string | undefined): CompiledTemplate['variants'] {
  if (!locale || locale === template.language || locale.split('-')[0] !== template.language) return template.variants;
  let byLocale = regional.get(template);
  if (!byLocale) regional.set(template, (byLocale = new Map()));
  let variants = byLocale.get(locale);
  if (!variants) byLocale.set(locale, (variants = template.sources.map((source) => new IntlMessageFormat(source, locale))));
  return variants;
}

/** The shopper's locale in canonical form ("es_mx" → "es-MX"), or undefined when it is not one. */
export function canonicalLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale.replace('_', '-'))[0];
  } catch {
    return undefined;
  }
}

function suggestions(snapshot: Snapshot, language: string, count: number, intent: IntentResult): QuickReply[] {
  const labels = snapshot.ui.get(language)?.intents ?? snapshot.ui.get(snapshot.settings.defaultLanguage)?.intents ?? {};
  return [{ intent: intent.intent }, ...intent.alternatives]
    .filter((candidate) => candidate.intent !== OUT_OF_SCOPE)
    .slice(0, count)
    .map((candidate) => ({ label: labels[candidate.intent] ?? candidate.intent, value: `intent:${candidate.intent}` }));
}

export function renderReply(snapshot: Snapshot, input: RenderInput): Reply {
  const template = findTemplate(snapshot, input.language, input.templateId);
  if (!template) throw new AppError('internal', `template "${input.templateId}" does not exist`);
  const values: Record<string, TemplateValue> = {
    ...snapshot.settings.variables,
    ...input.entities,
    ...countryValues(snapshot.countryPhrases, template.language, input.entities.country),
    today: input.now,
    ...input.values,
  };
  // A moment named in a reply ("we're back Monday 09:00") is written in the shopper's language and the store's time.
  if (values.reopensAt instanceof Date) {
    values.reopensAt = new Intl.DateTimeFormat(template.language, { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: input.timeZone ?? snapshot.settings.timeZone, timeZoneName: 'short' }).format(values.reopensAt);
  }
  // Prefer a variant whose values are all known (a reply about an order needs its number); if none is, the
  // chosen one is formatted with the missing values left empty rather than failing the reply.
  const count = template.variants.length;
  const isComplete = (index: number) => template.variantArguments[index]!.every((name) => values[name] !== undefined);
  const offsets = Array.from({ length: count }, (_, offset) => (input.variantSeed + offset) % count);
  const chosen = offsets.find(isComplete) ?? offsets[0]!;
  const filled = { ...values };
  for (const name of template.variantArguments[chosen]!) filled[name] ??= '';
  let text: string;
  try {
    text = String(variantsFor(template, input.locale)[chosen]!.format(filled));
  } catch (error) {
    throw new AppError('internal', `template "${template.id}" (${template.language}) could not be formatted: ${(error as Error).message}`);
  }
  const quickReplies = [
    ...template.quickReplies,
    ...(input.suggest ? suggestions(snapshot, template.language, input.suggest.count, input.suggest.intent) : []),
  ];
  return { templateId: template.id, language: template.language, text, quickReplies };
}
