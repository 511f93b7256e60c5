// The format of conversation tests: what the shopper says, step by step, and what the bot must do.
import { z } from 'zod';
import { IntentId, LanguageCode, TemplateId } from '../knowledge/index.js';
import { OrderSchema } from '../orders/index.js';

export const Expectation = z.strictObject({
  /** The language the bot detects (and answers in, when it has the template). */
  language: LanguageCode.optional(),
  intent: IntentId.optional(),
  /** The template of the reply, e.g. "order_status.ask_number" (the first, when the reply has several parts). */
  reply: TemplateId.optional(),
  /** Every template of the reply in order, e.g. ["shipping_info.zone", "order.remind_email"]. */
  replies: z.array(TemplateId).optional(),
  /** The values of the reply's quick replies in order, e.g. ["intent:order_status", "intent:human_agent"]. */
  quickReplies: z.array(z.string().min(1)).optional(),
  /** The effects the turn would carry out, by type, in order (a dry run performs none); [] for none. */
  effects: z.array(z.enum(['request_cancellation', 'request_change', 'open_case', 'hand_off', 'keep_contact_email'])).optional(),
  action: z.enum(['reply', 'ask', 'handoff', 'none']).optional(),
  rule: z.string().min(1).optional(),
  /** The product whose card the reply shows (its id), e.g. "mug"; null: no card. */
  card: z.string().min(1).nullable().optional(),
  /** Text the reply must contain, e.g. the order number. */
  contains: z.string().min(1).optional(),
  /** The slot the bot is waiting for after this step (null: nothing). */
  awaiting: z.string().min(1).nullable().optional(),
  /** A tag the conversation has after this step, e.g. "dispute". */
  tag: z.string().min(1).optional(),
  /** The case after this step (only the keys given are compared); null: there is none. */
  case: z
    .strictObject({
      status: z.enum(['collecting', 'open']).optional(),
      orderNumber: z.string().min(1).optional(),
      problem: z.enum(['damaged', 'wrong', 'missing', 'faulty']).optional(),
      photos: z.number().int().min(0).optional(),
    })
    .nullable()
    .optional(),
});
export type Expectation = z.infer<typeof Expectation>;

export const ConversationTest = z.strictObject({
  name: z.string().min(1),
  /** The widget's locale for this conversation, e.g. "es-MX". */
  locale: z.string().max(35).optional(),
  /** The page the shopper is on: the product it shows (the widget's data-product) or its address. */
  page: z.strictObject({ product: z.string().min(1).max(200).optional(), url: z.string().url().max(2000).optional() }).optional(),
  /** The moment the conversation happens (ISO 8601), for replies that depend on the date; the real clock if left out. */
  now: z.iso.datetime({ offset: true }).optional(),
  /** The world around the conversation: business hours and agents (unknown when left out). */
  context: z
    .strictObject({
      storeOpen: z.boolean().optional(),
      agentsOnline: z.number().int().min(0).optional(),
      /** The store's customer id, as if the widget had signed the shopper in (a verified identity). */
      customerId: z.string().min(1).optional(),
      /** How many orders the signed-in customer has placed before (0: this is their first). */
      customerOrders: z.number().int().min(0).optional(),
      /** The shopper's cart, as the store's page would pass it. */
      cart: z.strictObject({ total: z.number().min(0), currency: z.string().regex(/^[A-Z]{3}$/) }).optional(),
    })
    .optional(),
  steps: z
    .array(
      z
        .strictObject({
          say: z.string().default(''),
          /** Photos sent with this message (the test makes them up), as a shopper attaches pictures in the widget. */
          photos: z.number().int().min(1).max(4).optional(),
          /** A quick reply's value, as when the shopper clicks a button ("confirm:yes"); `say` is then its label. */
          payload: z.string().min(1).max(200).optional(),
          /** What the store answers to this step's requests (nothing is really asked): "done" unless given here. */
          outcomes: z.partialRecord(z.enum(['request_cancellation', 'request_change']), z.enum(['done', 'failed', 'unsupported'])).optional(),
          expect: Expectation,
        })
        .refine((step) => step.say.trim() !== '' || step.photos !== undefined, 'a step needs "say", "photos" or both'),
    )
    .min(1),
});
export type ConversationTest = z.infer<typeof ConversationTest>;

export const ConversationTestFile = z.strictObject({
  /** The orders these tests look up; without it, the demo store's orders. */
  orders: z.array(OrderSchema).optional(),
  tests: z.array(ConversationTest).min(1),
});
