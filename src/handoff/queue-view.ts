// The queue as the desk shows it: each queued shopper's place in line and estimated wait, the open conversations
// ordered for each agent, and what became of a few conversations since the agents' lists were last sent.
import type { Knowledge } from '../knowledge/index.js';
import type { Publisher } from '../conversations/index.js';
import { summarize } from '../inbox/index.js';
import { byQueueOrder, type ConversationSummary, type QueueChange } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { Agent, AgentDirectory } from './agents.js';
import { conversationLanguage, shopperLine } from './lines.js';

export interface QueueViewOptions {
  store: Store;
  knowledge: Knowledge;
  publisher: Publisher;
  directory: AgentDirectory;
  now: () => Date;
  /** How many agents are online, on every node. */
  agentsOnline: () => number;
}

const DEFAULT_HANDLING_SECONDS = 180;

/** Queued first by priority, then by who waited longest. */
const byUrgency = (a: ConversationRecord, b: ConversationRecord) => (b.priority ?? 0) - (a.priority ?? 0) || (a.queuedAt ?? '').localeCompare(b.queuedAt ?? '');

// Every node's recent handling times, kept in the store, so that each node estimates the same wait.
async function averageHandlingSeconds(store: Store): Promise<number> {
  const times = await store.listHandlingTimes();
  return times.length === 0 ? DEFAULT_HANDLING_SECONDS : times.reduce((sum, value) => sum + value, 0) / times.length;
}

export function createQueueView({ store, knowledge, publisher, directory, now, agentsOnline }: QueueViewOptions) {
  /**
   * Tells every queued shopper its position and an estimated wait from recent handling times. With no agent online
   * there is no line to stand in: the shopper hears only that the conversation waits (the bot has said why).
   */
  async function announcePositions(): Promise<void> {
    const queued = (await store.listConversationsByStatus(['queued'])).sort(byUrgency);
    const agents = agentsOnline();
    const snapshot = knowledge.current();
    const handlingSeconds = queued.length > 0 && agents > 0 ? await averageHandlingSeconds(store) : DEFAULT_HANDLING_SECONDS;
    queued.forEach((record, index) => {
      if (agents === 0) {
        publisher.status(record.id, { status: 'queued' });
        return;
      }
      const estimatedWaitSeconds = Math.round(((index + 1) * handlingSeconds) / agents);
      const language = snapshot ? conversationLanguage(snapshot, record) : 'en';
      const text = shopperLine(snapshot, language, 'queued', { position: index + 1, minutes: Math.max(1, Math.round(estimatedWaitSeconds / 60)) });
      publisher.status(record.id, { status: 'queued', queuePosition: index + 1, estimatedWaitSeconds, text });
    });
  }

  /**
   * The open conversations read once (records and unread counts), then ordered for each agent: its own, then queued
   * ones (in its languages first), then its colleagues'. One read serves every connected console.
   */
  async function queueView(): Promise<(agent: Agent) => ConversationSummary[]> {
    const records = await store.listConversationsByStatus(['queued', 'assigned']);
    const current = now();
    const agents = await directory.all();
    const agentName = (agentId: string) => agents.get(agentId)?.name;
    const digests = await store.messageDigests(records.map((record) => record.id));
    const summaries = records.map((record) => summarize(record, digests.get(record.id), { now: current, agentName }));
    return (agent) => [...summaries].sort(byQueueOrder(agent));
  }

  /**
   * What became of these conversations in the agents' list: each one's summary while it is queued or assigned, else
   * its removal. Reads these records and their digests only, never the whole queue or any message.
   */
  async function queueChanges(conversationIds: readonly string[]): Promise<QueueChange[]> {
    const records = await Promise.all(conversationIds.map((id) => store.getConversation(id)));
    const open = records.filter((record): record is ConversationRecord => record?.status === 'queued' || record?.status === 'assigned');
    const digests = await store.messageDigests(open.map((record) => record.id));
    const agents = await directory.all();
    const current = now();
    return conversationIds.map((id, index): QueueChange => {
      const record = records[index];
      return record && open.includes(record)
        ? { type: 'updated', conversation: summarize(record, digests.get(id), { now: current, agentName: (agentId) => agents.get(agentId)?.name }) }
        : { type: 'removed', conversationId: id };
    });
  }

  /** The queue as one agent sees it. */
  async function queueFor(agent: Agent): Promise<ConversationSummary[]> {
    return (await queueView())(agent);
  }

  return { announcePositions, queueView, queueChanges, queueFor };
}
