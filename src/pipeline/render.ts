// Render stage: the chosen template in the reply language, formatted with the message's entities and the
// store's variables (numbers, dates, currency and plurals in the shopper's locale), plus quick replies.
import { IntlMessageFormat } from 'intl-messageformat';
import type { CompiledTemplate, QuickReply, Snapshot } from '../content/index.js';
import { findTemplate } from '../content/index.js';
import { AppError, dateTimeFormat } from '../shared/index.js';
import { countryValues } from '../language/index.js';
import type { Entities } from './entities.js';
import type { ProductCard } from './product-values.js';
import { OUT_OF_SCOPE, type IntentResult } from './intent.js';

export interface Reply {
  templateId: string;
  language: string;
  text: string;
  quickReplies: QuickReply[];
  /** Every template of a reply made of several (an answer, then a question the bot still waits for). */
  parts?: string[];
  /** Products shown under the text: picture, title, price and link. */
  cards?: ProductCard[];
}

export type TemplateValue = string | number | boolean | Date | undefined;

export interface RenderInput {
  templateId: string;
  language: string;
  entities: Entities;
  /** Picks among a template's variants, so replies vary but stay reproducible. */
  variantSeed: number;
  now: Date;
  /**
   * Adds N quick replies: the likely intents, then the store's topics. Small talk and out_of_scope are never
   * offered, nor an intent the classifier hardly considered.
   */
  suggest?: { count: number; intent: IntentResult; topics?: string[]; smallTalk?: string[] };
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
  if (!byLocale) {
    byLocale = new Map();
    regional.set(template, byLocale);
  }
  let variants = byLocale.get(locale);
  if (!variants) {
    variants = template.sources.map((source) => new IntlMessageFormat(source, locale));
    byLocale.set(locale, variants);
  }
  return variants;
}

/** The shopper's locale in canonical form ("es_mx" → "es-MX"), or undefined when it is not one. */
export { canonicalLocale } from '../shared/index.js';

/** Below this, an alternative intent is a guess not worth offering. */
const MIN_SUGGESTED_CONFIDENCE = 0.1;

function suggestions(snapshot: Snapshot, language: string, suggest: NonNullable<RenderInput['suggest']>): QuickReply[] {
  const labels = snapshot.ui.get(language)?.intents ?? snapshot.ui.get(snapshot.settings.defaultLanguage)?.intents ?? {};
  const never = new Set([OUT_OF_SCOPE, ...(suggest.smallTalk ?? [])]);
  const likely = [{ intent: suggest.intent.intent, confidence: suggest.intent.confidence }, ...suggest.intent.alternatives]
    .filter((candidate) => candidate.confidence >= MIN_SUGGESTED_CONFIDENCE)
    .map((candidate) => candidate.intent);
  return [...new Set([...likely, ...(suggest.topics ?? [])])]
    .filter((intent) => !never.has(intent))
    .slice(0, suggest.count)
    .map((intent) => ({ label: labels[intent] ?? intent, value: `intent:${intent}` }));
}

/** Every value a template's variants name, once per template. */
const namedValues = new WeakMap<CompiledTemplate, string[]>();
function argumentsOf(template: CompiledTemplate): string[] {
  let names = namedValues.get(template);
  if (!names) namedValues.set(template, (names = [...new Set(template.variantArguments.flat())]));
  return names;
}

/**
 * The values the template's variants name, each from the first place that has it: the turn's own values, today,
 * the country's phrases, the message's entities, the store's variables. Codes and amounts reach templates through
 * the promotions' own values ({code}, {orderAmount}), not as entities.
 */
function valuesFor(snapshot: Snapshot, template: CompiledTemplate, input: RenderInput): Record<string, TemplateValue> {
  const { entities, values: own } = input;
  let country: Record<string, TemplateValue> | undefined;
  const values: Record<string, TemplateValue> = {};
  for (const name of argumentsOf(template)) {
    if (own && Object.hasOwn(own, name)) values[name] = own[name];
    else if (name === 'today') values[name] = input.now;
    else if (Object.hasOwn((country ??= countryValues(snapshot.countryPhrases, template.language, entities.country)), name)) values[name] = country[name];
    else if (name !== 'promoCodes' && name !== 'amount' && Object.hasOwn(entities, name)) values[name] = entities[name as keyof Entities] as TemplateValue;
    else if (Object.hasOwn(snapshot.settings.variables, name)) values[name] = snapshot.settings.variables[name];
  }
  return values;
}

/** A variant that names no value reads the same in every locale and every reply: it is formatted once. */
const literalTexts = new WeakMap<CompiledTemplate, (string | undefined)[]>();
function literalText(template: CompiledTemplate, index: number): string | undefined {
  let texts = literalTexts.get(template);
  if (!texts) {
    texts = template.variants.map((variant, at) => (template.variantArguments[at]!.length === 0 ? String(variant.format({})) : undefined));
    literalTexts.set(template, texts);
  }
  return texts[index];
}

export function renderReply(snapshot: Snapshot, input: RenderInput): Reply {
  const template = findTemplate(snapshot, input.language, input.templateId);
  if (!template) throw new AppError('internal', `template "${input.templateId}" does not exist`);
  const values = valuesFor(snapshot, template, input);
  // A moment named in a reply ("we're back Monday 09:00") is written in the shopper's language and the store's time.
  if (values.reopensAt instanceof Date) {
    values.reopensAt = dateTimeFormat(template.language, {
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: input.timeZone ?? snapshot.settings.timeZone,
      timeZoneName: 'short',
    }).format(values.reopensAt);
  }
  // Prefer a variant whose values are all known (a reply about an order needs its number); if none is, the
  // chosen one is formatted with the missing values left empty rather than failing the reply.
  const count = template.variants.length;
  const isComplete = (index: number) => template.variantArguments[index]!.every((name) => values[name] !== undefined);
  let chosen = input.variantSeed % count;
  for (let offset = 0; offset < count; offset++) {
    if (!isComplete((input.variantSeed + offset) % count)) continue;
    chosen = (input.variantSeed + offset) % count;
    break;
  }
  // `values` is this reply's own object: the chosen variant's missing values are filled in place.
  for (const name of template.variantArguments[chosen]!) values[name] ??= '';
  let text: string;
  try {
    text = literalText(template, chosen) ?? String(variantsFor(template, input.locale)[chosen]!.format(values));
  } catch (error) {
    throw new AppError('internal', `template "${template.id}" (${template.language}) could not be formatted: ${(error as Error).message}`);
  }
  // The likeliest topics first, then the template's own buttons ("talk to a person"), each once.
  const own = template.quickReplies;
  const suggested = input.suggest
    ? suggestions(snapshot, template.language, input.suggest).filter((reply) => !own.some((mine) => mine.value === reply.value))
    : [];
  const quickReplies = [...suggested, ...own];
  return { templateId: template.id, language: template.language, text, quickReplies };
}
