// Emoji as the content lists them and as a message sends them: without variation selectors or skin tones, and
// what an emoji-only message means by the emoji table of flows/ settings. Pure.

/** An emoji as the settings list it: without variation selectors or skin tones. */
export const bareEmoji = (symbol: string) => symbol.replace(/[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, '');

const PICTOGRAPHS = /\p{Extended_Pictographic}(?:\u200D\p{Extended_Pictographic})*/gu;

/** What an emoji-only message means ("yes", "no" or intents), the most often meant first; empty for any other. */
export function emojiMeanings(text: string, table: ReadonlyMap<string, string[]>): string[] {
  if (table.size === 0 || /[\p{L}\p{N}]/u.test(text)) return [];
  const symbols = bareEmoji(text).match(PICTOGRAPHS);
  if (!symbols) return [];
  const tally = new Map<string, number>();
  for (const symbol of symbols) for (const meaning of table.get(symbol) ?? []) tally.set(meaning, (tally.get(meaning) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1]).map(([meaning]) => meaning);
}
