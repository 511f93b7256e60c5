// Learning from traffic: the messages the bot was not confident about, masked and grouped, so an operator can add
// them as training utterances of the right intent.
import { fold } from '../pipeline/index.js';

/**
 * Masked on the way in (e-mail addresses, phone and card numbers) and linked to no conversation or customer; only the
 * most recent ones are kept. A shopper's deletion cannot find it and so leaves it.
 */
export interface UnansweredMessage {
  text: string;
  language: string;
  guessedIntent: string;
  confidence: number;
  at: string;
}

export interface SuggestionGroup {
  language: string;
  guessedIntent: string;
  count: number;
  /** Distinct messages, most frequent first. */
  messages: { text: string; count: number; confidence: number }[];
}

/** Groups by language and guessed intent, then by the same words (case, accents and punctuation aside). */
export function groupSuggestions(entries: UnansweredMessage[]): SuggestionGroup[] {
  const groups = new Map<string, { language: string; guessedIntent: string; messages: Map<string, { text: string; count: number; confidence: number }> }>();
  for (const entry of entries) {
    const groupKey = `${entry.language}\u0000${entry.guessedIntent}`;
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { language: entry.language, guessedIntent: entry.guessedIntent, messages: new Map() }));
    const messageKey = fold(entry.text)
      .replace(/[^\p{L}\p{N}<>]+/gu, ' ')
      .trim();
    const message = group.messages.get(messageKey);
    if (message) message.count++;
    else group.messages.set(messageKey, { text: entry.text, count: 1, confidence: entry.confidence });
  }
  return [...groups.values()]
    .map((group) => {
      const messages = [...group.messages.values()].sort((a, b) => b.count - a.count);
      return { language: group.language, guessedIntent: group.guessedIntent, count: messages.reduce((sum, message) => sum + message.count, 0), messages };
    })
    .sort((a, b) => b.count - a.count);
}
