// Where an order's care message goes and in which language: the customer's latest conversation, in the order's
// locale, else that conversation's language, else the store's default.
import type { ConversationService } from '../conversations/index.js';
import type { Knowledge } from '../knowledge/index.js';
import type { Reply } from '../pipeline/index.js';
import { AppError, type Logger } from '../shared/index.js';
import type { Store } from '../store/index.js';
import type { OrderEvent } from './events.js';
import { chooseLanguage } from './order-facts.js';
import type { CareTarget } from './plan.js';

export interface CareContext {
  store: Store;
  knowledge: Knowledge;
  conversations: ConversationService;
  /** Days before a delivered order's follow-up, unless its rule says otherwise. */
  followUpDays: number;
  now: () => Date;
  logger: Logger;
}

export type CustomerTarget = CareTarget & { customerId?: string };

export function currentSnapshot(knowledge: Knowledge) {
  const current = knowledge.current();
  if (!current) throw new AppError('unavailable', 'content is not loaded');
  return current;
}

/** The order's locale, else the language of the customer's latest conversation, else the store's default. */
export async function careTarget({ store, knowledge, now }: CareContext, event: OrderEvent): Promise<CustomerTarget> {
  const customerId = event.order.customer.id;
  const [latest] = customerId ? await store.listConversationsByCustomer(customerId) : [];
  const { language, locale } = chooseLanguage(currentSnapshot(knowledge), [event.order.customer.locale, latest?.state.language, latest?.locale]);
  return { customerId, language, locale, now: now() };
}

/** Puts a care message into the customer's latest conversation (or a new one); returns that conversation's id. */
export async function deliverCare(context: CareContext, customerId: string, event: OrderEvent, reply: Reply, language: string): Promise<string> {
  const { conversation } = await context.conversations.deliverToCustomer(customerId, {
    text: reply.text,
    quickReplies: reply.quickReplies,
    language,
    locale: event.order.customer.locale,
  });
  return conversation.id;
}
