// Reads a rule's fact path ("entities.orderNumber") over plain data: own properties only, never through the
// prototype, and never JSONPath (its path library has had code-execution advisories).
import { isSafeKey } from '../content/index.js';
import { boundedMemo } from '../shared/index.js';

/** Resolves "entities.orderNumber" over plain data; own properties only, never through the prototype. */
export function resolvePath(value: unknown, path: string): unknown {
  const keys = keysOf(path);
  if (!keys) return undefined;
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The rules' paths (few, and the same on every message) split once; none for a path with an unsafe key. */
// Paths come from the content; a flood of different ones (never seen) would only start the memory again.
const keysOf = boundedMemo((path: string): string[] | null => {
  const split = path.split('.');
  return split.every(isSafeKey) ? split : null;
}, 10_000);
