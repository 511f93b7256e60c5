// What to tell a shopper about an order event: the care rules choose a template (now, and perhaps a follow-up
// later), rendered in the shopper's language. Pure over the snapshot; the caller passes `now` and the language.
import type { Snapshot } from '../knowledge/index.js';
import type { CareEvent } from '../knowledge/index.js';
import { renderReply, type Reply } from '../pipeline/index.js';
import type { OrderEvent } from './events.js';
import { customerFacts, mergeValues, orderFacts, orderValues } from './order-facts.js';

export interface CareMessage {
  rule: string;
  reply: Reply;
}

export interface FollowUpPlan {
  rule: string;
  template: string;
  /** Days after the event; undefined: the server's FOLLOW_UP_DAYS. */
  afterDays?: number;
  values?: Record<string, string | number | boolean>;
}

export interface CarePlan {
  language: string;
  message?: CareMessage;
  followUp?: FollowUpPlan;
}

export interface CareTarget {
  language: string;
  /** Formats money and dates ("es-MX"); the language when no finer locale is known. */
  locale: string;
  now: Date;
  timeZone?: string;
}

/** Renders a care template for an event's order in the target language. */
export function renderCareTemplate(
  snapshot: Snapshot,
  event: OrderEvent,
  template: string,
  ruleValues: Record<string, string | number | boolean> | undefined,
  target: CareTarget,
): Reply {
  const customer = customerFacts(event.order);
  const values = mergeValues(
    ruleValues,
    orderValues(event.order, customer, { locale: target.locale, timeZone: target.timeZone ?? snapshot.settings.timeZone, links: event.links }),
  );
  return renderReply(snapshot, {
    templateId: template,
    language: target.language,
    entities: { orderNumber: event.order.number, trackingCode: event.order.shipping.trackingCode, country: event.order.shipping.country },
    variantSeed: 0,
    now: target.now,
    values,
  });
}

/** The highest-priority message rule and the highest-priority follow-up rule that match the event act. */
export async function planCare(snapshot: Snapshot, event: OrderEvent, target: CareTarget): Promise<CarePlan> {
  const customer = customerFacts(event.order);
  const facts = { ...orderFacts(event.order, customer, target.language), event: event.type, links: event.links ?? {} };
  const matches = await snapshot.care.run(facts);
  const first = <T extends CareEvent['type']>(type: T) =>
    matches.find((match) => match.event.type === type) as { name: string; event: Extract<CareEvent, { type: T }> } | undefined;
  const message = first('message');
  const followUp = first('follow_up');
  return {
    language: target.language,
    message: message && { rule: message.name, reply: renderCareTemplate(snapshot, event, message.event.params.template, message.event.params.values, target) },
    followUp: followUp && {
      rule: followUp.name,
      template: followUp.event.params.template,
      afterDays: followUp.event.params.afterDays,
      values: followUp.event.params.values,
    },
  };
}
