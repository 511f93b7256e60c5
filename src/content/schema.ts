// The shapes of the files operators edit. Parsed once when content loads; the pipeline trusts them.
import { z } from 'zod';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
export const isSafeKey = (key: string) => !forbiddenKeys.has(key);

export const IntentId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'intent ids are snake_case (a-z, 0-9, _)');
export const TemplateId = z.string().regex(/^[a-z](?:[a-z0-9_]|\.(?=[a-z0-9_]))*$/, 'template ids are snake_case words joined by dots');
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'a language is an ISO 639-1 code such as "en"');

const safeRecord = <T extends z.ZodType>(key: z.ZodString, value: T) => z.record(key.refine(isSafeKey, 'reserved key'), value);

/** locales/<lang>/intents.json: intent id → training utterances. */
export const IntentsFile = safeRecord(
  IntentId,
  z.array(z.string().trim().min(1, 'an utterance cannot be empty').max(500)).min(1, 'an intent needs utterances'),
);
export type IntentsFile = z.infer<typeof IntentsFile>;

/** locales/<lang>/ui.json: labels of intents (quick replies) and the widget's and console's strings. */
export const UiFile = z.looseObject({
  intents: safeRecord(IntentId, z.string().min(1)).default({}),
  widget: safeRecord(z.string(), z.string()).default({}),
});
export type UiFile = z.infer<typeof UiFile>;

/** locales/settings.json: store-wide language settings. */
export const SettingsFile = z
  .strictObject({
    defaultLanguage: LanguageCode.default('en'),
    /**
     * The share of confident answers that should be right (0.95: 19 in 20); each language's confidence threshold is
     * derived from it at load time. Without it or a raw threshold, 0.95.
     */
    targetPrecision: z.number().gt(0.5, 'a target precision above 0.5 (e.g. 0.95)').lt(1, 'a target precision below 1 (e.g. 0.95)').optional(),
    /** A raw confidence threshold for every language, instead of a target precision. */
    confidenceThreshold: z.number().min(0).max(1).optional(),
    /** The store's time zone (IANA), for the localTime fact. */
    timeZone: z
      .string()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone such as "Europe/Berlin"')
      .default('UTC'),
    /** Store facts that templates may use, e.g. {"returnDays": 30}. */
    variables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .refine((settings) => settings.targetPrecision === undefined || settings.confidenceThreshold === undefined, {
    message: 'set targetPrecision or confidenceThreshold, not both',
    path: ['confidenceThreshold'],
  });
export type Settings = z.infer<typeof SettingsFile>;

export const QuickReply = z.strictObject({
  label: z.string().min(1).max(80),
  value: z.string().min(1).max(200),
});
export type QuickReply = z.infer<typeof QuickReply>;

/** templates/<lang>/*.json: template id → variants (ICU messages) and optional quick replies. */
export const TemplatesFile = safeRecord(
  TemplateId,
  z.strictObject({
    variants: z.array(z.string().min(1)).min(1, 'a template needs at least one variant'),
    quickReplies: z.array(QuickReply).max(8).optional(),
  }),
);
export type TemplatesFile = z.infer<typeof TemplatesFile>;

const ruleFactName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'fact names are plain identifiers')
  .refine(isSafeKey, 'a fact may not be named __proto__, constructor or prototype');
const dotPath = z
  .string()
  .regex(/^[A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?=[A-Za-z0-9_]))*$/, 'paths are plain dot paths such as "entities.orderNumber"')
  .refine((path) => path.split('.').every(isSafeKey), 'paths may not go through __proto__, constructor or prototype');

export interface Condition {
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string;
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
}

const FactCondition = z.strictObject({
  fact: ruleFactName,
  operator: z.string().min(1),
  value: z.unknown(),
  path: dotPath.optional(),
});

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([FactCondition, z.strictObject({ all: z.array(Condition) }), z.strictObject({ any: z.array(Condition) }), z.strictObject({ not: Condition })]),
);

export const RuleEvent = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('reply'),
    params: z.strictObject({
      template: TemplateId,
      /** Adds the top N intent alternatives as quick replies (for clarifying questions). */
      suggestAlternatives: z.number().int().min(1).max(4).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('ask'),
    params: z.strictObject({ template: TemplateId, slot: z.string().min(1), intent: IntentId.optional() }),
  }),
  z.strictObject({
    type: z.literal('handoff'),
    params: z.strictObject({
      template: TemplateId,
      reason: z.string().min(1).default('rule'),
      priority: z.number().int().min(0).max(10).default(0),
      /** Opens the case being gathered (fact `case`): the agent sees its summary and photos first. */
      openCase: z.boolean().optional(),
    }),
  }),
  z.strictObject({ type: z.literal('tag'), params: z.strictObject({ tag: z.string().min(1).max(60) }) }),
]);
export type RuleEvent = z.infer<typeof RuleEvent>;

export const Rule = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  priority: z.number().int().min(1).default(1),
  conditions: z.union([z.strictObject({ all: z.array(Condition) }), z.strictObject({ any: z.array(Condition) }), z.strictObject({ not: Condition })]),
  event: RuleEvent,
});
export type Rule = z.infer<typeof Rule>;

/** rules/*.json: a list of rules. */
export const RulesFile = z.strictObject({ rules: z.array(Rule) });
export type RulesFile = z.infer<typeof RulesFile>;
