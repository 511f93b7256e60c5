// The console's desk events on /agent: claim, reply (typed, translated, with pictures or a canned reply), note,
// hand back to the bot, resolve and transfer. Each calls the desk, which checks that the agent may.
import { z } from 'zod';
import { type Agent, type Desk, conversationLanguage } from '../handoff/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { normalizeText } from '../pipeline/index.js';
import { AppError, type Message } from '../shared/index.js';
import type { Handle, InboxHandlerOptions } from './agent-inbox.js';
import { AttachmentIds } from './payloads.js';

const ConversationRef = z.strictObject({ conversationId: z.string().min(1).max(100) });
const AgentMessage = z.union([
  // translate: the agent wrote in its own language; the shopper gets it in theirs.
  z.strictObject({ conversationId: z.string().min(1).max(100), text: z.string().optional(), attachments: AttachmentIds, translate: z.boolean().optional() }),
  z.strictObject({ conversationId: z.string().min(1).max(100), text: z.string().min(1), translate: z.boolean().optional() }),
  z.strictObject({ conversationId: z.string().min(1).max(100), templateId: z.string().min(1).max(100) }),
]);
const Note = z.strictObject({ conversationId: z.string().min(1).max(100), text: z.string().min(1).max(4000) });
const Transfer = z.strictObject({ conversationId: z.string().min(1).max(100), agentId: z.string().min(1).max(100) });

export interface DeskHandlerOptions extends InboxHandlerOptions {
  desk: Desk;
  knowledge: Knowledge;
}

export function registerDeskHandlers(handle: Handle, agent: Agent, options: DeskHandlerOptions): void {
  const { desk, store, attachments, knowledge, translation, profiles } = options;
  const withLinks = (messages: Message[]) => messages.map(attachments.withLinks);

  /** The conversation's case as the agent sees it first: order, problem and the photos, with fresh links. */
  async function caseView(conversationId: string) {
    const record = await store.getConversation(conversationId);
    const view = record && (await profiles.caseView(record));
    return view ? { case: view } : {};
  }

  /** An agent's words in the shopper's language, and the words themselves when they needed translating. */
  async function translated(conversationId: string, text: string): Promise<{ text: string; original?: string }> {
    if (!translation) throw new AppError('unavailable', 'translation is off: the server has no TRANSLATOR');
    const record = await store.getConversation(conversationId);
    const snapshot = knowledge.current();
    if (!record || !snapshot) throw new AppError('not_found', 'this conversation does not exist');
    const result = await translation.toShopper(text, conversationLanguage(snapshot, record));
    return result.text === text ? { text } : { text: result.text, original: text };
  }

  handle('claim', ConversationRef, async ({ conversationId }) => ({
    history: withLinks(await desk.claim(agent, conversationId)),
    ...(await caseView(conversationId)),
  }));
  handle('message', AgentMessage, async (payload) => {
    const text = 'text' in payload && payload.text !== undefined ? normalizeText(payload.text) : undefined;
    const pictures = 'attachments' in payload ? await attachments.resolve(payload.conversationId, payload.attachments) : [];
    // A failed translation sends nothing: the ack says why, and the agent's text stays in the console.
    const words = text && 'translate' in payload && payload.translate ? await translated(payload.conversationId, text) : { text };
    const content = 'templateId' in payload ? { templateId: payload.templateId } : { ...words, attachments: pictures };
    return { message: attachments.withLinks(await desk.reply(agent, payload.conversationId, content)) };
  });
  handle('note', Note, async ({ conversationId, text }) => ({ message: await desk.note(agent, conversationId, text) }));
  handle('release', ConversationRef, ({ conversationId }) => desk.release(agent, conversationId));
  handle('resolve', ConversationRef, ({ conversationId }) => desk.resolve(agent, conversationId));
  handle('transfer', Transfer, ({ conversationId, agentId }) => desk.transfer(agent, conversationId, agentId));
}
