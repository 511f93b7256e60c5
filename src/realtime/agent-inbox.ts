// The console's reading events on /agent: the closed list and search, the shopper panel, a conversation's history,
// and translations of shopper messages. Any signed-in agent may read any conversation; only its holder acts on it.
import { z } from 'zod';
import type { AttachmentService } from '../attachments/index.js';
import type { Agent } from '../handoff/index.js';
import type { Lists, Profiles } from '../inbox/index.js';
import { AppError, type Message } from '../shared/index.js';
import type { ConversationRecord, Store } from '../store/index.js';
import type { AgentTranslation } from '../translation/index.js';

const ConversationRef = z.strictObject({ conversationId: z.string().min(1).max(100) });
const ListRequest = z.union([z.strictObject({ view: z.literal('closed') }), z.strictObject({ query: z.string().trim().min(1).max(200) })]);
const TranslateRequest = z.strictObject({ conversationId: z.string().min(1).max(100), messageId: z.string().min(1).max(100) });

export type Handle = <T>(event: string, schema: z.ZodType<T>, action: (payload: T) => Promise<object | void>) => void;

export interface InboxHandlerOptions {
  store: Store;
  lists: Lists;
  profiles: Profiles;
  attachments: AttachmentService;
  /** Absent when TRANSLATOR is unset. */
  translation?: AgentTranslation;
}

export function registerInboxHandlers(handle: Handle, agent: Agent, { store, lists, profiles, attachments, translation }: InboxHandlerOptions): void {
  async function load(conversationId: string): Promise<ConversationRecord> {
    const record = await store.getConversation(conversationId);
    if (!record) throw new AppError('not_found', 'this conversation does not exist');
    return record;
  }

  handle('conversations', ListRequest, async (request) => ({ conversations: 'view' in request ? await lists.closed() : await lists.search(request.query) }));

  handle('history', ConversationRef, async ({ conversationId }) => {
    const record = await load(conversationId);
    const view = await profiles.caseView(record);
    return { history: (await store.listMessages(conversationId)).map(attachments.withLinks), ...(view ? { case: view } : {}) };
  });

  handle('profile', ConversationRef, async ({ conversationId }) => ({ profile: await profiles.profile(await load(conversationId)) }));

  handle('translate', TranslateRequest, async ({ conversationId, messageId }) => {
    if (!translation) throw new AppError('unavailable', 'translation is off: the server has no TRANSLATOR');
    const message = (await store.listMessages(conversationId)).find((candidate: Message) => candidate.id === messageId);
    if (!message) throw new AppError('not_found', 'there is no such message in this conversation');
    const translated = await translation.forAgent(message, agent.languages);
    return translated ? { translation: translated } : {};
  });
}
