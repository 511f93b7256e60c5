// A function's answers kept for the keys asked lately: words, paths and terms that come back from message to
// message are worked out once.

/**
 * `compute` with its answers kept, at most `limit` of them: past it the memory starts again, which is simpler than
 * an LRU and enough when the keys that matter come straight back. `compute` never answers undefined.
 */
export function boundedMemo<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
