// The conversation's state machine: bot → queued → assigned → closed, assigned → bot when an agent hands back,
// and a closed conversation comes back to the bot when the shopper writes again. Pure transitions only.
import { type ConversationStatus, AppError } from '../shared/index.js';

const allowed: Record<ConversationStatus, ConversationStatus[]> = {
  bot: ['queued', 'closed'],
  queued: ['assigned', 'bot', 'closed'],
  assigned: ['bot', 'queued', 'closed'],
  closed: ['bot'],
};

function canTransition(from: ConversationStatus, to: ConversationStatus): boolean {
  return allowed[from].includes(to);
}

export function transition(from: ConversationStatus, to: ConversationStatus): ConversationStatus {
  if (!canTransition(from, to)) throw new AppError('forbidden', `a ${from} conversation cannot become ${to}`);
  return to;
}

/** Whether the bot answers the shopper's messages in this status. */
export const botAnswers = (status: ConversationStatus) => status === 'bot' || status === 'closed';
