// Shopify's REST Admin API order, and how it reads as an Order. Only the fields used are parsed; Shopify sends
// many more and leaves many of these null.
import { z } from 'zod';
import type { Order, OrderStatus } from './order.js';

const amount = z.union([z.string(), z.number()]).transform(Number).pipe(z.number().finite());
const text = z.string().nullish();
const presentment = z.object({ presentment_money: z.object({ amount, currency_code: z.string() }) }).nullish();
const address = z.object({ country_code: text }).nullish();

export const ShopifyOrderSchema = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  order_number: z.number().nullish(),
  email: text,
  contact_email: text,
  created_at: z.string(),
  cancelled_at: text,
  financial_status: text,
  fulfillment_status: text,
  currency: z.string(),
  total_price: amount,
  total_price_set: presentment,
  customer_locale: text,
  customer: z
    .object({
      id: z.union([z.number(), z.string()]),
      email: text,
      first_name: text,
      last_name: text,
      orders_count: z.number().nullish(),
      default_address: address,
    })
    .nullish(),
  shipping_address: address,
  billing_address: address,
  line_items: z
    .array(
      z.object({
        sku: text,
        variant_id: z.union([z.number(), z.string()]).nullish(),
        title: z.string(),
        name: text,
        quantity: z.number(),
        price: amount,
        price_set: presentment,
        properties: z.array(z.object({ name: z.string(), value: z.unknown() })).nullish(),
      }),
    )
    .default([]),
  fulfillments: z
    .array(
      z.object({
        status: text,
        created_at: text,
        tracking_company: text,
        tracking_number: text,
        tracking_url: text,
        shipment_status: text,
      }),
    )
    .nullish(),
  refunds: z
    .array(
      z.object({
        created_at: text,
        processed_at: text,
        transactions: z.array(z.object({ kind: text, status: text, amount, processed_at: text, created_at: text })).nullish(),
      }),
    )
    .nullish(),
});

export type ShopifyOrder = z.infer<typeof ShopifyOrderSchema>;
type Fulfillment = NonNullable<ShopifyOrder['fulfillments']>[number];

const latest = <T>(items: T[], at: (item: T) => string | null | undefined): T | undefined =>
  items.reduce<T | undefined>((best, item) => (best === undefined || Date.parse(at(item) ?? '') > Date.parse(at(best) ?? '') ? item : best), undefined);

// Shopify keeps payment (financial_status) and shipping (fulfillment_status, shipment_status) apart; the bot
// wants the one step the shopper's order is at.
function statusOf(order: ShopifyOrder, shipped: Fulfillment[]): OrderStatus {
  if (order.financial_status === 'refunded') return 'refunded';
  if (order.cancelled_at || order.financial_status === 'voided') return 'cancelled';
  if (shipped.length > 0) {
    const allShipped = order.fulfillment_status === 'fulfilled';
    if (allShipped && shipped.every((fulfillment) => fulfillment.shipment_status === 'delivered')) return 'delivered';
    if (latest(shipped, (fulfillment) => fulfillment.created_at)?.shipment_status === 'out_for_delivery') return 'out_for_delivery';
    return 'shipped';
  }
  if ((order.fulfillments ?? []).some((fulfillment) => fulfillment.status === 'pending' || fulfillment.status === 'open')) return 'processing';
  switch (order.financial_status) {
    case 'paid':
    case 'authorized':
    case 'partially_refunded':
      return 'paid';
    case 'expired':
      return 'payment_failed';
    default:
      return 'pending'; // pending, partially_paid
  }
}

function refundOf(order: ShopifyOrder): Order['refund'] {
  const refunds = (order.refunds ?? []).flatMap((refund) =>
    (refund.transactions ?? [])
      .filter((transaction) => transaction.kind === 'refund')
      .map((transaction) => ({ ...transaction, at: transaction.processed_at ?? refund.processed_at ?? transaction.created_at ?? refund.created_at })),
  );
  if (refunds.length === 0) return undefined;
  const issued = refunds.filter((transaction) => transaction.status === 'success');
  if (issued.length > 0) {
    const issuedAt = latest(issued, (transaction) => transaction.at)?.at;
    return { status: 'issued', amount: round(issued.reduce((sum, transaction) => sum + transaction.amount, 0)), ...(issuedAt ? { issuedAt } : {}) };
  }
  const pending = refunds.filter((transaction) => transaction.status === 'pending');
  const status = pending.length > 0 ? 'pending' : 'failed';
  return { status, amount: round((pending.length > 0 ? pending : refunds).reduce((sum, transaction) => sum + transaction.amount, 0)) };
}

const round = (value: number) => Math.round(value * 100) / 100;
const isTruthy = (value: unknown) => value === true || (typeof value === 'string' && /^(true|yes|1)$/i.test(value));
const isUrl = (value: string) => URL.canParse(value);
const optional = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined || value === '' ? {} : { [key]: value }) as Partial<Record<K, V>>;

export function fromShopifyOrder(order: ShopifyOrder): Order {
  const shipped = (order.fulfillments ?? []).filter((fulfillment) => fulfillment.status === 'success');
  const tracked =
    latest(
      shipped.filter((fulfillment) => fulfillment.tracking_number),
      (fulfillment) => fulfillment.created_at,
    ) ?? latest(shipped, (fulfillment) => fulfillment.created_at);
  // What the shopper paid in (presentment money) may differ from the shop's own currency.
  const total = order.total_price_set?.presentment_money;
  const customerName = [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(' ');
  const country = order.shipping_address?.country_code ?? order.billing_address?.country_code ?? order.customer?.default_address?.country_code ?? '';
  const refund = refundOf(order);
  return {
    id: String(order.id),
    number: order.name.replace(/^#/, ''),
    status: statusOf(order, shipped),
    createdAt: order.created_at,
    currency: total?.currency_code ?? order.currency,
    total: total?.amount ?? order.total_price,
    customer: {
      ...optional('id', order.customer ? String(order.customer.id) : undefined),
      email: order.email || order.contact_email || order.customer?.email || '',
      ...optional('name', customerName),
      ...optional('locale', order.customer_locale),
      ...optional('country', country),
      ...optional('orderCount', order.customer?.orders_count),
    },
    items: order.line_items.map((line) => ({
      sku: line.sku || (line.variant_id ? String(line.variant_id) : ''),
      title: line.name || line.title,
      quantity: line.quantity,
      price: line.price_set?.presentment_money.amount ?? line.price,
      ...(line.properties?.some((property) => /^_?fragile$/i.test(property.name) && isTruthy(property.value)) ? { fragile: true } : {}),
    })),
    shipping: {
      country,
      ...optional('carrier', tracked?.tracking_company),
      ...optional('trackingCode', tracked?.tracking_number),
      ...optional('trackingUrl', tracked?.tracking_url && isUrl(tracked.tracking_url) ? tracked.tracking_url : undefined),
      ...optional('shippedAt', tracked?.created_at),
    },
    ...(refund ? { refund } : {}),
  };
}
