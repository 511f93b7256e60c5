// What a conversation asks the order source on the shopper's behalf: a cancellation or a change, and whether an
// order a case was opened on is the signed-in customer's. A refusal or a failure is an answer, never an exception.
import type { OrderSource } from '../orders/index.js';
import type { Effect, EffectOutcome, PipelineResult } from '../pipeline/index.js';
import { maskPersonalData } from '../shared/index.js';
import type { ConversationRecord } from '../store/index.js';
import type { Logger } from './types.js';

/** Asks the store to cancel or change an order, one request after the other. */
export async function requestFromStore(orders: OrderSource | undefined, logger: Logger, requests: Effect[]): Promise<EffectOutcome[]> {
  const outcomes: EffectOutcome[] = [];
  for (const effect of requests) {
    try {
      const answer =
        effect.type === 'request_cancellation'
          ? await orders?.requestCancellation?.(effect.orderNumber, 'the shopper asked in the chat')
          : effect.type === 'request_change'
            ? await orders?.requestChange?.(effect.orderNumber, effect.change)
            : undefined;
      outcomes.push({
        type: effect.type,
        result: !answer ? 'unsupported' : answer.ok ? 'done' : 'failed',
        ...(answer?.message ? { message: answer.message } : {}),
      });
    } catch (error) {
      logger.warn({ source: orders?.name, err: maskPersonalData(String((error as Error).message ?? error)) }, 'order request failed');
      outcomes.push({ type: effect.type, result: 'failed', error });
    }
  }
  return outcomes;
}

/**
 * A case a signed-in customer opened on an order number they did not look up: its owner is verified when the store
 * says the order is that customer's. A failing order source leaves it unverified, which is what the agent sees.
 */
export async function withCaseOwner(
  orders: OrderSource | undefined,
  record: ConversationRecord,
  state: PipelineResult['conversation'],
): Promise<PipelineResult['conversation']> {
  const opened = state.case;
  if (!opened?.orderNumber || opened.ownerVerified !== false || !record.customerId || !orders) return state;
  const order = await orders.findByNumber(opened.orderNumber).catch(() => undefined);
  return order?.customer.id === record.customerId ? { ...state, case: { ...opened, ownerVerified: true } } : state;
}
