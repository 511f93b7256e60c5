// The lines a shopper reads about the people in the conversation ("Ana joined the chat.", "You're back with our
// assistant."), in the conversation's language, from the widget strings of locales/<lang>/ui.json.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Snapshot } from '../knowledge/index.js';
import type { ConversationRecord } from '../store/index.js';

export type LineKey = 'queued' | 'joined' | 'transferred' | 'released' | 'requeued' | 'closed';

/** Used when the content has no string for a line, in any language. */
const FALLBACK: Record<LineKey, string> = {
  queued: 'You are number {position} in line.',
  joined: '{name} joined the chat.',
  transferred: '{name} is now looking after your chat.',
  released: "You're back with our assistant.",
  requeued: "{name} had to leave. You're back in line for the next person.",
  closed: 'This conversation has been closed.',
};

const compiled = new Map<string, IntlMessageFormat>();

/** The conversation's language: what the bot detected, else the widget's locale, else the store's default. */
export function conversationLanguage(snapshot: Snapshot, record: Pick<ConversationRecord, 'state' | 'locale'>): string {
  const candidates = [record.state.language, record.locale?.slice(0, 2).toLowerCase()];
  return candidates.find((language) => language && snapshot.languages.includes(language)) ?? snapshot.settings.defaultLanguage;
}

export function shopperLine(snapshot: Snapshot | undefined, language: string, key: LineKey, values: Record<string, string | number> = {}): string {
  const source = snapshot?.ui.get(language)?.widget[key] ?? snapshot?.ui.get(snapshot.settings.defaultLanguage)?.widget[key] ?? FALLBACK[key];
  const cacheKey = `${language}\u0000${source}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    try {
      format = new IntlMessageFormat(source, language);
    } catch {
      // A broken string in the content: the built-in English line still tells the shopper what happened.
      format = new IntlMessageFormat(FALLBACK[key], 'en');
    }
    if (compiled.size > 500) compiled.clear();
    compiled.set(cacheKey, format);
  }
  try {
    return String(format.format(values));
  } catch {
    return String(new IntlMessageFormat(FALLBACK[key], 'en').format(values));
  }
}
