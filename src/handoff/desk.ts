// The agents' desk: the queue (priority, then language, then time), claims, replies, canned replies rendered in the
// shopper's language, notes, transfers, hand-back and resolve. Every action is checked (an agent acts only on what
// it holds or claims from the queue) and written to the audit log.
import { randomUUID } from 'node:crypto';
import type { Knowledge } from '../knowledge/index.js';
import { transition } from '../conversations/state.js';
import type { ConversationLock, Publisher } from '../conversations/index.js';
import { renderReply } from '../pipeline/render.js';
import { AppError } from '../shared/errors.js';
import type { Attachment, ConversationSummary, Message } from '../shared/protocol.js';
import type { Metrics } from '../observability/metrics.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { Agent } from './agents.js';
import type { Presence } from './presence.js';


export interface DeskOptions {
  store: Store;
  knowledge: Knowledge;
  presence: Presence;
  serialize: ConversationLock;
  publisher: Publisher;
  logger: { info(object: object, message: string): void; warn(object: object, message: string): void };
  now?: () => Date;
  /** Seconds an assigned agent may stay disconnected before the conversation goes back to the queue. */
  graceSeconds?: number;
  metrics?: Metrics;
  /** How many agents are online, on every node (default: this process's). */
  agentsOnline?: () => number;
  /** Whether an agent is connected to any node, when several share Redis. */
  cluster?: { isConnectedAnywhere(agentId: string): Promise<boolean> };
}

const DEFAULT_HANDLING_SECONDS = 180;
const HANDLING_SAMPLES = 20;

export function createDesk({ store, knowledge, presence, serialize, publisher, logger, now = () => new Date(), graceSeconds = 60, metrics, cluster, agentsOnline = () => presence.onlineAgents().length }: DeskOptions) {
  const isConnected = async (agentId: string) => presence.isConnected(agentId) || ((await cluster?.isConnectedAnywhere(agentId)) ?? false);
  const handlingSeconds: number[] = [];
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

  const averageHandlingSeconds = () =>
    handlingSeconds.length === 0 ? DEFAULT_HANDLING_SECONDS : handlingSeconds.reduce((sum, value) => sum + value, 0) / handlingSeconds.length;

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
    queued.forEach((record, index) => {
      if (agents === 0) return publisher.status(record.id, { status: 'queued' });
      publisher.status(record.id, {
        status: 'queued',
        queuePosition: index + 1,
        estimatedWaitSeconds: Math.round(((index + 1) * averageHandlingSeconds()) / agents),
      });
    });
  }

  async function unreadFor(record: ConversationRecord): Promise<{ unread: number; lastMessage?: string }> {
    const messages = (await store.listMessages(record.id)).filter((message) => !message.internal);
    let unread = 0;
    for (let index = messages.length - 1; index >= 0 && messages[index]!.author !== 'agent'; index--) {
      if (messages[index]!.author === 'shopper') unread++;
    }
    const last = messages.at(-1);
    return { unread, lastMessage: last && (last.text || (last.attachments?.length ? '[picture]' : '')).slice(0, 140) };
  }

  /**
   * The queue read once (records and unread counts), then cut for each agent: its own conversations, then queued
   * ones, in its languages first. One read serves every connected console.
   */
  async function queueView(): Promise<(agent: Agent) => ConversationSummary[]> {
    const records = await store.listConversationsByStatus(['queued', 'assigned']);
    const current = now().getTime();
    const entries = await Promise.all(
      records.map(async (record) => ({
        record,
        summary: {
          id: record.id,
          status: record.status,
          language: record.state.language,
          intent: record.lastIntent,
          priority: record.priority ?? 0,
          queuedAt: record.queuedAt,
          waitingSeconds: record.queuedAt && record.status === 'queued' ? Math.round((current - Date.parse(record.queuedAt)) / 1000) : undefined,
          assignedTo: record.assignedTo,
          contactEmail: record.contactEmail,
          tags: record.state.tags,
          ...(record.handoff?.order ? { order: record.handoff.order } : {}),
          ...(record.state.case?.status === 'open'
            ? { case: { orderNumber: record.state.case.orderNumber, problem: record.state.case.problem, photos: record.state.case.attachmentIds.length } }
            : {}),
          ...(await unreadFor(record)),
        } satisfies ConversationSummary,
      })),
    );
    return (agent) => {
      const speaks = (record: ConversationRecord) => (record.state.language && agent.languages.includes(record.state.language) ? 0 : 1);
      return entries
        .filter(({ record }) => record.status === 'queued' || record.assignedTo === agent.id || agent.role === 'operator')
        .sort(({ record: a }, { record: b }) => Number(a.status === 'queued') - Number(b.status === 'queued') || (b.priority ?? 0) - (a.priority ?? 0) || speaks(a) - speaks(b) || byUrgency(a, b))
        .map(({ summary }) => summary);
    };
  }

  /** The conversations an agent who did not come back still holds go back to the queue. */
  async function requeueHeld(agent: Agent): Promise<void> {
    graceTimers.delete(agent.id);
    if (await isConnected(agent.id)) return;
    const held = (await store.listConversationsByStatus(['assigned'])).filter((record) => record.assignedTo === agent.id);
    for (const record of held) {
      await serialize(record.id, async () => {
        const current = await load(record.id);
        if (current.status !== 'assigned' || current.assignedTo !== agent.id) return;
        await save(current, { status: transition('assigned', 'queued'), assignedTo: undefined });
        await audit(agent, 'requeue-after-disconnect', record.id);
      });
    }
    if (held.length) publisher.queueChanged();
  }

  return {
    announcePositions,
    queueView,

    /** The queue as one agent sees it. */
    async queueFor(agent: Agent): Promise<ConversationSummary[]> {
      return (await queueView())(agent);
    },

    /** Takes a queued conversation; of two agents claiming at once, one wins. Returns the whole history. */
    claim(agent: Agent, conversationId: string): Promise<Message[]> {
      return serialize(conversationId, async () => {
        const record = await load(conversationId);
        if (record.status === 'assigned' && record.assignedTo === agent.id) return store.listMessages(conversationId);
        if (record.status !== 'queued') throw new AppError('forbidden', record.status === 'assigned' ? 'another agent has already claimed this conversation' : 'this conversation is not waiting for an agent');
        const waitSeconds = record.queuedAt ? (now().getTime() - Date.parse(record.queuedAt)) / 1000 : undefined;
        const claimed = { ...record, status: transition(record.status, 'assigned'), assignedTo: agent.id, waitSeconds: record.waitSeconds ?? waitSeconds, updatedAt: now().toISOString() };
        // Another node may have taken it since it was read: the store lets exactly one claim through.
        if (!(await store.saveConversationIf(claimed, 'queued'))) throw new AppError('forbidden', 'another agent has already claimed this conversation');
        if (waitSeconds !== undefined) metrics?.waited(waitSeconds);
        await audit(agent, 'claim', conversationId);
        publisher.status(conversationId, { status: 'assigned' });
        publisher.queueChanged();
        return store.listMessages(conversationId);
      });
    },

    /** A reply, typed or a template (a canned reply) rendered in the shopper's language. */
    reply(agent: Agent, conversationId: string, content: { text?: string; templateId?: string; attachments?: Attachment[] }): Promise<Message> {
      return serialize(conversationId, async () => {
        const record = await load(conversationId);
        holds(agent, record);
        let text = content.text;
        if (content.templateId) {
          const snapshot = knowledge.current();
          if (!snapshot) throw new AppError('unavailable', 'content is not loaded');
          const language = record.state.language ?? snapshot.settings.defaultLanguage;
          try {
            text = renderReply(snapshot, { templateId: content.templateId, language, entities: {}, variantSeed: 0, now: now() }).text;
          } catch {
            throw new AppError('not_found', `there is no template "${content.templateId}"`);
          }
        }
        const pictures = content.attachments ?? [];
        if (!text && pictures.length === 0) throw new AppError('invalid_payload', 'a reply needs text, pictures or a templateId');
        const message: Message = {
          id: randomUUID(), conversationId, author: 'agent', text: text ?? '', ...(pictures.length ? { attachments: pictures } : {}), createdAt: now().toISOString(), agentId: agent.id,
        };
        await store.appendMessage(message);
        if (record.firstResponseSeconds === undefined && record.queuedAt) {
          await save(record, { firstResponseSeconds: (now().getTime() - Date.parse(record.queuedAt)) / 1000 });
        }
        publisher.message(record, message);
        await audit(agent, 'reply', conversationId, content.templateId ? { templateId: content.templateId } : undefined);
        publisher.queueChanged();
        return message;
      });
    },

    note(agent: Agent, conversationId: string, text: string): Promise<Message> {
      return serialize(conversationId, async () => {
        const record = await load(conversationId);
        if (record.status !== 'queued') holds(agent, record);
        const message: Message = { id: randomUUID(), conversationId, author: 'agent', text, createdAt: now().toISOString(), agentId: agent.id, internal: true };
        await store.appendMessage(message);
        publisher.message(record, message);
        await audit(agent, 'note', conversationId);
        return message;
      });
    },

    /** Hands the conversation back to the bot. */
    release(agent: Agent, conversationId: string): Promise<void> {
      return serialize(conversationId, async () => {
        const record = await load(conversationId);
        holds(agent, record);
        await save(record, { status: transition(record.status, 'bot'), assignedTo: undefined, queuedAt: undefined, state: { ...record.state, lowConfidenceStreak: 0, awaiting: undefined } });
        await audit(agent, 'release', conversationId);
        publisher.status(conversationId, { status: 'bot' });
        publisher.queueChanged();
      });
    },

    /** Closes the conversation; the widget asks the shopper for a rating. */
    resolve(agent: Agent, conversationId: string): Promise<void> {
      return serialize(conversationId, async () => {
        const record = await load(conversationId);
        holds(agent, record);
        await save(record, { status: transition(record.status, 'closed'), assignedTo: undefined, queuedAt: undefined });
        if (record.queuedAt) {
          handlingSeconds.push((now().getTime() - Date.parse(record.queuedAt)) / 1000);
          if (handlingSeconds.length > HANDLING_SAMPLES) handlingSeconds.shift();
        }
        await audit(agent, 'resolve', conversationId);
        publisher.status(conversationId, { status: 'closed' });
        publisher.queueChanged();
      });
    },

    transfer(agent: Agent, conversationId: string, toAgentId: string): Promise<void> {
      return serialize(conversationId, async () => {
        const record = await load(conversationId);
        holds(agent, record);
        if (toAgentId === agent.id) throw new AppError('invalid_payload', 'this conversation is already yours');
        if (!(await isConnected(toAgentId))) throw new AppError('forbidden', 'that agent is not online');
        await save(record, { assignedTo: toAgentId });
        await audit(agent, 'transfer', conversationId, { to: toAgentId });
        publisher.queueChanged();
      });
    },

    /** An agent's last console closed: after the grace period, its conversations go back to the queue. */
    agentLeft(agent: Agent): void {
      clearTimeout(graceTimers.get(agent.id));
      graceTimers.set(
        agent.id,
        setTimeout(
          () => void requeueHeld(agent).catch((error: unknown) => logger.warn({ err: error, agentId: agent.id }, 'could not return the conversations of an agent who left to the queue')),
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
