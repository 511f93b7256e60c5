// Orders held in memory: the demo store's orders (or DATA_DIR/orders.json) read once at start, and any list a test
// or a conversation test gives. It answers cancellations and changes the way a store would: only before shipping.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { byNewest, normalizeOrderNumber, OrderSchema, type Order } from './order.js';
import { DEFAULT_LIST_LIMIT, OrderSourceError, type ActionResult, type OrderSource } from './source.js';

export const DEMO_ORDERS = fileURLToPath(new URL('../../demo/orders.json', import.meta.url));

/** An orders file is a list of orders; `{"orders": [...]}` is read too. */
export const OrdersFile = z.union([z.array(OrderSchema), z.object({ orders: z.array(OrderSchema) })]);

/** Statuses in which an order has not left the warehouse: it can still be cancelled or changed. */
const NOT_SHIPPED = new Set<Order['status']>(['pending', 'paid', 'payment_failed', 'processing']);

export function createMemoryOrderSource(orders: Order[], name = 'memory'): OrderSource {
  const byNumber = new Map(orders.map((order) => [order.number, order]));
  const cancelled = new Set<string>();
  const current = (order: Order): Order => (cancelled.has(order.number) ? { ...order, status: 'cancelled' } : order);
  const find = (orderNumber: string) => {
    const order = byNumber.get(normalizeOrderNumber(orderNumber));
    return order && current(order);
  };
  return {
    name,
    findByNumber: async (orderNumber) => find(orderNumber),
    async listByCustomer(customerId, limit = DEFAULT_LIST_LIMIT) {
      return orders.filter((order) => order.customer.id === customerId).map(current).sort(byNewest).slice(0, limit);
    },
    async requestCancellation(orderNumber): Promise<ActionResult> {
      const order = find(orderNumber);
      if (!order) return { ok: false, message: 'no such order' };
      if (!NOT_SHIPPED.has(order.status)) return { ok: false, message: `the order is ${order.status.replaceAll('_', ' ')}` };
      cancelled.add(order.number);
      return { ok: true };
    },
    async requestChange(orderNumber): Promise<ActionResult> {
      const order = find(orderNumber);
      if (!order) return { ok: false, message: 'no such order' };
      if (!NOT_SHIPPED.has(order.status)) return { ok: false, message: `the order is ${order.status.replaceAll('_', ' ')}` };
      return { ok: true, message: 'the store will confirm the change by e-mail' };
    },
  };
}

export async function readOrdersFile(file: string): Promise<Order[]> {
  let parsed;
  try {
    parsed = OrdersFile.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    throw new OrderSourceError('file', `${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return Array.isArray(parsed) ? parsed : parsed.orders;
}

/** DATA_DIR/orders.json when there is one, else the demo store's orders; read on first use. */
export function createDemoOrderSource(dataDir: string): OrderSource {
  let loading: Promise<OrderSource> | undefined;
  const source = () =>
    (loading ??= readOrdersFile(path.resolve(dataDir, 'orders.json'))
      .catch((error: unknown) => {
        if ((error as { cause?: NodeJS.ErrnoException }).cause?.code === 'ENOENT') return readOrdersFile(DEMO_ORDERS);
        throw error;
      })
      .then((orders) => createMemoryOrderSource(orders, 'file'))
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
  return {
    name: 'file',
    findByNumber: async (orderNumber) => (await source()).findByNumber(orderNumber),
    listByCustomer: async (customerId, limit) => (await source()).listByCustomer(customerId, limit),
    requestCancellation: async (orderNumber, reason) => (await source()).requestCancellation!(orderNumber, reason),
    requestChange: async (orderNumber, change) => (await source()).requestChange!(orderNumber, change),
  };
}
