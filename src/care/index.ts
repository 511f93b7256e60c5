// Order care: the store's signed events become messages in the shopper's conversation, in their language, and a
// delivered order gets a follow-up some days later. Events and follow-ups run as scheduled jobs, so they survive
// a restart and run on exactly one node.
import type { ConversationService } from '../conversations/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { AppError, type Logger } from '../shared/index.js';
import type { ScheduledJob, Store } from '../store/index.js';
import { OrderEvent } from './events.js';
import { chooseLanguage } from './order-facts.js';
import { planCare, renderCareTemplate, type CareTarget } from './plan.js';

export { EventEnvelope, ORDER_EVENT_TYPES, OrderEvent as OrderEventSchema, type OrderEventType } from './events.js';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS } from './signature.js';
export { chooseLanguage, customerFacts, orderFacts, orderValues, mergeValues, type CustomerFacts } from './order-facts.js';
export { planCare, type CarePlan } from './plan.js';

export const CARE_EVENT_JOB = 'care.event';
export const FOLLOW_UP_JOB = 'care.follow_up';
/** An event id is remembered this long: a store's retry of an event already handled is answered 409. */
export const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;
/** An order gets one follow-up, even if the store reports its delivery again within this time. */
const FOLLOW_UP_MEMORY_MS = 400 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createOrderCare({
  store,
  knowledge,
  conversations,
  followUpDays,
  now,
  logger,
}: {
  store: Store;
  knowledge: Knowledge;
  conversations: ConversationService;
  followUpDays: number;
  now: () => Date;
  logger: Logger;
}) {
  const dueListeners: (() => void)[] = [];

  function snapshot() {
    const current = knowledge.current();
    if (!current) throw new AppError('unavailable', 'content is not loaded');
    return current;
  }

  /** The order's locale, else the language of the customer's latest conversation, else the store's default. */
  async function targetFor(event: OrderEvent): Promise<CareTarget & { customerId?: string }> {
    const customerId = event.order.customer.id;
    const [latest] = customerId ? await store.listConversationsByCustomer(customerId) : [];
    const { language, locale } = chooseLanguage(snapshot(), [event.order.customer.locale, latest?.state.language, latest?.locale]);
    return { customerId, language, locale, now: now() };
  }

  async function handleEvent(event: OrderEvent): Promise<void> {
    const target = await targetFor(event);
    if (!target.customerId) {
      logger.info({ event: event.id, type: event.type, order: event.order.number }, 'order event without a customer id: no conversation to write to');
      return;
    }
    const plan = await planCare(snapshot(), event, target);
    if (plan.message) {
      const { conversation } = await conversations.deliverToCustomer(target.customerId, {
        text: plan.message.reply.text,
        quickReplies: plan.message.reply.quickReplies,
        language: plan.language,
        locale: event.order.customer.locale,
      });
      logger.info(
        { event: event.id, type: event.type, rule: plan.message.rule, conversationId: conversation.id, language: plan.language },
        'order-care message sent',
      );
    }
    if (plan.followUp) {
      const id = `care:follow-up:${event.order.id}`;
      if (!(await store.rememberOnce(id, FOLLOW_UP_MEMORY_MS))) return;
      const days = plan.followUp.afterDays ?? followUpDays;
      const runAt = new Date(now().getTime() + days * DAY_MS).toISOString();
      await store.scheduleJob({
        id,
        kind: FOLLOW_UP_JOB,
        runAt,
        payload: { event, template: plan.followUp.template, values: plan.followUp.values ?? {}, rule: plan.followUp.rule },
      });
      logger.info({ event: event.id, order: event.order.number, rule: plan.followUp.rule, runAt }, 'order follow-up scheduled');
    }
  }

  /** The follow-up is written when it is sent: in the content and the customer's language of that day. */
  async function sendFollowUp(job: ScheduledJob): Promise<void> {
    const event = OrderEvent.parse(job.payload.event);
    const target = await targetFor(event);
    if (!target.customerId) return;
    // The delivery message went to a conversation of this customer; if none is left, the customer's data was deleted
    // (or expired) since, and a follow-up must not bring a conversation back.
    if ((await store.listConversationsByCustomer(target.customerId)).length === 0) {
      logger.info({ order: event.order.number, rule: job.payload.rule }, 'order follow-up dropped: the customer has no conversation any more');
      return;
    }
    const reply = renderCareTemplate(snapshot(), event, String(job.payload.template), job.payload.values as Record<string, string | number | boolean>, target);
    const { conversation } = await conversations.deliverToCustomer(target.customerId, {
      text: reply.text,
      quickReplies: reply.quickReplies,
      language: target.language,
      locale: event.order.customer.locale,
    });
    logger.info({ order: event.order.number, rule: job.payload.rule, conversationId: conversation.id }, 'order follow-up sent');
  }

  return {
    /** Job handlers for the scheduler. */
    handlers: {
      [CARE_EVENT_JOB]: (job: ScheduledJob) => handleEvent(OrderEvent.parse(job.payload.event)),
      [FOLLOW_UP_JOB]: sendFollowUp,
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
    handleEvent,
  };
}

export type OrderCare = ReturnType<typeof createOrderCare>;
