// Intent stage: the language's classifier ranks the intents with calibrated confidences (the probability that
// each is right); a quick-reply payload ("intent:order_status") names the intent outright. Below the language's
// threshold, or out of scope, the bot will not answer it as is.
import type { Snapshot } from '../content/index.js';
import { OUT_OF_SCOPE } from '../nlu/index.js';

export { OUT_OF_SCOPE };
const INTENT_PAYLOAD = /^intent:([a-z][a-z0-9_]*)$/;

export interface IntentResult {
  intent: string;
  confidence: number;
  /** Whether the bot would answer it: confident enough and not out of scope. */
  confident: boolean;
  /** The next best intents, most likely first. */
  alternatives: { intent: string; confidence: number }[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function classifyIntent(snapshot: Snapshot, text: string, language: string, payload?: string): IntentResult {
  const model = snapshot.intentModels.get(language) ?? snapshot.intentModels.get(snapshot.settings.defaultLanguage)!;
  const named = payload?.match(INTENT_PAYLOAD)?.[1];
  if (named && model.intents.includes(named)) {
    return { intent: named, confidence: 1, confident: true, alternatives: [] };
  }
  // The likeliest intent and the three next to it are all a turn uses.
  const [top, ...rest] = model.classify(text, 4);
  if (!top) return { intent: OUT_OF_SCOPE, confidence: 0, confident: false, alternatives: [] };
  const { threshold } = snapshot.intentThresholds.get(model.language)!;
  return {
    intent: top.intent,
    confidence: round(top.confidence),
    confident: top.intent !== OUT_OF_SCOPE && top.confidence >= threshold,
    alternatives: rest.slice(0, 3).map(({ intent, confidence }) => ({ intent, confidence: round(confidence) })),
  };
}
