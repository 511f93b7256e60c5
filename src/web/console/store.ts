// The console's state, in one store changed only by actions, so that a change from the server (a whole queue now,
// single conversations later) is one small step. Components read slices of it with useStore.
import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { CaseView, ConversationSummary, Message, ShopperProfile, Translation } from '../../shared/protocol.js';
import { byQueueOrder } from '../../shared/queue-order.js';

export interface Profile {
  id: string;
  name: string;
  email: string;
  languages: string[];
  role: 'agent' | 'operator';
}

export type Tab = 'mine' | 'queue' | 'open' | 'closed';

export interface State {
  /** True until a kept sign-in is checked, so the sign-in form does not flash on a reload. */
  booting: boolean;
  session?: { token: string; agent: Profile; translator?: string };
  loginError?: string;
  connection: 'connecting' | 'online' | 'offline';
  presence: 'online' | 'away';
  /** The open conversations (queued and assigned), in the server's order (shared/queue-order.ts). */
  open: ConversationSummary[];
  tab: Tab;
  query: string;
  /** The closed list or search results, when one of them is shown. */
  found?: ConversationSummary[];
  selectedId?: string;
  /** What the pane shows of a conversation that is not open (a closed or a past one). */
  selectedSummary?: ConversationSummary;
  messages: Record<string, Message[]>;
  cases: Record<string, CaseView | undefined>;
  profiles: Record<string, ShopperProfile>;
  /** Per shopper message: its translation, none needed (the agent reads it), or a failed attempt. */
  translations: Record<string, Translation | 'none' | 'failed'>;
  typing: Record<string, boolean>;
  page: 'inbox' | 'analytics';
  showShortcuts: boolean;
  notice?: string;
}

export type Action =
  | { type: 'signedIn'; session: NonNullable<State['session']> }
  | { type: 'signedOut'; message?: string }
  | { type: 'connectionChanged'; connection: State['connection'] }
  | { type: 'presenceChanged'; presence: State['presence'] }
  | { type: 'queueReplaced'; conversations: ConversationSummary[] }
  | { type: 'conversationUpdated'; conversation: ConversationSummary }
  | { type: 'conversationRemoved'; conversationId: string }
  | { type: 'tabChanged'; tab: Tab }
  | { type: 'queryChanged'; query: string }
  | { type: 'listLoaded'; conversations: ConversationSummary[] }
  | { type: 'selected'; conversationId?: string; summary?: ConversationSummary }
  | { type: 'selectedChanged'; changes: Partial<ConversationSummary> }
  | { type: 'historyLoaded'; conversationId: string; messages: Message[]; case?: CaseView }
  | { type: 'messageReceived'; message: Message }
  | { type: 'profileLoaded'; profile: ShopperProfile }
  | { type: 'translated'; messageId: string; translation: Translation | 'none' | 'failed' }
  | { type: 'typingChanged'; conversationId: string; typing: boolean }
  | { type: 'pageChanged'; page: State['page'] }
  | { type: 'shortcutsToggled'; show?: boolean }
  | { type: 'noticeShown'; notice?: string };

export const initialState: State = {
  booting: true,
  connection: 'connecting',
  presence: 'online',
  open: [],
  tab: 'queue',
  query: '',
  messages: {},
  cases: {},
  profiles: {},
  translations: {},
  typing: {},
  page: 'inbox',
  showShortcuts: false,
};

function withMessage(state: State, message: Message): State {
  const current = state.messages[message.conversationId];
  if (!current || current.some((existing) => existing.id === message.id)) return state;
  return { ...state, messages: { ...state.messages, [message.conversationId]: [...current, message] } };
}

export function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'signedIn':
      return { ...initialState, booting: false, session: action.session };
    case 'signedOut':
      return { ...initialState, booting: false, loginError: action.message };
    case 'connectionChanged':
      return { ...state, connection: action.connection };
    case 'presenceChanged':
      return { ...state, presence: action.presence };
    case 'queueReplaced':
      return { ...state, open: action.conversations };
    case 'conversationUpdated': {
      const exists = state.open.some((entry) => entry.id === action.conversation.id);
      const open = exists
        ? state.open.map((entry) => (entry.id === action.conversation.id ? action.conversation : entry))
        : [...state.open, action.conversation];
      // In the server's order for this agent, as a whole queue would have come.
      return { ...state, open: state.session ? open.sort(byQueueOrder(state.session.agent)) : open };
    }
    case 'conversationRemoved':
      return { ...state, open: state.open.filter((entry) => entry.id !== action.conversationId) };
    case 'tabChanged':
      return { ...state, tab: action.tab, query: '', found: undefined };
    case 'queryChanged':
      return { ...state, query: action.query, found: action.query ? state.found : undefined };
    case 'listLoaded':
      return { ...state, found: action.conversations };
    case 'selected':
      return { ...state, selectedId: action.conversationId, selectedSummary: action.summary, page: 'inbox' };
    case 'selectedChanged': {
      const current = selectedConversation(state);
      return current ? { ...state, selectedSummary: { ...current, ...action.changes } } : state;
    }
    case 'historyLoaded':
      return {
        ...state,
        messages: { ...state.messages, [action.conversationId]: action.messages },
        cases: { ...state.cases, [action.conversationId]: action.case },
      };
    case 'messageReceived':
      return withMessage(state, action.message);
    case 'profileLoaded':
      return { ...state, profiles: { ...state.profiles, [action.profile.conversationId]: action.profile } };
    case 'translated':
      return { ...state, translations: { ...state.translations, [action.messageId]: action.translation } };
    case 'typingChanged':
      return { ...state, typing: { ...state.typing, [action.conversationId]: action.typing } };
    case 'pageChanged':
      return { ...state, page: action.page };
    case 'shortcutsToggled':
      return { ...state, showShortcuts: action.show ?? !state.showShortcuts };
    case 'noticeShown':
      return { ...state, notice: action.notice };
  }
}

type Listener = (state: State, previous: State, action: Action) => void;

function createStore() {
  let state = initialState;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    dispatch(action: Action): void {
      const previous = state;
      state = reduce(state, action);
      if (state !== previous) for (const listener of listeners) listener(state, previous, action);
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const store = createStore();
export const dispatch = store.dispatch;

/** A slice of the state; the component renders again only when that slice changes. */
export function useStore<T>(select: (state: State) => T): T {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const selected = select(store.get());
  const latest = useRef({ select, selected });
  latest.current = { select, selected };
  useEffect(() => {
    const check = () => {
      if (latest.current.select(store.get()) !== latest.current.selected) rerender(0);
    };
    const unsubscribe = store.subscribe(check);
    check(); // a change between this render and the subscription (effects run after paint)
    return unsubscribe;
  }, []);
  return selected;
}

/**
 * The conversation the pane shows: from the open list while it is open, else as it was last known (selected from
 * a list, then changed by the agent's own action: a resolved conversation leaves the open list).
 */
export function selectedConversation(state: State): ConversationSummary | undefined {
  return (
    state.open.find((entry) => entry.id === state.selectedId) ??
    (state.selectedSummary?.id === state.selectedId ? state.selectedSummary : undefined) ??
    state.found?.find((entry) => entry.id === state.selectedId)
  );
}
