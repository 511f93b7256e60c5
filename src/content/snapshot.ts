// The knowledge snapshot: everything the pipeline needs, compiled from the content folders and never changed
// after it is built. A content change builds a new one.
import type { IntlMessageFormat } from 'intl-messageformat';
import type { CountryIndex, CountryPhrases, Lexicon } from '../language/index.js';
import type { IntentModel, IntentThreshold, LanguageModel } from '../nlu/index.js';
import type { FlowSet } from './flow-types.js';
import type { CareRule, PackageRule } from './order-rules.js';
import type { ShippingContent } from '../shipping/index.js';
import type { PromotionContent } from '../promotions/index.js';
import type { HelpIndex } from '../faq/index.js';
import type { QuickReply, Rule, RuleEvent, Settings, UiFile } from './schema.js';

export interface MatchedRule {
  name: string;
  priority: number;
  event: RuleEvent;
}

/** rules/*.json, compiled (knowledge/rules.ts). */
export interface RuleRunner {
  /** The rules that matched, highest priority first; lower priorities than the first action are not evaluated. */
  run(facts: Record<string, unknown>): MatchedRule[] | Promise<MatchedRule[]>;
}

export interface OrderRuleMatch<E> {
  name: string;
  description?: string;
  priority: number;
  event: E;
}

/** care/*.json or packages/*.json, compiled (knowledge/order-rules.ts). */
export interface OrderRuleSet<R extends { name: string; description?: string; priority: number; event: unknown }> {
  readonly rules: readonly R[];
  /** Every rule that matches the facts, highest priority first (file order among equals). */
  run(facts: Record<string, unknown>): Promise<OrderRuleMatch<R['event']>[]>;
}

export interface CompiledTemplate {
  id: string;
  language: string;
  file: string;
  sources: string[];
  variants: IntlMessageFormat[];
  /** The values each variant uses, e.g. ["orderNumber"]. */
  variantArguments: string[][];
  quickReplies: QuickReply[];
}

export interface Snapshot {
  /** When it was built (ISO time) and from which folder. */
  builtAt: string;
  contentDir: string;
  settings: Settings;
  /** Languages with training utterances: the ones the bot answers in. */
  languages: string[];
  languageModel: LanguageModel;
  intentModels: ReadonlyMap<string, IntentModel>;
  /** Per language: the confidence an intent needs to be answered, and the precision and coverage it gives. */
  intentThresholds: ReadonlyMap<string, IntentThreshold>;
  /** language → template id → template. */
  templates: ReadonlyMap<string, ReadonlyMap<string, CompiledTemplate>>;
  ui: ReadonlyMap<string, UiFile>;
  rules: readonly Rule[];
  engine: RuleRunner;
  /** care/*.json: what to tell a shopper about an order event. */
  care: OrderRuleSet<CareRule>;
  /** packages/*.json: what goes in a parcel. */
  packages: OrderRuleSet<PackageRule>;
  countries: CountryIndex;
  /** Shipping zones and duties rules from shipping/, when the content has them. */
  shipping?: ShippingContent;
  /** promotions/promotions.json: the store's discount codes, when the content has them. */
  promotions?: PromotionContent;
  /** faq/: help articles per language, searched when no intent answers confidently or an intent asks for them. */
  help?: HelpIndex;
  /** How each language writes a country: its name and the phrases "to …" and "in …" (locales/<lang>/countries.json). */
  countryPhrases: CountryPhrases;
  /** flows/: multi-turn requests, and what every conversation shares (context, follow-ups, emoji). */
  flows: FlowSet;
  /** locales/<lang>/lexicon.json, compiled: yes/no, follow-up cues, problem and change words. */
  lexicons: ReadonlyMap<string, Lexicon>;
}

/** A template in the language, else in the store's default language. */
export function findTemplate(snapshot: Snapshot, language: string, id: string): CompiledTemplate | undefined {
  return snapshot.templates.get(language)?.get(id) ?? snapshot.templates.get(snapshot.settings.defaultLanguage)?.get(id);
}
