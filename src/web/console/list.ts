// The conversation list: tabs (mine, the queue, every open one, the closed ones), a search over all of them, and
// one line per conversation that never overflows: language, why it was handed off, wait, unread, tags.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import type { ConversationSummary } from '../../shared/protocol.js';
import { loadList, openConversation } from './actions.js';
import { describeReason, elapsed, languageName, shopperLabel } from './format.js';
import { dispatch, useStore, type State, type Tab } from './store.js';

const TABS: { id: Tab; label: string }[] = [
  { id: 'mine', label: 'Mine' },
  { id: 'queue', label: 'Queue' },
  { id: 'open', label: 'Open' },
  { id: 'closed', label: 'Closed' },
];

const EMPTY: Record<Tab, string> = {
  mine: 'No conversations of yours.',
  queue: 'Nobody is waiting.',
  open: 'No open conversations.',
  closed: 'No closed conversations.',
};

/** The conversations a tab shows, from the live open list. */
export function inTab(open: ConversationSummary[], me: string | undefined, tab: Tab): ConversationSummary[] {
  if (tab === 'mine') return open.filter((entry) => entry.status === 'assigned' && entry.assignedTo === me);
  if (tab === 'queue') return open.filter((entry) => entry.status === 'queued');
  return tab === 'open' ? open : [];
}

/** What the list shows now: a search's results, the closed list, or a tab of the open ones. */
export const shownConversations = (state: State) =>
  state.query || state.tab === 'closed' ? (state.found ?? []) : inTab(state.open, state.session?.agent.id, state.tab);

/** The clock the wait times count from, ticking every few seconds. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Item({ entry, selected, now, me }: { entry: ConversationSummary; selected: boolean; now: number; me?: string }) {
  const waiting =
    entry.status === 'queued'
      ? elapsed(entry.queuedAt, now)
      : entry.status === 'closed'
        ? 'closed'
        : entry.assignedTo === me
          ? 'mine'
          : (entry.assignedToName ?? 'assigned');
  return html`<li>
    <button type="button" class="item" aria-current=${String(selected)} data-id=${entry.id} onClick=${() => openConversation(entry.id, entry)}>
      <span class="line">
        <span class="badge lang" title=${languageName(entry.language)}>${(entry.language ?? '?').toUpperCase()}</span>
        <strong class="who">${shopperLabel(entry)}</strong>
        <span class="wait">${waiting}</span>
      </span>
      <span class="line reason" title=${entry.handoffIntent ? `intent: ${entry.handoffIntent}` : ''}>${describeReason(entry)}${entry.order ? ` · #${entry.order.number}` : ''}</span>
      <span class="preview">${entry.lastMessage ?? ''}</span>
      <span class="line tags">
        ${entry.priority > 0 ? html`<span class="badge priority" title=${`priority ${entry.priority}`}>P${entry.priority}</span>` : null}
        ${(entry.tags ?? []).map((tag) => html`<span class="badge tag" title=${tag}>${tag}</span>`)}
        ${entry.case?.ownerVerified === false ? html`<span class="badge unverified">owner not verified</span>` : null}
        ${entry.unread > 0 ? html`<span class="badge unread" aria-label=${`${entry.unread} unread`}>${entry.unread}</span>` : null}
      </span>
    </button>
  </li>`;
}

function Tabs({ open, me }: { open: ConversationSummary[]; me?: string }) {
  const tab = useStore((state) => state.tab);
  const select = (next: Tab) => {
    dispatch({ type: 'tabChanged', tab: next });
    void loadList();
  };
  return html`<div class="tabs" role="tablist" aria-label="Conversations">
    ${TABS.map(({ id, label }) => {
      const count = inTab(open, me, id).length;
      return html`<button type="button" role="tab" id=${`tab-${id}`} aria-selected=${String(tab === id)} aria-controls="conversation-list" onClick=${() => select(id)}>
        ${label}${count ? html` <span class="count">${count}</span>` : null}
      </button>`;
    })}
  </div>`;
}

function Search() {
  const query = useStore((state) => state.query);
  useEffect(() => {
    if (!query) return;
    const timer = setTimeout(() => void loadList(), 250);
    return () => clearTimeout(timer);
  }, [query]);
  return html`<input type="search" id="conversation-search" class="search" aria-label="Search conversations" placeholder="Search text, e-mail, order, id  ( / )"
    value=${query} onInput=${(event: Event) => dispatch({ type: 'queryChanged', query: (event.target as HTMLInputElement).value })} />`;
}

export function ConversationList() {
  const open = useStore((state) => state.open);
  const found = useStore((state) => state.found);
  const tab = useStore((state) => state.tab);
  const query = useStore((state) => state.query);
  const selectedId = useStore((state) => state.selectedId);
  const me = useStore((state) => state.session?.agent.id);
  const now = useNow(5000);
  const shown = query || tab === 'closed' ? (found ?? []) : inTab(open, me, tab);
  return html`<nav class="list" aria-label="Conversation list">
    <${Tabs} open=${open} me=${me} />
    <${Search} />
    <ul id="conversation-list" role="tabpanel" aria-labelledby=${`tab-${tab}`}>
      ${shown.length === 0 ? html`<li class="empty">${query ? (found ? 'Nothing found.' : 'Searching…') : EMPTY[tab]}</li>` : null}
      ${shown.map((entry) => html`<${Item} key=${entry.id} entry=${entry} selected=${entry.id === selectedId} now=${now} me=${me} />`)}
    </ul>
  </nav>`;
}
