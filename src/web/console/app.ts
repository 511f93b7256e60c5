// The console's shell: a fixed header, the conversation list, the conversation pane and the shopper panel, each
// scrolling on its own, so the header and the pane's actions stay in view however long a conversation gets.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { allowNotifications } from './alerts.js';
import { AnalyticsPage } from './analytics.js';
import { act, signOut } from './api.js';
import { ConversationPane } from './conversation.js';
import { ConversationList } from './list.js';
import { Login } from './login.js';
import { ShopperPanel } from './panel.js';
import { ShortcutsHelp, useShortcuts } from './shortcuts.js';
import { dispatch, useStore } from './store.js';

function NotificationsButton() {
  const [permission, setPermission] = useState(typeof Notification === 'undefined' ? 'denied' : Notification.permission);
  if (permission !== 'default') return null;
  return html`<button type="button" onClick=${async () => setPermission(await allowNotifications())}>Enable notifications</button>`;
}

function TopBar() {
  const agent = useStore((state) => state.session!.agent);
  const presence = useStore((state) => state.presence);
  const connection = useStore((state) => state.connection);
  const page = useStore((state) => state.page);
  const changePresence = async (event: Event) => {
    const status = (event.target as HTMLSelectElement).value as 'online' | 'away';
    if ((await act('presence', { status })).ok) dispatch({ type: 'presenceChanged', presence: status });
  };
  return html`<header class="top">
    <strong class="brand">Borderless</strong>
    ${connection === 'offline' ? html`<span class="offline" role="status">Connection lost, reconnecting…</span>` : null}
    <span class="spacer"></span>
    <${NotificationsButton} />
    ${
      agent.role === 'operator'
        ? html`<button type="button" aria-pressed=${String(page === 'analytics')} onClick=${() => dispatch({ type: 'pageChanged', page: page === 'analytics' ? 'inbox' : 'analytics' })}>Analytics</button>`
        : null
    }
    <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick=${() => dispatch({ type: 'shortcutsToggled' })}>?</button>
    <span class="who">${agent.name} · ${agent.languages.join(', ')}</span>
    <select aria-label="Presence" value=${presence} onChange=${changePresence}>
      <option value="online">Online</option>
      <option value="away">Away</option>
    </select>
    <button type="button" onClick=${() => signOut()}>Sign out</button>
  </header>`;
}

function Notice() {
  const notice = useStore((state) => state.notice);
  if (!notice) return null;
  return html`<div class="notice" role="alert">${notice} <button type="button" aria-label="Dismiss" onClick=${() => dispatch({ type: 'noticeShown' })}>×</button></div>`;
}

function Shell() {
  useShortcuts();
  const page = useStore((state) => state.page);
  return html`<div class="app">
    <${TopBar} />
    <div class="body">
      <${ConversationList} />
      ${page === 'analytics' ? html`<${AnalyticsPage} />` : html`<${ConversationPane} />`}
      <${ShopperPanel} />
    </div>
    <${Notice} />
    <${ShortcutsHelp} />
  </div>`;
}

export function App() {
  const signedIn = useStore((state) => !!state.session);
  const booting = useStore((state) => state.booting);
  if (booting) return html`<p class="loading" role="status">Loading…</p>`;
  return signedIn ? html`<${Shell} />` : html`<${Login} />`;
}
