// Where a message goes: normalize → language → intent → entities → rules → render. Each stage is a function from
// plain data to plain data over one immutable knowledge snapshot; nothing here reads files, clocks or sockets.
import type { Snapshot } from '../knowledge/snapshot.js';
import { caseFact, gatherCase, type CaseState } from './case.js';
import { buildFacts, decide, newConversationState, type Action, type ConversationState, type PipelineContext } from './decide.js';
import { extractEntities, type Entities } from './entities.js';
import { classifyIntent, type IntentResult } from './intent.js';
import type { LanguageResult } from './language.js';
import { normalizeText } from './normalize.js';
import { renderReply, type Reply } from './render.js';

export type { ConversationState, PipelineContext } from './decide.js';
export type { CaseFact, CaseState, ProblemKind } from './case.js';
export { guessProblem } from './case.js';
export { newConversationState } from './decide.js';
export type { Entities } from './entities.js';
export type { IntentResult } from './intent.js';
export type { LanguageResult } from './language.js';
export type { Reply } from './render.js';

export interface PipelineInput {
  text: string;
  /** A quick reply's value, such as "intent:order_status". */
  payload?: string;
  /** The widget's locale (navigator.language). */
  locale?: string;
  /** A language the caller already knows (an operator's preview): detection is skipped. */
  language?: string;
  conversation?: ConversationState;
  now: Date;
  /** Chooses among a template's variants; by default the conversation's turn. */
  variantSeed?: number;
  context?: PipelineContext;
  /** What the message says, when the caller has already worked it out with understand(). */
  understood?: Understanding;
  /** Ids of the pictures this message carries (already checked to belong to the conversation). */
  attachments?: string[];
}

export interface Understanding {
  text: string;
  language: LanguageResult;
  intent: IntentResult;
  entities: Entities;
}

export interface PipelineResult extends Understanding {
  rule?: string;
  action: Action['type'] | 'none';
  reply?: Reply;
  handoff?: { reason: string; priority: number };
  tags: string[];
  /** The conversation's state after this message, for the caller to keep. */
  conversation: ConversationState;
}

export interface UnderstandOptions {
  locale?: string;
  conversationLanguage?: string;
  payload?: string;
  language?: string;
}

/** The stages that need no rules: what the message says. */
export function understand(snapshot: Snapshot, text: string, options: UnderstandOptions = {}): Understanding {
  const normalized = normalizeText(text);
  const language: LanguageResult =
    options.language && snapshot.languages.includes(options.language)
      ? { language: options.language, detected: options.language, confidence: 1, isSupported: true, source: 'given' }
      : snapshot.languageModel.detect(normalized, options, snapshot.settings.defaultLanguage);
  const intent = classifyIntent(snapshot, normalized, language.language, options.payload);
  const entities = extractEntities(normalized, snapshot.countries);
  return { text: normalized, language, intent, entities };
}

function nextCase(gathered: CaseState | undefined, action: Action | undefined, now: Date): CaseState | undefined {
  if (gathered?.status === 'collecting' && action?.type === 'handoff' && action.params.openCase) {
    return { ...gathered, status: 'open', openedAt: now.toISOString() };
  }
  return gathered;
}

function nextConversation(
  previous: ConversationState,
  understood: Understanding,
  action: Action | undefined,
  tags: string[],
  gathered: { state: CaseState; updated: boolean } | undefined,
  now: Date,
): ConversationState {
  // A photo or an order number that went into the case was understood, even though its text alone is unclear.
  const isUnderstood = understood.intent.confident || action?.type === 'handoff' || !!gathered?.updated;
  const next: ConversationState = {
    turns: previous.turns + 1,
    lowConfidenceStreak: isUnderstood ? 0 : previous.lowConfidenceStreak + 1,
    language: understood.language.isSupported ? understood.language.language : previous.language,
  };
  const allTags = [...new Set([...(previous.tags ?? []), ...tags])];
  if (allTags.length) next.tags = allTags;
  if (action?.type === 'ask') next.awaiting = { slot: action.params.slot, intent: action.params.intent ?? understood.intent.intent };
  const kept = nextCase(gathered?.state, action, now);
  if (kept) next.case = kept;
  return next;
}

export async function runPipeline(snapshot: Snapshot, input: PipelineInput): Promise<PipelineResult> {
  const conversation = input.conversation ?? newConversationState();
  const understood = input.understood ?? understand(snapshot, input.text, {
    locale: input.locale,
    conversationLanguage: conversation.language,
    payload: input.payload,
    language: input.language,
  });
  const attachments = input.attachments ?? [];
  const gathered = gatherCase(conversation.case, {
    text: understood.text,
    payload: input.payload,
    intent: understood.intent,
    entities: understood.entities,
    attachmentIds: attachments,
    awaiting: conversation.awaiting?.slot,
  });
  const facts = {
    ...buildFacts(understood.text, understood.language, understood.intent, understood.entities, conversation, input.now, snapshot.settings.timeZone, input.context),
    message: { attachments: attachments.length },
    case: caseFact(gathered),
  };
  const decision = await decide(snapshot, facts);
  const { action } = decision;
  const reply = action
    ? renderReply(snapshot, {
        templateId: action.params.template,
        language: understood.language.language,
        entities: understood.entities,
        variantSeed: input.variantSeed ?? conversation.turns,
        now: input.now,
        values: {
          ...(input.context?.reopensAt ? { reopensAt: input.context.reopensAt } : {}),
          ...(gathered ? { caseOrderNumber: gathered.state.orderNumber, caseProblem: gathered.state.problem ?? 'other', casePhotos: gathered.state.attachmentIds.length } : {}),
        },
        timeZone: input.context?.timeZone,
        suggest: action.type === 'reply' && action.params.suggestAlternatives
          ? { count: action.params.suggestAlternatives, intent: understood.intent }
          : undefined,
      })
    : undefined;
  return {
    ...understood,
    rule: decision.rule,
    action: action?.type ?? 'none',
    reply,
    handoff: action?.type === 'handoff' ? { reason: action.params.reason, priority: action.params.priority } : undefined,
    tags: decision.tags,
    conversation: nextConversation(conversation, understood, action, decision.tags, gathered, input.now),
  };
}
