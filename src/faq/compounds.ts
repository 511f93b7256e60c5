// German and Dutch write a thing and what it is for as one word ("Firmenrechnung", "cadeauverpakking"): a word no
// article has is read as the articles' words it begins and ends with ("firmenrechnung" ends with "rechnung").

const COMPOUNDING = new Set(['de', 'nl']);
/** The shortest word read inside a compound, and the least left of the compound beside it. */
const MIN_PART = 4;
const MIN_REST = 3;
/** A compound's end may be a word's stem cut shorter than the word alone is ("…rechn" of "rechnung"). */
const MIN_CUT = 5;

/** Splits a language's unknown words into the vocabulary's words they begin and end with; others stay as they are.
 * None for a language that does not write compounds as one word. */
export function compoundSplitter(language: string, vocabulary: ReadonlySet<string>): ((term: string) => string[]) | undefined {
  if (!COMPOUNDING.has(language)) return undefined;
  const words = [...vocabulary].filter((word) => word.length >= MIN_PART && !word.includes(' '));
  const known = new Set(words);
  // Each beginning of a word, to the shortest word it begins.
  const cuts = new Map<string, string>();
  for (const word of words.sort((a, b) => b.length - a.length))
    for (let length = MIN_CUT; length <= word.length; length++) cuts.set(word.slice(0, length), word);
  const find = (part: string, cut: boolean) => (known.has(part) ? part : cut && part.length >= MIN_CUT ? cuts.get(part) : undefined);
  const longest = (term: string, partOf: (length: number) => string, cut: boolean) => {
    for (let length = term.length - MIN_REST; length >= MIN_PART; length--) {
      const found = find(partOf(length), cut);
      if (found) return found;
    }
    return undefined;
  };
  return (term) => {
    if (known.has(term) || term.length < MIN_PART + MIN_REST) return [term];
    const start = longest(term, (length) => term.slice(0, length), false);
    const end = longest(term, (length) => term.slice(-length), true);
    const parts = [start, end].filter((part): part is string => part !== undefined);
    return parts.length > 0 ? [...new Set(parts)] : [term];
  };
}
