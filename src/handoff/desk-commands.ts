// What an agent does with a conversation: claim it from the queue, reply (typed or a canned reply rendered in the
// shopper's language), write a note, hand it back to the bot, resolve or transfer it. Each runs under the
// conversation's lock, acts only on what the agent holds (or claims from the queue) and is written to the audit log.
import { randomUUID } from 'node:crypto';
import type { Knowledge } from '../knowledge/index.js';
import { transition, type ConversationLock, type Publisher } from '../conversations/index.js';
import type { Metrics } from '../observability/index.js';
import { renderReply } from '../pipeline/index.js';
import { AppError, type Attachment, type Message } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { Agent } from './agents.js';
import { checkHolds, type DeskRecords } from './desk-records.js';
import { conversationLanguage } from './lines.js';

export interface DeskCommandsOptions {
  store: Store;
  knowledge: Knowledge;
  withConversationLock: ConversationLock;
  publisher: Publisher;
  now: () => Date;
  metrics?: Metrics;
  records: DeskRecords;
  isConnected(agentId: string): Promise<boolean>;
}

/** A reply: typed text (with the agent's own words when the console translated it), pictures, or a template. */
export interface ReplyContent {
  text?: string;
  templateId?: string;
  attachments?: Attachment[];
  original?: string;
}

const HANDLING_SAMPLES = 20;

const secondsSince = (now: () => Date, at: string) => (now().getTime() - Date.parse(at)) / 1000;

function agentMessage(
  now: () => Date,
  agent: Agent,
  conversationId: string,
  fields: { text: string; attachments?: Attachment[]; internal?: true; originalOf?: string },
): Message {
  return { id: randomUUID(), conversationId, author: 'agent', createdAt: now().toISOString(), agentId: agent.id, authorName: agent.name, ...fields };
}

/** A canned reply in the conversation's language. */
function templateText(knowledge: Knowledge, record: ConversationRecord, templateId: string, now: Date): string {
  const snapshot = knowledge.current();
  if (!snapshot) throw new AppError('unavailable', 'content is not loaded');
  const language = conversationLanguage(snapshot, record);
  try {
    return renderReply(snapshot, { templateId, language, entities: {}, variantSeed: 0, now }).text;
  } catch {
    throw new AppError('not_found', `there is no template "${templateId}"`);
  }
}

async function claim({ store, now, metrics, records, publisher }: DeskCommandsOptions, agent: Agent, conversationId: string): Promise<Message[]> {
  const record = await records.load(conversationId);
  if (record.status === 'assigned' && record.assignedTo === agent.id) return store.listMessages(conversationId);
  if (record.status !== 'queued') {
    const reason = record.status === 'assigned' ? 'another agent has already claimed this conversation' : 'this conversation is not waiting for an agent';
    throw new AppError('forbidden', reason);
  }
  const waitSeconds = record.queuedAt ? secondsSince(now, record.queuedAt) : undefined;
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
  await records.recordLine(claimed, 'joined', { kind: 'claimed', agentName: agent.name }, { name: agent.name });
  await records.audit(agent, 'claim', conversationId);
  publisher.status(conversationId, { status: 'assigned' });
  publisher.queueChanged(conversationId);
  return store.listMessages(conversationId);
}

async function reply(options: DeskCommandsOptions, agent: Agent, conversationId: string, content: ReplyContent): Promise<Message> {
  const { store, knowledge, publisher, now, records } = options;
  const record = await records.load(conversationId);
  checkHolds(agent, record);
  const text = content.templateId ? templateText(knowledge, record, content.templateId, now()) : content.text;
  const pictures = content.attachments ?? [];
  if (!text && pictures.length === 0) throw new AppError('invalid_payload', 'a reply needs text, pictures or a templateId');
  const message = agentMessage(now, agent, conversationId, { text: text ?? '', ...(pictures.length ? { attachments: pictures } : {}) });
  await store.appendMessage(message);
  if (record.firstResponseSeconds === undefined && record.queuedAt) {
    await records.save(record, { firstResponseSeconds: secondsSince(now, record.queuedAt) });
  }
  publisher.message(record, message);
  if (content.original) {
    const original = agentMessage(now, agent, conversationId, { text: content.original, internal: true, originalOf: message.id });
    await store.appendMessage(original);
    publisher.message(record, original);
  }
  await records.audit(agent, 'reply', conversationId, content.templateId ? { templateId: content.templateId } : undefined);
  publisher.queueChanged(conversationId);
  return message;
}

async function note({ store, publisher, now, records }: DeskCommandsOptions, agent: Agent, conversationId: string, text: string): Promise<Message> {
  const record = await records.load(conversationId);
  if (record.status !== 'queued') checkHolds(agent, record);
  const message = agentMessage(now, agent, conversationId, { text, internal: true });
  await store.appendMessage(message);
  publisher.message(record, message);
  await records.audit(agent, 'note', conversationId);
  return message;
}

async function release({ publisher, records }: DeskCommandsOptions, agent: Agent, conversationId: string): Promise<void> {
  const record = await records.load(conversationId);
  checkHolds(agent, record);
  await records.save(record, {
    status: transition(record.status, 'bot'),
    assignedTo: undefined,
    queuedAt: undefined,
    state: { ...record.state, lowConfidenceStreak: 0, awaiting: undefined },
  });
  await records.recordLine(record, 'released', { kind: 'released', agentName: agent.name });
  await records.audit(agent, 'release', conversationId);
  publisher.status(conversationId, { status: 'bot' });
  publisher.queueChanged(conversationId);
}

async function resolve({ store, publisher, now, records }: DeskCommandsOptions, agent: Agent, conversationId: string): Promise<void> {
  const record = await records.load(conversationId);
  checkHolds(agent, record);
  await records.save(record, { status: transition(record.status, 'closed'), assignedTo: undefined, queuedAt: undefined });
  await records.recordLine(record, 'closed', { kind: 'resolved', agentName: agent.name });
  if (record.queuedAt) await store.recordHandlingTime(secondsSince(now, record.queuedAt), HANDLING_SAMPLES);
  await records.audit(agent, 'resolve', conversationId);
  publisher.status(conversationId, { status: 'closed' });
  publisher.queueChanged(conversationId);
}

async function transfer({ publisher, records, isConnected }: DeskCommandsOptions, agent: Agent, conversationId: string, toAgentId: string): Promise<void> {
  const record = await records.load(conversationId);
  checkHolds(agent, record);
  if (toAgentId === agent.id) throw new AppError('invalid_payload', 'this conversation is already yours');
  if (!(await isConnected(toAgentId))) throw new AppError('forbidden', 'that agent is not online');
  await records.save(record, { assignedTo: toAgentId });
  const toAgentName = await records.nameOf(toAgentId);
  await records.recordLine(record, 'transferred', { kind: 'transferred', agentName: agent.name, toAgentName }, { name: toAgentName });
  await records.audit(agent, 'transfer', conversationId, { to: toAgentId });
  publisher.queueChanged(conversationId);
}

export function createDeskCommands(options: DeskCommandsOptions) {
  const locked = options.withConversationLock;
  return {
    /** Takes a queued conversation; of two agents claiming at once, one wins. Returns the whole history. */
    claim: (agent: Agent, conversationId: string) => locked(conversationId, () => claim(options, agent, conversationId)),
    /** A reply; a reply the console translated keeps the agent's own words beside it, as a note. */
    reply: (agent: Agent, conversationId: string, content: ReplyContent) => locked(conversationId, () => reply(options, agent, conversationId, content)),
    note: (agent: Agent, conversationId: string, text: string) => locked(conversationId, () => note(options, agent, conversationId, text)),
    /** Hands the conversation back to the bot. */
    release: (agent: Agent, conversationId: string) => locked(conversationId, () => release(options, agent, conversationId)),
    /** Closes the conversation; the widget asks the shopper for a rating. */
    resolve: (agent: Agent, conversationId: string) => locked(conversationId, () => resolve(options, agent, conversationId)),
    transfer: (agent: Agent, conversationId: string, toAgentId: string) => locked(conversationId, () => transfer(options, agent, conversationId, toAgentId)),
  };
}
