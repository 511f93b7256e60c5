// Keyboard shortcuts: / search, j and k through the list, c claims, ? lists them, Ctrl/⌘+Enter sends (in the composer).
import { html } from 'htm/preact';
import { useEffect } from 'preact/hooks';
import { claim, openConversation } from './actions.js';
import { shownConversations } from './list.js';
import { dispatch, store, useStore } from './store.js';

export const SHORTCUTS: [string, string][] = [
  ['/', 'Search conversations'],
  ['j / k', 'Next / previous conversation'],
  ['c', 'Claim the conversation'],
  ['Ctrl+Enter or ⌘+Enter', 'Send the reply'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close this list'],
];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function move(step: number): void {
  const state = store.get();
  const shown = shownConversations(state);
  if (!shown.length) return;
  const index = shown.findIndex((entry) => entry.id === state.selectedId);
  const next = shown[Math.min(shown.length - 1, Math.max(0, index === -1 ? 0 : index + step))]!;
  void openConversation(next.id, next);
  document.querySelector<HTMLElement>(`.item[data-id="${CSS.escape(next.id)}"]`)?.focus();
}

function onKey(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Escape') return dispatch({ type: 'shortcutsToggled', show: false });
  if (isTyping(event.target)) return;
  const actions: Record<string, () => void> = {
    '/': () => document.getElementById('conversation-search')?.focus(),
    j: () => move(1),
    k: () => move(-1),
    c: () => {
      const { selectedId, open } = store.get();
      if (open.find((entry) => entry.id === selectedId)?.status === 'queued') void claim(selectedId!);
    },
    '?': () => dispatch({ type: 'shortcutsToggled' }),
  };
  const action = actions[event.key];
  if (!action) return;
  event.preventDefault();
  action();
}

export function useShortcuts(): void {
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

export function ShortcutsHelp() {
  const show = useStore((state) => state.showShortcuts);
  if (!show) return null;
  return html`<div class="overlay" onClick=${() => dispatch({ type: 'shortcutsToggled', show: false })}>
    <section class="shortcuts" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick=${(event: Event) => event.stopPropagation()}>
      <h2>Keyboard shortcuts</h2>
      <dl>${SHORTCUTS.map(([keys, what]) => html`<dt><kbd>${keys}</kbd></dt><dd>${what}</dd>`)}</dl>
      <button type="button" onClick=${() => dispatch({ type: 'shortcutsToggled', show: false })}>Close</button>
    </section>
  </div>`;
}
