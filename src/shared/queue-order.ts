// The order of the agents' list, the same on the server (the whole queue) and in the console (one change at a time):
// the agent's own conversations, then queued ones, then colleagues'; within each, higher priority first, then the
// languages the agent speaks, then whoever waited longest.
import type { ConversationSummary } from './protocol.js';

type Entry = Pick<ConversationSummary, 'status' | 'assignedTo' | 'priority' | 'language' | 'queuedAt'>;

export function byQueueOrder(agent: { id: string; languages: readonly string[] }): (a: Entry, b: Entry) => number {
  const rank = (entry: Entry) => (entry.assignedTo === agent.id ? 0 : entry.status === 'queued' ? 1 : 2);
  const speaks = (entry: Entry) => (entry.language && agent.languages.includes(entry.language) ? 0 : 1);
  return (a, b) => rank(a) - rank(b) || (b.priority ?? 0) - (a.priority ?? 0) || speaks(a) - speaks(b) || (a.queuedAt ?? '').localeCompare(b.queuedAt ?? '');
}
