// Whether a word of a message could match any word of the catalogue's names at all: as written, as the start of
// one, or within a few typos. Most words of most messages match none, and the fuzzy search over the names' tree is
// the dearest part of reading a message; a word that cannot match is left out of the query, which changes no
// result since it would have found nothing. Typos are checked with deletions (two words within k edits share a
// string left after deleting at most k characters from each), so the check may say "maybe" wrongly, never "no".

export interface TermFilter {
  /** Whether `term` may match a name's word within `distance` edits, or (with `prefix`) begin one. */
  mayMatch(term: string, distance: number, prefix: boolean): boolean;
}

/** The most typos a search allows. */
const MAX_DISTANCE = 2;
/** Past this many deletion strings (a catalogue of many thousand names) the filter lets every word through. */
const MAX_ENTRIES = 2_000_000;
/** Words whose answer is kept; past this many the memory starts again. */
const MAX_REMEMBERED = 20_000;

/** Every string left after deleting at most `distance` characters (UTF-16 units, as the search counts them). */
function deletions(term: string, distance: number, into: Set<string>): Set<string> {
  into.add(term);
  if (distance === 0) return into;
  for (let index = 0; index < term.length; index++) deletions(term.slice(0, index) + term.slice(index + 1), distance - 1, into);
  return into;
}

/**
 * Whether some string left after deleting at most `distance` characters of `term` is in `known`. Characters are
 * deleted left to right (from `from` on), so each set of positions is tried once.
 */
function anyDeletionIn(term: string, distance: number, known: ReadonlySet<string>, from = 0): boolean {
  if (known.has(term)) return true;
  if (distance === 0) return false;
  for (let index = from; index < term.length; index++) {
    if (anyDeletionIn(term.slice(0, index) + term.slice(index + 1), distance - 1, known, index)) return true;
  }
  return false;
}

/** The first index of `sorted` (in the order of `wordOf`) whose word is not before `word`. */
export function lowerBound<T>(sorted: readonly T[], word: string, wordOf: (item: T) => string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (wordOf(sorted[middle]!) < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function buildTermFilter(vocabulary: Iterable<string>): TermFilter {
  const sorted = [...new Set(vocabulary)].sort();
  const longest = sorted.reduce((most, term) => Math.max(most, term.length), 0);
  const near = new Set<string>();
  for (const term of sorted) {
    deletions(term, MAX_DISTANCE, near);
    if (near.size > MAX_ENTRIES) return { mayMatch: () => true };
  }
  const mayMatch = (term: string, distance: number, prefix: boolean) => {
    if (prefix) {
      const next = sorted[lowerBound(sorted, term, (known) => known)];
      if (next?.startsWith(term)) return true;
    }
    // A word longer than every name's word by more than the typos allowed matches none of them.
    if (term.length > longest + distance) return false;
    return anyDeletionIn(term, Math.min(distance, MAX_DISTANCE), near);
  };
  // Shoppers use the same words again and again: the answers for the words of recent messages are kept.
  const answered = new Map<string, boolean>();
  return {
    mayMatch(term, distance, prefix) {
      const key = `${distance}${prefix ? '+' : ' '}${term}`;
      let answer = answered.get(key);
      if (answer === undefined) {
        if (answered.size >= MAX_REMEMBERED) answered.clear();
        answered.set(key, (answer = mayMatch(term, distance, prefix)));
      }
      return answer;
    },
  };
}
