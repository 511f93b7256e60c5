// Words and numbers for the console: hand-off reasons, languages, countries, times, money.
import type { ConversationSummary, DeskEvent, Message } from '../../shared/protocol.js';

const REASONS: Record<string, string> = {
  requested: 'Asked for a person',
  low_confidence: 'Bot unsure',
  complaint: 'Complaint',
  dispute: 'Item problem',
  offline: 'Outside hours',
  no_agents: 'Nobody was online',
  order_request: 'Order request',
  cancel_order_after_shipping: 'Cancel after shipping',
  change_order_after_shipping: 'Change after shipping',
};

/** Why the bot handed the conversation off, in words; the intent it was about when it says more. */
export function describeReason(entry: Pick<ConversationSummary, 'handoffReason' | 'handoffIntent' | 'intent'>): string {
  if (!entry.handoffReason) return entry.intent?.replaceAll('_', ' ') ?? 'Conversation';
  return REASONS[entry.handoffReason] ?? entry.handoffReason.replaceAll('_', ' ');
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const displayName = (names: Intl.DisplayNames, code: string) => {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};
export const languageName = (code: string | undefined) => (code ? displayName(languageNames, code) : 'Unknown');
export const countryName = (code: string | undefined) => (code ? displayName(regionNames, code) : undefined);

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
/** A message's time: the hour today, the day and hour before. */
export function shortTime(iso: string, now = new Date()): string {
  const moment = new Date(iso);
  return moment.toDateString() === now.toDateString() ? timeFormat.format(moment) : dateFormat.format(moment);
}

/** "45 s", "3 min", "2 h 5 min" since a moment. */
export function elapsed(fromIso: string | undefined, now: number): string {
  if (!fromIso) return '';
  const seconds = Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const money = (amount: number, currency: string) => {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
};

/** What a system line means to the agents, from what happened rather than the shopper's words. */
export function describeEvent(event: DeskEvent): string {
  switch (event.kind) {
    case 'claimed':
      return `${event.agentName} joined the conversation`;
    case 'transferred':
      return `${event.agentName} transferred it to ${event.toAgentName ?? 'a colleague'}`;
    case 'released':
      return `${event.agentName} handed it back to the bot`;
    case 'resolved':
      return `${event.agentName} resolved it`;
    case 'requeued':
      return `${event.agentName} left; it went back to the queue`;
  }
}

export function authorName(message: Message): string {
  if (message.author === 'agent') return message.authorName ?? 'Agent';
  return message.author === 'shopper' ? 'Shopper' : message.author === 'bot' ? 'Bot' : 'System';
}

/** The shopper's own name for the list: an e-mail or customer id when known. */
export const shopperLabel = (entry: Pick<ConversationSummary, 'contactEmail' | 'customerId'>) => entry.contactEmail ?? entry.customerId ?? 'Shopper';
