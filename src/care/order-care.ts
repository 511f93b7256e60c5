// Order care: the store's signed events become messages in the shopper's conversation, in their language, and a
// delivered order gets a follow-up some days later (follow-up.ts). Events and follow-ups run as scheduled jobs, so
// they survive a restart and run on exactly one node.
import type { ScheduledJob } from '../store/index.js';
import { OrderEvent } from './events.js';
import { FOLLOW_UP_JOB, scheduleFollowUp, sendFollowUp } from './follow-up.js';
import { planCare } from './plan.js';
import { careTarget, type CareContext, currentSnapshot, deliverCare } from './target.js';

export const CARE_EVENT_JOB = 'care.event';
/** An event id is remembered this long: a store's retry of an event already handled is answered 409. */
export const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;

/** Sends the message the care rules chose for an event, and schedules its follow-up. */
async function handleEvent(context: CareContext, event: OrderEvent): Promise<void> {
  const { knowledge, logger } = context;
  const target = await careTarget(context, event);
  if (!target.customerId) {
    logger.info({ event: event.id, type: event.type, order: event.order.number }, 'order event without a customer id: no conversation to write to');
    return;
  }
  const plan = await planCare(currentSnapshot(knowledge), event, target);
  if (plan.message) {
    const conversationId = await deliverCare(context, target.customerId, event, plan.message.reply, plan.language);
    logger.info({ event: event.id, type: event.type, rule: plan.message.rule, conversationId, language: plan.language }, 'order-care message sent');
  }
  if (plan.followUp) await scheduleFollowUp(context, event, plan.followUp);
}

export function createOrderCare(context: CareContext) {
  const { store, now } = context;
  const dueListeners: (() => void)[] = [];
  return {
    /** Job handlers for the scheduler. */
    handlers: {
      [CARE_EVENT_JOB]: (job: ScheduledJob) => handleEvent(context, OrderEvent.parse(job.payload.event)),
      [FOLLOW_UP_JOB]: (job: ScheduledJob) => sendFollowUp(context, job),
    },
    /** Called with each job kept for now, for the scheduler to run it at once. */
    onJobDue(listener: () => void) {
      dueListeners.push(listener);
    },
    /**
     * Takes a verified event: false when its id was seen before (a replay). Otherwise it is kept as a job due now,
     * so that it is handled even if this node stops before it gets to it.
     */
    async accept(event: OrderEvent): Promise<boolean> {
      if (!(await store.rememberOnce(`webhook:event:${event.id}`, EVENT_MEMORY_MS))) return false;
      const job = { id: `care:event:${event.id}`, kind: CARE_EVENT_JOB, runAt: now().toISOString(), payload: { event } };
      await store.scheduleJob(job);
      for (const listener of dueListeners) listener();
      return true;
    },
    handleEvent: (event: OrderEvent) => handleEvent(context, event),
  };
}

export type OrderCare = ReturnType<typeof createOrderCare>;
