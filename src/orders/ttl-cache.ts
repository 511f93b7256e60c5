// Keeps lookup answers (also "there is none") for a few seconds, and lets callers asking for the same thing at the
// same moment share one request: a busy chat asks about the same order many times in a minute.

export interface TtlCache {
  /** The cached answer for key, else load()'s (which is kept for the time to live; failures are not kept). */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  delete(key: string): void;
}

export function createTtlCache({ ttlMs, maxEntries = 1000, now = Date.now }: { ttlMs: number; maxEntries?: number; now?: () => number }): TtlCache {
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  const pending = new Map<string, Promise<unknown>>();

  const remember = (key: string, value: unknown) => {
    if (ttlMs <= 0) return;
    entries.delete(key); // re-inserted at the end, so the first key is always the oldest
    entries.set(key, { value, expiresAt: now() + ttlMs });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };

  return {
    async get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) return structuredClone(entry.value) as T;
      if (entry) entries.delete(key);
      let request = pending.get(key) as Promise<T> | undefined;
      if (!request) {
        request = load()
          .then((value) => {
            remember(key, value);
            return value;
          })
          .finally(() => pending.delete(key));
        pending.set(key, request);
      }
      // Each caller gets its own copy: one changing its order must not change another's.
      return structuredClone(await request);
    },
    delete(key) {
      entries.delete(key);
    },
  };
}
