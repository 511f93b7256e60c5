// What an agent may send with one click: the templates as canned replies, in the agent's language and in the
// shopper's, so an agent can answer in a language it does not speak. Pure over the snapshot.
import type { Snapshot } from '../knowledge/index.js';
import { TEMPLATE_VALUES } from '../knowledge/index.js';
import { renderReply } from '../pipeline/index.js';

/** Templates that only make sense from the bot itself, about an order event or a parcel, or as the widget's welcome. */
const HIDDEN = /^(clarify|handoff\.|unsupported_language|care\.|packages\.|widget\.)/;
/** Values only a shopper's message provides: templates that need them cannot be sent as canned replies. */
const MESSAGE_VALUES = new Set(TEMPLATE_VALUES.filter((name) => name !== 'today'));

export interface CannedReplies {
  agentLanguage: string;
  shopperLanguage: string;
  replies: { id: string; text: string; shopperText: string }[];
}

/** The canned replies for an agent speaking `agentLanguages` (in order of preference) and a shopper's language. */
export function cannedReplies(
  snapshot: Snapshot,
  { agentLanguages, language, now }: { agentLanguages: readonly string[]; language: string | undefined; now: Date },
): CannedReplies {
  const fallback = snapshot.settings.defaultLanguage;
  const shopperLanguage = language && snapshot.languages.includes(language) ? language : fallback;
  const agentLanguage = agentLanguages.find((candidate) => snapshot.languages.includes(candidate)) ?? fallback;
  const render = (templateId: string, replyLanguage: string) =>
    renderReply(snapshot, { templateId, language: replyLanguage, entities: {}, variantSeed: 0, now }).text;
  const ids = [...(snapshot.templates.get(fallback)?.values() ?? [])]
    .filter((template) => !HIDDEN.test(template.id) && !template.variantArguments.flat().some((name) => MESSAGE_VALUES.has(name)))
    .map((template) => template.id);
  return { agentLanguage, shopperLanguage, replies: ids.map((id) => ({ id, text: render(id, agentLanguage), shopperText: render(id, shopperLanguage) })) };
}
