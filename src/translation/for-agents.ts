// Translation for agents: a shopper's message into the agent's first language when the agent does not speak the
// message's, and an agent's reply into the shopper's language. Results are kept for a while, so a conversation
// opened twice is translated once.
import { createHash } from 'node:crypto';
import type { Message, Translation } from '../shared/index.js';
import type { Translator } from './translator.js';

const CACHED_TRANSLATIONS = 2000;

export interface AgentTranslation {
  /** The translator's name, for the console ("deepl", "libretranslate"). */
  readonly service: string;
  /** The message in the agent's first language, or undefined when the agent reads its language already. */
  forAgent(message: Pick<Message, 'id' | 'text' | 'understanding'>, agentLanguages: readonly string[]): Promise<Translation | undefined>;
  /** An agent's text in the shopper's language; unchanged (from = to) when it is written in that language already. */
  toShopper(text: string, shopperLanguage: string): Promise<{ text: string; from: string }>;
}

/** `storeLanguages` are the content's languages now, whose detection the bot's own guess is trusted for. */
export function createAgentTranslation(translator: Translator, storeLanguages: () => readonly string[]): AgentTranslation {
  const cache = new Map<string, { text: string; from: string }>();

  async function translate(text: string, to: string, from?: string): Promise<{ text: string; from: string }> {
    const key = `${from ?? '?'}>${to}:${createHash('sha256').update(text).digest('base64url')}`;
    const hit = cache.get(key);
    if (hit) {
      // Most recently used last: the oldest entry is the first to go.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const result = await translator.translate(text, to, from);
    cache.set(key, result);
    if (cache.size > CACHED_TRANSLATIONS) cache.delete(cache.keys().next().value!);
    return result;
  }

  return {
    service: translator.name,
    async forAgent(message, agentLanguages) {
      const to = agentLanguages[0];
      if (!to || !message.text.trim()) return undefined;
      // The bot's own guess is good for the store's languages; for any other, ask the service.
      const guessed = message.understanding?.language;
      const from = guessed && storeLanguages().includes(guessed) ? guessed : await translator.detect(message.text);
      if (from && agentLanguages.includes(from)) return undefined;
      const result = await translate(message.text, to, from);
      // Nothing to add when the service gave the text back unchanged (a name, a number, a word both languages share).
      if (result.from === to || result.text.trim() === message.text.trim()) return undefined;
      return { messageId: message.id, text: result.text, from: result.from, to };
    },
    async toShopper(text, shopperLanguage) {
      const result = await translate(text, shopperLanguage);
      return result.from === shopperLanguage ? { text, from: result.from } : result;
    },
  };
}
