// What the agent does that involves the server: open a conversation (history, shopper panel, translations),
// claim it, load the closed list or a search.
import type { CaseView, ConversationSummary, Message, ShopperProfile, Translation } from '../../shared/protocol.js';
import { act } from './api.js';
import { dispatch, store } from './store.js';

/** Whether the agent reads this message as it is; otherwise, with a translator, it gets a translation. */
export function needsTranslation(message: Message): boolean {
  const { session, translations } = store.get();
  const language = message.understanding?.language;
  return (
    !!session?.translator &&
    message.author === 'shopper' &&
    !!message.text.trim() &&
    !!language &&
    !session.agent.languages.includes(language) &&
    !translations[message.id]
  );
}

export async function translate(messages: Message[]): Promise<void> {
  const wanted = messages.filter(needsTranslation);
  // Shown as nothing until it arrives, and asked for once: a message can come live and in a claim's history at once.
  for (const message of wanted) dispatch({ type: 'translated', messageId: message.id, translation: 'none' });
  for (const message of wanted) {
    const result = await act<{ translation?: Translation }>('translate', { conversationId: message.conversationId, messageId: message.id });
    dispatch({ type: 'translated', messageId: message.id, translation: result.ok ? (result.translation ?? 'none') : 'failed' });
  }
}

export async function openConversation(conversationId: string, summary?: ConversationSummary): Promise<void> {
  dispatch({ type: 'selected', conversationId, summary });
  const [history, profile] = await Promise.all([
    act<{ history: Message[]; case?: CaseView }>('history', { conversationId }),
    act<{ profile: ShopperProfile }>('profile', { conversationId }),
  ]);
  if (history.ok) {
    dispatch({ type: 'historyLoaded', conversationId, messages: history.history, case: history.case });
    void translate(history.history);
  }
  if (profile.ok) dispatch({ type: 'profileLoaded', profile: profile.profile });
}

/** Claims a waiting conversation; the list then shows the agent's own, where it now is. */
export async function claim(conversationId: string): Promise<void> {
  const response = await act<{ history: Message[]; case?: CaseView }>('claim', { conversationId });
  if (!response.ok) return;
  dispatch({ type: 'historyLoaded', conversationId, messages: response.history, case: response.case });
  // A message that came while the claim was on its way is in this history only, not in the live messages.
  void translate(response.history);
  if (store.get().tab === 'queue' && !store.get().query) dispatch({ type: 'tabChanged', tab: 'mine' });
}

/** The closed list, or the results of the search box. */
export async function loadList(): Promise<void> {
  const { tab, query } = store.get();
  if (!query && tab !== 'closed') return;
  const response = await act<{ conversations: ConversationSummary[] }>('conversations', query ? { query } : { view: 'closed' });
  // A newer search may have started meanwhile: only the current one's answer is shown.
  if (response.ok && store.get().query === query && store.get().tab === tab) dispatch({ type: 'listLoaded', conversations: response.conversations });
}
