// Intent stage: the language's classifier ranks the intents; a quick-reply payload ("intent:order_status")
// names the intent outright. Confidence below the store's threshold means the bot will not answer it as is.
import type { Snapshot } from '../knowledge/snapshot.js';

export const OUT_OF_SCOPE = 'out_of_scope';
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
  const { ranked, knownShare } = model.classify(text);
  const [top, ...rest] = ranked;
  if (!top) return { intent: OUT_OF_SCOPE, confidence: 0, confident: false, alternatives: [] };
  const confidence = round(top.confidence * knownShare);
  return {
    intent: top.intent,
    confidence,
    confident: top.intent !== OUT_OF_SCOPE && confidence >= snapshot.settings.confidenceThreshold,
    alternatives: rest.slice(0, 3).map(({ intent, confidence: share }) => ({ intent, confidence: round(share * knownShare) })),
  };
}
