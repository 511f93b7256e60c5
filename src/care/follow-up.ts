// A delivered order's follow-up: scheduled once per order as a job, and written only when it is sent, in the
// content and the customer's language of that day.
import type { ScheduledJob } from '../store/index.js';
import { OrderEvent } from './events.js';
import { renderCareTemplate, type FollowUpPlan } from './plan.js';
import { careTarget, type CareContext, currentSnapshot, deliverCare } from './target.js';

export const FOLLOW_UP_JOB = 'care.follow_up';
/** An order gets one follow-up, even if the store reports its delivery again within this time. */
const FOLLOW_UP_MEMORY_MS = 400 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function scheduleFollowUp({ store, followUpDays, now, logger }: CareContext, event: OrderEvent, followUp: FollowUpPlan): Promise<void> {
  const id = `care:follow-up:${event.order.id}`;
  if (!(await store.rememberOnce(id, FOLLOW_UP_MEMORY_MS))) return;
  const days = followUp.afterDays ?? followUpDays;
  const runAt = new Date(now().getTime() + days * DAY_MS).toISOString();
  await store.scheduleJob({
    id,
    kind: FOLLOW_UP_JOB,
    runAt,
    payload: { event, template: followUp.template, values: followUp.values ?? {}, rule: followUp.rule },
  });
  logger.info({ event: event.id, order: event.order.number, rule: followUp.rule, runAt }, 'order follow-up scheduled');
}

export async function sendFollowUp(context: CareContext, job: ScheduledJob): Promise<void> {
  const { store, knowledge, logger } = context;
  const event = OrderEvent.parse(job.payload.event);
  const target = await careTarget(context, event);
  if (!target.customerId) return;
  // The delivery message went to a conversation of this customer; if none is left, the customer's data was deleted
  // (or expired) since, and a follow-up must not bring a conversation back.
  if ((await store.listConversationsByCustomer(target.customerId)).length === 0) {
    logger.info({ order: event.order.number, rule: job.payload.rule }, 'order follow-up dropped: the customer has no conversation any more');
    return;
  }
  const values = job.payload.values as Record<string, string | number | boolean>;
  const reply = renderCareTemplate(currentSnapshot(knowledge), event, String(job.payload.template), values, target);
  const conversationId = await deliverCare(context, target.customerId, event, reply, target.language);
  logger.info({ order: event.order.number, rule: job.payload.rule, conversationId }, 'order follow-up sent');
}
