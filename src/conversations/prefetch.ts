// Reads what a turn needs from the order source before the pipeline decides (an order by its number, a signed-in
// customer's latest order). Only reads: nothing here changes an order.
import { OrderSourceUnavailable, type OrderSource } from '../orders/index.js';
import type { OrderFetches, PrefetchedOrders } from '../pipeline/index.js';

export async function prefetchOrders(fetches: OrderFetches, orders: OrderSource | undefined): Promise<PrefetchedOrders> {
  const { orderNumber, latestOf } = fetches;
  if (!orderNumber && !latestOf) return {};
  if (!orders) return { error: new OrderSourceUnavailable('none', 'no order source is configured') };
  const read: PrefetchedOrders = {};
  try {
    if (orderNumber) read.byNumber = { [orderNumber]: (await orders.findByNumber(orderNumber)) ?? null };
    if (latestOf) read.latest = (await orders.listByCustomer(latestOf, 1))[0] ?? null;
  } catch (error) {
    read.error = error;
  }
  return read;
}
