// Orders held in memory: a list a test or a conversation test gives. It answers cancellations and changes the way a store would: only before shipping.
import { readFile } from 'node:fs/promises';
import { byNewest, normalizeOrderNumber, NOT_YET_SHIPPED, OrderListSchema, type Order } from './order.js';
import { DEFAULT_LIST_LIMIT, OrderSourceError, type ActionResult, type OrderSource } from './source.js';

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
      return orders
        .filter((order) => order.customer.id === customerId)
        .map(current)
        .sort(byNewest)
        .slice(0, limit);
    },
    async requestCancellation(orderNumber): Promise<ActionResult> {
      const order = find(orderNumber);
      if (!order) return { ok: false, message: 'no such order' };
      if (!NOT_YET_SHIPPED.has(order.status)) return { ok: false, message: `the order is ${order.status.replaceAll('_', ' ')}` };
      cancelled.add(order.number);
      return { ok: true };
    },
    async requestChange(orderNumber): Promise<ActionResult> {
      const order = find(orderNumber);
      if (!order) return { ok: false, message: 'no such order' };
      if (!NOT_YET_SHIPPED.has(order.status)) return { ok: false, message: `the order is ${order.status.replaceAll('_', ' ')}` };
      return { ok: true, message: 'the store will confirm the change by e-mail' };
    },
  };
}

/** Reads a whole orders file (a list of orders, or `{"orders": [...]}`) at once. */
export async function readOrdersFile(file: string): Promise<Order[]> {
  try {
    return OrderListSchema.parse(JSON.parse(await readFile(file, 'utf8'))).orders;
  } catch (error) {
    throw new OrderSourceError('file', `${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}
