// The store's order events (POST /api/v1/webhooks/orders): what happened to an order, with the order as it is now.
import { z } from 'zod';
import { OrderSchema } from '../orders/index.js';

/** The event types the store sends; care rules read them as the `event` fact. */
export const ORDER_EVENT_TYPES = [
  'order.created',
  'payment.succeeded',
  'payment.failed',
  'order.shipped',
  'order.delayed',
  'order.out_for_delivery',
  'order.delivered',
  'refund.issued',
] as const;
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** Only the envelope: an event of a type we do not handle is acknowledged without reading its order. */
export const EventEnvelope = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
});

export const OrderEvent = z.object({
  /** The store's id of this event; an id seen before is a replay. */
  id: z.string().min(1).max(200),
  type: z.enum(ORDER_EVENT_TYPES),
  createdAt: z.iso.datetime({ offset: true }),
  order: OrderSchema,
  /** Pages of the store the message may link to: paying again, writing a review. */
  links: z
    .object({
      payment: z.url({ protocol: /^https?$/ }).optional(),
      review: z.url({ protocol: /^https?$/ }).optional(),
    })
    .optional(),
});
export type OrderEvent = z.infer<typeof OrderEvent>;
