// Orders from a JSON file: DATA_DIR/orders.json when it exists, else the package's demo store. The file is checked
// on each lookup and read again when it changed; a broken edit is logged and the last good orders keep serving.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { byNewest, normalizeOrderNumber, NOT_YET_SHIPPED, OrderListSchema, type Order } from './order.js';
import type { Logger } from '../shared/index.js';
import { DEFAULT_LIST_LIMIT, OrderSourceError, type ActionResult, type OrderSource } from './source.js';

export const DEMO_ORDERS_FILE = fileURLToPath(new URL('../../demo/orders.json', import.meta.url));

interface Loaded {
  file: string;
  /** What the file looked like when read: a change to either means read it again. */
  version: string;
  byNumber: Map<string, Order>;
  byCustomer: Map<string, Order[]>;
}

function index(orders: Order[]): Pick<Loaded, 'byNumber' | 'byCustomer'> {
  const byNumber = new Map<string, Order>();
  const byCustomer = new Map<string, Order[]>();
  for (const order of orders) {
    byNumber.set(order.number, order);
    if (!order.customer.id) continue;
    const list = byCustomer.get(order.customer.id) ?? [];
    list.push(order);
    byCustomer.set(order.customer.id, list);
  }
  for (const list of byCustomer.values()) list.sort(byNewest);
  return { byNumber, byCustomer };
}

function describeProblem(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .slice(0, 5)
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

export interface FileOrderSourceOptions {
  dataDir: string;
  logger: Logger;
  /** Where to read when DATA_DIR has no orders.json; the package's demo orders by default. */
  fallbackFile?: string;
}

export function createFileOrderSource({ dataDir, logger, fallbackFile = DEMO_ORDERS_FILE }: FileOrderSourceOptions): OrderSource {
  const dataFile = path.resolve(dataDir, 'orders.json');
  let loaded: Loaded | undefined;
  /** The version that failed last, so one broken edit is logged once, not on every lookup. */
  let failedVersion: string | undefined;
  /** Cancellations the demo store accepted; they last until the file changes or the process ends. */
  const cancelled = new Map<string, string>();

  async function currentFile(): Promise<{ file: string; version: string }> {
    for (const file of [dataFile, fallbackFile]) {
      try {
        const info = await stat(file);
        return { file, version: `${file}:${info.mtimeMs}:${info.size}` };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new OrderSourceError('file', `neither ${dataFile} nor the demo orders exist`);
  }

  async function loadOrders(): Promise<Loaded> {
    const { file, version } = await currentFile();
    if (loaded?.version === version) return loaded;
    if (failedVersion === version && loaded) return loaded;
    try {
      const { orders } = OrderListSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      loaded = { file, version, ...index(orders) };
      failedVersion = undefined;
      cancelled.clear();
      logger.info({ file, orders: loaded.byNumber.size }, 'orders loaded');
      return loaded;
    } catch (error) {
      const problem = describeProblem(error);
      if (failedVersion !== version) {
        logger.warn({ file, problem }, loaded ? 'orders file is broken; the last good orders keep serving' : 'orders file is broken');
      }
      failedVersion = version;
      if (loaded) return loaded;
      throw new OrderSourceError('file', `${file} is broken: ${problem}`, { cause: error });
    }
  }

  // A copy each time: a caller changing its order must not change the loaded ones.
  const copy = (order: Order): Order => {
    const copied = structuredClone(order);
    if (cancelled.has(order.number)) copied.status = 'cancelled';
    return copied;
  };

  async function findByNumber(orderNumber: string): Promise<Order | undefined> {
    const order = (await loadOrders()).byNumber.get(normalizeOrderNumber(orderNumber));
    return order && copy(order);
  }

  return {
    name: 'file',
    findByNumber,
    async listByCustomer(customerId, limit = DEFAULT_LIST_LIMIT) {
      return ((await loadOrders()).byCustomer.get(customerId) ?? []).slice(0, limit).map(copy);
    },
    // The demo store answers like a store would, so the bot's cancellation and change flows can be tried.
    async requestCancellation(orderNumber, reason): Promise<ActionResult> {
      const order = await findByNumber(orderNumber);
      if (!order) return { ok: false, message: 'no such order' };
      if (order.status === 'cancelled') return { ok: true, message: 'already cancelled' };
      if (!NOT_YET_SHIPPED.has(order.status)) return { ok: false, message: `the order is ${order.status.replaceAll('_', ' ')}` };
      cancelled.set(order.number, reason);
      return { ok: true };
    },
    async requestChange(orderNumber): Promise<ActionResult> {
      const order = await findByNumber(orderNumber);
      if (!order) return { ok: false, message: 'no such order' };
      if (!NOT_YET_SHIPPED.has(order.status) || order.status === 'payment_failed') {
        return { ok: false, message: `the order is ${order.status.replaceAll('_', ' ')}` };
      }
      return { ok: true, message: 'the store will confirm the change by e-mail' };
    },
  };
}
