// The word of a product's name that says what the thing is ("mok" in "Keramische mok", "sac" in "Sac cabas en
// cuir"): a short word counts as the product named when it is that word, and only one product's names have it.
// The words around it are what it is made of or for ("Bio-", "tea" of "tea cup") or small words ("van", "per").

/** Languages whose names put the thing last, after what describes it; the others put it first. */
const THING_LAST = new Set(['en', 'de', 'nl', 'ru', 'tr', 'ja']);
/** A word of three letters or more is a name's own word; "t" of "T-shirt" or "ml" is not. */
const MIN_WORD = 3;
// linear: one character class, tested once per character.
const DIGIT = /\p{N}/u;

/** The word of a name in `language` that says what the thing is, for a name of several words ("*": unknown). */
export function thingWords(terms: readonly string[], language: string | undefined): string[] {
  if (terms.length < 2 || !language) return [];
  const head = THING_LAST.has(language) ? terms.at(-1)! : terms[0]!;
  return head.length >= MIN_WORD && !DIGIT.test(head) ? [head] : [];
}

/** Whether only one product's names in that language (or in every language) have the word. */
export function ownWords(
  products: readonly { id: string; names: [string | undefined, string][] }[],
  terms: (text: string) => string[],
): (language: string, term: string) => boolean {
  const owners = new Map<string, Set<string>>();
  for (const { id, names } of products)
    for (const [language, text] of names)
      for (const term of terms(text)) {
        const key = `${language ?? '*'} ${term}`;
        owners.set(key, (owners.get(key) ?? new Set()).add(id));
      }
  const count = (key: string) => owners.get(key)?.size ?? 0;
  return (language, term) => count(`${language} ${term}`) + (language === '*' ? 0 : count(`* ${term}`)) === 1;
}
