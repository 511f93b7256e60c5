// How fast a shopper may write and start conversations, counted in the store so that every node shares the count:
// per socket and per client address for messages, per address for new conversations.
import type { Socket } from 'socket.io';
import { clientAddress, type TrustProxy } from '../network/index.js';
import { AppError } from '../shared/index.js';
import type { Store } from '../store/index.js';

export interface ShopperLimitsOptions {
  store: Store;
  messagesPerMinute: number;
  /** New conversations one client address may start (by writing in them) in a minute; 0 = no limit. */
  newConversationsPerMinute: number;
  /** Which proxies' X-Forwarded-For names the shopper's address for the per-address limit. */
  trustProxy: TrustProxy;
}

const MINUTE_MS = 60_000;

export function createShopperLimits({ store, messagesPerMinute, newConversationsPerMinute, trustProxy }: ShopperLimitsOptions) {
  return {
    /** Throws `rate_limited` past the message rate (an address may have five sockets' worth). */
    async checkMessageRate(socket: Socket): Promise<void> {
      if (messagesPerMinute === 0) return;
      const now = Date.now();
      const [perSocket, perAddress] = await Promise.all([
        store.hit(`rate:socket:${socket.id}`, MINUTE_MS, now),
        store.hit(`rate:ip:${clientAddress(socket.request, trustProxy)}`, MINUTE_MS, now),
      ]);
      if (perSocket > messagesPerMinute || perAddress > messagesPerMinute * 5) {
        throw new AppError('rate_limited', `too many messages: at most ${messagesPerMinute} a minute; please wait a moment`);
      }
    },

    async checkNewConversationRate(socket: Socket): Promise<void> {
      if (newConversationsPerMinute === 0) return;
      const started = await store.hit(`rate:new-conversation:${clientAddress(socket.request, trustProxy)}`, MINUTE_MS, Date.now());
      if (started > newConversationsPerMinute)
        throw new AppError('rate_limited', `too many new conversations from this address: at most ${newConversationsPerMinute} a minute; please wait a moment`);
    },
  };
}

export type ShopperLimits = ReturnType<typeof createShopperLimits>;
