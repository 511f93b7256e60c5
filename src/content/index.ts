// Content's shapes, shared by the module that loads it and the pipeline that reads it: the files operators edit
// (schema.ts, order-rules.ts), the compiled flows (flow-types.ts) and the Snapshot they are compiled into
// (snapshot.ts). Types and zod schemas only, besides findTemplate; knowledge/ loads and compiles the content.
export {
  Condition,
  IntentId,
  IntentsFile,
  isSafeKey,
  LanguageCode,
  QuickReply,
  Rule,
  RuleEvent,
  RulesFile,
  SettingsFile,
  TemplateId,
  TemplatesFile,
  UiFile,
  type Settings,
} from './schema.js';
export { CareEvent, CareRule, CareRulesFile, PackageEvent, PackageRule, PackageRulesFile } from './order-rules.js';
export type { EffectSpec, Flow, FlowSet, FlowSettings, FlowSlot, Predicate, SlotFill } from './flow-types.js';
export {
  findTemplate,
  type CompiledTemplate,
  type MatchedRule,
  type OrderRuleMatch,
  type OrderRuleSet,
  type RuleRunner,
  type Snapshot,
} from './snapshot.js';
