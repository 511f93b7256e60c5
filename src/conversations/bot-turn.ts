// The bot's turn on a shopper's message: the pipeline's decision, with the orders it needs read first and the
// store's answer to its requests, then carried out by the effects; the learning loop and metrics see every turn.
import type { Knowledge } from '../knowledge/index.js';
import type { Metrics } from '../observability/index.js';
import type { OrderSource } from '../orders/index.js';
import { renderReply, type PipelineContext, type PipelineResult, type Understanding } from '../pipeline/index.js';
import { AppError, maskPersonalData, type Message } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { Effects } from './effects.js';
import type { createHandoffLimiter } from './handoff-limits.js';
import { createLookupLockout } from './lookup-lockout.js';
import { runTurn } from './turn.js';
import type { Logger } from './types.js';

export interface BotTurnDependencies {
  store: Store;
  knowledge: Knowledge;
  effects: Effects;
  logger: Logger;
  /** Store hours and agents online, for the rules' facts. */
  context: () => PipelineContext;
  metrics?: Metrics;
  orders?: OrderSource;
  now: () => Date;
  /** Caps on hand-offs per client address and in all. */
  handoffs?: ReturnType<typeof createHandoffLimiter>;
}

export function currentSnapshot(knowledge: Knowledge) {
  const snapshot = knowledge.current();
  if (!snapshot) throw new AppError('unavailable', 'content is not loaded');
  return snapshot;
}

/** The turn without its hand-off: the conversation stays with the bot, which says why in the shopper's language. */
function keptByTheBot(snapshot: ReturnType<typeof currentSnapshot>, result: PipelineResult, now: Date): PipelineResult {
  const reply = renderReply(snapshot, { templateId: 'handoff.limited', language: result.language.language, entities: {}, variantSeed: 0, now });
  return {
    ...result,
    action: 'reply',
    handoff: undefined,
    reply,
    effects: result.effects.filter((effect) => effect.type !== 'hand_off'),
  };
}

export function createBotTurn({ store, knowledge, effects, logger, context, metrics, orders, now, handoffs }: BotTurnDependencies) {
  const lookups = createLookupLockout(store);
  /** `from`: the shopper's client address (for the look-up lockout per address) and the page they write from. */
  return async function answer(
    record: ConversationRecord,
    shopperMessage: Message,
    payload: string | undefined,
    understood: Understanding,
    { address, page }: { address?: string; page?: PipelineContext['page'] } = {},
  ): Promise<void> {
    const started = performance.now();
    const situation = page ? { ...context(), page } : context();
    const snapshot = currentSnapshot(knowledge);
    const { result: decided } = await runTurn(
      snapshot,
      {
        text: shopperMessage.text,
        payload,
        locale: record.locale,
        conversation: record.state,
        now: now(),
        context: record.customerId ? { ...situation, customer: { ...situation.customer, id: record.customerId } } : situation,
        understood,
        attachments: shopperMessage.attachments?.map((attachment) => attachment.id),
      },
      { orders, handleRequests: effects.requestFromStore, lookupsPausedUntil: (fetches) => lookups.pausedUntil({ ...fetches, address }, now().getTime()) },
    );
    let result = decided;
    const refused = decided.handoff ? await handoffs?.admit(address, now().getTime()) : undefined;
    if (refused) {
      metrics?.handoffRefused(refused);
      logger.warn({ conversationId: record.id, cap: refused, reason: decided.handoff?.reason }, 'hand-off refused: too many requests for a person');
      result = keptByTheBot(snapshot, decided, now());
    }
    if (result.failedLookup) await lookups.failed({ ...result.failedLookup, address }, now().getTime());
    if (result.orderError) {
      // The source's own message, never the shopper's words: those may hold an e-mail address.
      logger.warn(
        { conversationId: record.id, source: orders?.name, err: maskPersonalData(String((result.orderError as Error).message ?? result.orderError)) },
        'order look-up failed',
      );
    }
    const outcome = result.handoff ? 'handed_off' : !result.reply ? 'unanswered' : result.intent.confident || result.topic ? 'answered' : 'clarified';
    metrics?.message(result.language.language, result.intent.intent, outcome, (performance.now() - started) / 1000);
    if (!result.intent.confident && !result.topic && result.language.isSupported && !payload && result.text) {
      await store.recordUnanswered({
        text: maskPersonalData(result.text),
        language: result.language.language,
        guessedIntent: result.intent.intent,
        confidence: result.intent.confidence,
        at: now().toISOString(),
      });
    }
    await effects.applyBotTurn(record, result);
  };
}
