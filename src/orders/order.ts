// The order as the bot sees it, whichever store it comes from. The schema parses orders arriving from files and
// the store's HTTP API; unknown fields are dropped.
import { z } from 'zod';

export const ORDER_STATUSES = ['pending', 'paid', 'payment_failed', 'processing', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses in which an order has not left the warehouse: it can still be cancelled or changed. */
export const NOT_YET_SHIPPED: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['pending', 'paid', 'payment_failed', 'processing']);

const timestamp = z.iso.datetime({ offset: true });
const money = z.number().finite().nonnegative();
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "DE"');

export const OrderSchema = z.object({
  /** The store's own id of the order (may differ from the number the shopper sees). */
  id: z.string().min(1),
  /** The number the shopper knows, without "#". */
  number: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and "-" only'),
  status: z.enum(ORDER_STATUSES),
  createdAt: timestamp,
  /** ISO 4217 code of the money the shopper paid in. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "EUR"'),
  total: money,
  customer: z.object({
    id: z.string().min(1).optional(),
    /** Empty when the store has none (an order taken in a shop); the shopper cannot then verify with an e-mail. */
    email: z.union([z.literal(''), z.string().regex(/^[^\s@]+@[^\s@]+$/, 'an e-mail address')]),
    name: z.string().optional(),
    /** BCP 47 tag ("es-MX"); its language part is the language to write to the shopper in. */
    locale: z.string().min(2).optional(),
    country: countryCode.optional(),
    /** How many orders this customer has placed at the store, this one included: a repeat-customer hint. */
    orderCount: z.number().int().nonnegative().optional(),
  }),
  items: z.array(
    z.object({
      sku: z.string(),
      title: z.string(),
      quantity: z.number().int().positive(),
      /** Price of one unit. */
      price: money,
      fragile: z.boolean().optional(),
    }),
  ),
  shipping: z.object({
    country: countryCode,
    carrier: z.string().optional(),
    trackingCode: z.string().optional(),
    trackingUrl: z.url().optional(),
    shippedAt: timestamp.optional(),
    /** A date ("2026-11-30") or a time. */
    estimatedDelivery: z.union([z.iso.date(), timestamp]).optional(),
  }),
  refund: z
    .object({
      status: z.enum(['pending', 'issued', 'failed']),
      amount: money,
      issuedAt: timestamp.optional(),
    })
    .optional(),
});

export type Order = z.infer<typeof OrderSchema>;

/** A list of orders, bare or as { "orders": [...] }; problems are reported at orders.<index>.<field>. */
export const OrderListSchema = z.preprocess((value) => (Array.isArray(value) ? { orders: value } : value), z.object({ orders: z.array(OrderSchema) }));

/** "#100234", " 100234 " → "100234": the form orders are kept under. */
export const normalizeOrderNumber = (orderNumber: string): string => orderNumber.trim().replace(/^#/, '');

/** Most recent first. */
export const byNewest = (a: Order, b: Order): number => Date.parse(b.createdAt) - Date.parse(a.createdAt);
