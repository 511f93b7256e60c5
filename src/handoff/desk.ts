// The agents' desk: the queue (priority, then language, then time), claims, replies, canned replies rendered in the
// shopper's language, notes, transfers, hand-back and resolve. Every action is checked (an agent acts only on what
// it holds or claims from the queue) and written to the audit log.
import { randomUUID } from 'node:crypto';
import type { Knowledge } from '../knowledge/index.js';
import { transition } from '../conversations/index.js';
import type { ConversationLock, Publisher } from '../conversations/index.js';
import { summarize } from '../inbox/index.js';
import { renderReply } from '../pipeline/index.js';
import {
  AppError,
  byQueueOrder,
  type Attachment,
  type ConversationSummary,
  type DeskEvent,
  type Logger,
  type Message,
  type QueueChange,
} from '../shared/index.js';
import type { Metrics } from '../observability/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { Agent, AgentDirectory } from './agents.js';
import { conversationLanguage, shopperLine, type LineKey } from './lines.js';
import type { Presence } from './presence.js';

export interface DeskOptions {
  store: Store;
  knowledge: Knowledge;
  presence: Presence;
  withConversationLock: ConversationLock;
  publisher: Publisher;
  logger: Logger;
  now?: () => Date;
  /** Seconds an assigned agent may stay disconnected before the conversation goes back to the queue. */
  graceSeconds?: number;
  metrics?: Metrics;
  /** How many agents are online, on every node (default: this process's). */
  agentsOnline?: () => number;
  /** Whether an agent is connected to any node, when several share Redis. */
  cluster?: { isConnectedAnywhere(agentId: string): Promise<boolean> };
  /** Agents' names, for the lines the shopper reads and the lists agents see. */
  directory: AgentDirectory;
}

const DEFAULT_HANDLING_SECONDS = 180;
const HANDLING_SAMPLES = 20;

export function createDesk({
  store,
  knowledge,
  presence,
  withConversationLock,
  publisher,
  logger,
  now = () => new Date(),
  graceSeconds = 60,
  metrics,
  cluster,
  agentsOnline = () => presence.onlineAgents().length,
  directory,
}: DeskOptions) {
  const isConnected = async (agentId: string) => presence.isConnected(agentId) || ((await cluster?.isConnectedAnywhere(agentId)) ?? false);
  const graceTimers = new Map<string, NodeJS.Timeout>();

  async function audit(agent: Agent, action: string, conversationId?: string, detail?: Record<string, unknown>) {
    const entry = { at: now().toISOString(), agentId: agent.id, action, conversationId, detail };
    await store.appendAudit(entry);
    logger.info({ audit: entry }, `agent ${action}`);
  }

  async function load(conversationId: string): Promise<ConversationRecord> {
    const record = await store.getConversation(conversationId);
    if (!record) throw new AppError('not_found', 'this conversation does not exist');
    return record;
  }

  function holds(agent: Agent, record: ConversationRecord): void {
    if (record.status !== 'assigned' || record.assignedTo !== agent.id) {
      throw new AppError('forbidden', record.status === 'assigned' ? 'another agent holds this conversation' : 'claim this conversation first');
    }
  }

  async function save(record: ConversationRecord, changes: Partial<ConversationRecord>): Promise<ConversationRecord> {
    const updated = { ...record, ...changes, updatedAt: now().toISOString() };
    await store.saveConversation(updated);
    return updated;
  }

  /**
   * A change of hands, kept in the conversation: the shopper reads it in the conversation's language, the agents
   * see what happened. `to` is the record whose agent hears of it at once.
   */
  async function recordLine(to: ConversationRecord, line: LineKey, event: DeskEvent, values: Record<string, string> = {}): Promise<void> {
    const snapshot = knowledge.current();
    const text = shopperLine(snapshot, snapshot ? conversationLanguage(snapshot, to) : 'en', line, values);
    const message: Message = { id: randomUUID(), conversationId: to.id, author: 'system', text, createdAt: now().toISOString(), event };
    await store.appendMessage(message);
    publisher.message(to, message);
  }

  const nameOf = async (agentId: string) => (await directory.find(agentId))?.name ?? 'A colleague';

  // Every node's recent handling times, kept in the store, so that each node estimates the same wait.
  const averageHandlingSeconds = async () => {
    const times = await store.listHandlingTimes();
    return times.length === 0 ? DEFAULT_HANDLING_SECONDS : times.reduce((sum, value) => sum + value, 0) / times.length;
  };

  /** Queued first by priority, then by who waited longest. */
  const byUrgency = (a: ConversationRecord, b: ConversationRecord) =>
    (b.priority ?? 0) - (a.priority ?? 0) || (a.queuedAt ?? '').localeCompare(b.queuedAt ?? '');

  /**
   * Tells every queued shopper its position and an estimated wait from recent handling times. With no agent online
   * there is no line to stand in: the shopper hears only that the conversation waits (the bot has said why).
   */
  async function announcePositions(): Promise<void> {
    const queued = (await store.listConversationsByStatus(['queued'])).sort(byUrgency);
    const agents = agentsOnline();
    const snapshot = knowledge.current();
    const handlingSeconds = queued.length > 0 && agents > 0 ? await averageHandlingSeconds() : DEFAULT_HANDLING_SECONDS;
    queued.forEach((record, index) => {
      if (agents === 0) return publisher.status(record.id, { status: 'queued' });
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

  /** The conversations an agent who did not come back still holds go back to the queue. */
  async function requeueHeld(agent: Agent): Promise<void> {
    graceTimers.delete(agent.id);
    if (await isConnected(agent.id)) return;
    const held = (await store.listConversationsByStatus(['assigned'])).filter((record) => record.assignedTo === agent.id);
    for (const record of held) {
      await withConversationLock(record.id, async () => {
        const current = await load(record.id);
        if (current.status !== 'assigned' || current.assignedTo !== agent.id) return;
        const requeued = await save(current, { status: transition('assigned', 'queued'), assignedTo: undefined });
        await recordLine(requeued, 'requeued', { kind: 'requeued', agentName: agent.name }, { name: agent.name });
        await audit(agent, 'requeue-after-disconnect', record.id);
      });
    }
    if (held.length) publisher.queueChanged(...held.map((record) => record.id));
  }

  return {
    announcePositions,
    queueView,
    queueChanges,

    /** The queue as one agent sees it. */
    async queueFor(agent: Agent): Promise<ConversationSummary[]> {
      return (await queueView())(agent);
    },

    /** Takes a queued conversation; of two agents claiming at once, one wins. Returns the whole history. */
    claim(agent: Agent, conversationId: string): Promise<Message[]> {
      return withConversationLock(conversationId, async () => {
        const record = await load(conversationId);
        if (record.status === 'assigned' && record.assignedTo === agent.id) return store.listMessages(conversationId);
        if (record.status !== 'queued')
          throw new AppError(
            'forbidden',
            record.status === 'assigned' ? 'another agent has already claimed this conversation' : 'this conversation is not waiting for an agent',
          );
        const waitSeconds = record.queuedAt ? (now().getTime() - Date.parse(record.queuedAt)) / 1000 : undefined;
        const claimed = {
          ...record,
          status: transition(record.status, 'assigned'),
          assignedTo: agent.id,
          waitSeconds: record.waitSeconds ?? waitSeconds,
          updatedAt: now().toISOString(),
        };
        // Another node may have taken it since it was read: the store lets exactly one claim through.
        if (!(await store.saveConversationIf(claimed, 'queued'))) throw new AppError('forbidden', 'another agent has already claimed this conversation');
        if (waitSeconds !== undefined) metrics?.waited(waitSeconds);
        await recordLine(claimed, 'joined', { kind: 'claimed', agentName: agent.name }, { name: agent.name });
        await audit(agent, 'claim', conversationId);
        publisher.status(conversationId, { status: 'assigned' });
        publisher.queueChanged(conversationId);
        return store.listMessages(conversationId);
      });
    },

    /**
     * A reply, typed or a template (a canned reply) rendered in the shopper's language. A reply the console
     * translated keeps the agent's own words beside it, as a note.
     */
    reply(
      agent: Agent,
      conversationId: string,
      content: { text?: string; templateId?: string; attachments?: Attachment[]; original?: string },
    ): Promise<Message> {
      return withConversationLock(conversationId, async () => {
        const record = await load(conversationId);
        holds(agent, record);
        let text = content.text;
        if (content.templateId) {
          const snapshot = knowledge.current();
          if (!snapshot) throw new AppError('unavailable', 'content is not loaded');
          const language = conversationLanguage(snapshot, record);
          try {
            text = renderReply(snapshot, { templateId: content.templateId, language, entities: {}, variantSeed: 0, now: now() }).text;
          } catch {
            throw new AppError('not_found', `there is no template "${content.templateId}"`);
          }
        }
        const pictures = content.attachments ?? [];
        if (!text && pictures.length === 0) throw new AppError('invalid_payload', 'a reply needs text, pictures or a templateId');
        const message: Message = {
          id: randomUUID(),
          conversationId,
          author: 'agent',
          text: text ?? '',
          ...(pictures.length ? { attachments: pictures } : {}),
          createdAt: now().toISOString(),
          agentId: agent.id,
          authorName: agent.name,
        };
        await store.appendMessage(message);
        if (record.firstResponseSeconds === undefined && record.queuedAt) {
          await save(record, { firstResponseSeconds: (now().getTime() - Date.parse(record.queuedAt)) / 1000 });
        }
        publisher.message(record, message);
        if (content.original) {
          const original: Message = {
            id: randomUUID(),
            conversationId,
            author: 'agent',
            text: content.original,
            createdAt: now().toISOString(),
            agentId: agent.id,
            authorName: agent.name,
            internal: true,
            originalOf: message.id,
          };
          await store.appendMessage(original);
          publisher.message(record, original);
        }
        await audit(agent, 'reply', conversationId, content.templateId ? { templateId: content.templateId } : undefined);
        publisher.queueChanged(conversationId);
        return message;
      });
    },

    note(agent: Agent, conversationId: string, text: string): Promise<Message> {
      return withConversationLock(conversationId, async () => {
        const record = await load(conversationId);
        if (record.status !== 'queued') holds(agent, record);
        const message: Message = {
          id: randomUUID(),
          conversationId,
          author: 'agent',
          text,
          createdAt: now().toISOString(),
          agentId: agent.id,
          authorName: agent.name,
          internal: true,
        };
        await store.appendMessage(message);
        publisher.message(record, message);
        await audit(agent, 'note', conversationId);
        return message;
      });
    },

    /** Hands the conversation back to the bot. */
    release(agent: Agent, conversationId: string): Promise<void> {
      return withConversationLock(conversationId, async () => {
        const record = await load(conversationId);
        holds(agent, record);
        await save(record, {
          status: transition(record.status, 'bot'),
          assignedTo: undefined,
          queuedAt: undefined,
          state: { ...record.state, lowConfidenceStreak: 0, awaiting: undefined },
        });
        await recordLine(record, 'released', { kind: 'released', agentName: agent.name });
        await audit(agent, 'release', conversationId);
        publisher.status(conversationId, { status: 'bot' });
        publisher.queueChanged(conversationId);
      });
    },

    /** Closes the conversation; the widget asks the shopper for a rating. */
    resolve(agent: Agent, conversationId: string): Promise<void> {
      return withConversationLock(conversationId, async () => {
        const record = await load(conversationId);
        holds(agent, record);
        await save(record, { status: transition(record.status, 'closed'), assignedTo: undefined, queuedAt: undefined });
        await recordLine(record, 'closed', { kind: 'resolved', agentName: agent.name });
        if (record.queuedAt) {
          await store.recordHandlingTime((now().getTime() - Date.parse(record.queuedAt)) / 1000, HANDLING_SAMPLES);
        }
        await audit(agent, 'resolve', conversationId);
        publisher.status(conversationId, { status: 'closed' });
        publisher.queueChanged(conversationId);
      });
    },

    transfer(agent: Agent, conversationId: string, toAgentId: string): Promise<void> {
      return withConversationLock(conversationId, async () => {
        const record = await load(conversationId);
        holds(agent, record);
        if (toAgentId === agent.id) throw new AppError('invalid_payload', 'this conversation is already yours');
        if (!(await isConnected(toAgentId))) throw new AppError('forbidden', 'that agent is not online');
        await save(record, { assignedTo: toAgentId });
        const toAgentName = await nameOf(toAgentId);
        await recordLine(record, 'transferred', { kind: 'transferred', agentName: agent.name, toAgentName }, { name: toAgentName });
        await audit(agent, 'transfer', conversationId, { to: toAgentId });
        publisher.queueChanged(conversationId);
      });
    },

    /** An agent's last console closed: after the grace period, its conversations go back to the queue. */
    agentLeft(agent: Agent): void {
      clearTimeout(graceTimers.get(agent.id));
      graceTimers.set(
        agent.id,
        setTimeout(
          () =>
            void requeueHeld(agent).catch((error: unknown) =>
              logger.warn({ err: error, agentId: agent.id }, 'could not return the conversations of an agent who left to the queue'),
            ),
          graceSeconds * 1000,
        ).unref(),
      );
    },

    agentReturned(agent: Agent): void {
      clearTimeout(graceTimers.get(agent.id));
      graceTimers.delete(agent.id);
    },

    close(): void {
      for (const timer of graceTimers.values()) clearTimeout(timer);
    },
  };
}

export type Desk = ReturnType<typeof createDesk>;
