// Caps on shoppers' requests for a person, so that a flood of fake hand-offs cannot push real shoppers down the
// queue: per client address and in all (every node, counted in the store's sliding windows). Past a cap the
// conversation stays with the bot, which says so in the shopper's language.
import type { Store } from '../store/index.js';

const MINUTE_MS = 60_000;

export interface HandoffLimits {
  /** Hand-offs one client address may start in an hour; 0: no limit. */
  perAddressPerHour: number;
  /** Hand-offs in all in a minute; 0: no limit. */
  perMinute: number;
}

export type HandoffRefusal = 'address' | 'global';

export function createHandoffLimiter(store: Store, limits: HandoffLimits) {
  return {
    /**
     * Counts a hand-off and says which cap it is past, if any. A request refused for its address does not count
     * against everyone's cap, so that one address cannot use up the others' share.
     */
    async admit(address: string | undefined, now: number): Promise<HandoffRefusal | undefined> {
      if (limits.perAddressPerHour > 0 && address) {
        if ((await store.hit(`handoff:address:${address}`, 60 * MINUTE_MS, now)) > limits.perAddressPerHour) return 'address';
      }
      if (limits.perMinute > 0 && (await store.hit('handoff:all', MINUTE_MS, now)) > limits.perMinute) return 'global';
      return undefined;
    },
  };
}
