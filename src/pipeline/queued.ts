// While a conversation waits for a person who is away (reason "offline" or "no_agents"), the bot stays silent
// except for one thing: it was asked for an e-mail address. It keeps the address the shopper gives, or, when they
// have none ("I don't remember it"), says once that the chat stays open and the answer will come here. Pure.
import type { Snapshot } from '../content/index.js';
import type { Effect } from './effects.js';
import type { Understanding } from './understand.js';
import { EMPTY_LEXICON, lexiconText } from '../language/index.js';
import { renderReply, type Reply } from './render.js';

export interface QueuedInput {
  understood: Understanding;
  /** Why the conversation is queued (the hand-off's reason). */
  reason?: string;
  /** An address the shopper already left. */
  contactEmail?: string;
  /** The shopper already said they have none. */
  hasNoEmail?: boolean;
  language: string;
  now: Date;
}

export interface QueuedDecision {
  /** A line for the shopper, when there is something to say. */
  reply?: Reply;
  effects: Effect[];
  /** The shopper said they have no address (not asked again). */
  hasNoEmail?: boolean;
}

/** Hand-off reasons that mean nobody can answer now, so the bot asked for an e-mail address. */
export const NOBODY_AVAILABLE = new Set(['offline', 'no_agents']);

export function decideWhileQueued(snapshot: Snapshot, input: QueuedInput): QueuedDecision {
  const { understood, language } = input;
  if (!NOBODY_AVAILABLE.has(input.reason ?? '') || input.contactEmail) return { effects: [] };
  const render = (templateId: string) => renderReply(snapshot, { templateId, language, entities: understood.entities, variantSeed: 0, now: input.now });
  const email = understood.entities.email;
  if (email) return { reply: render('handoff.email_saved'), effects: [{ type: 'keep_contact_email', email }] };
  const lexicon = snapshot.lexicons.get(language) ?? EMPTY_LEXICON;
  if (input.hasNoEmail || !lexicon.dontKnow.matches(lexiconText(understood.text))) return { effects: [] };
  return { reply: render('handoff.no_email'), effects: [], hasNoEmail: true };
}
