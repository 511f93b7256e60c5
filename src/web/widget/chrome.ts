// The widget's frame: its labels in the shopper's language, opening and closing, the unread badge on the launcher,
// and who the shopper is talking to in the header (the store, or the agent with their initials).
import type { Strings } from './strings.js';
import { initials, type View } from './view.js';

export function createChrome(view: View, strings: Strings, title: string | undefined) {
  const { t } = strings;
  let unread = 0;
  let agentName: string | undefined;

  function label(): void {
    view.title.textContent = agentName ?? title ?? t('title');
    view.avatar.textContent = agentName ? initials(agentName) : '';
    view.avatar.classList.toggle('person', !!agentName);
    view.launcher.setAttribute('aria-label', !view.panel.hidden ? t('close') : unread ? t('openUnread', { count: unread }) : t('open'));
    view.badge.textContent = String(unread);
    view.badge.hidden = unread === 0;
  }

  function applyStrings(): void {
    view.closeButton.setAttribute('aria-label', t('close'));
    view.panel.setAttribute('aria-label', title ?? t('title'));
    view.log.setAttribute('aria-label', t('messages'));
    view.input.setAttribute('aria-label', t('placeholder'));
    view.input.placeholder = t('placeholder');
    view.sendButton.textContent = t('send');
    view.attachButton.setAttribute('aria-label', t('attach'));
    view.attachButton.title = t('attach');
    view.fileInput.setAttribute('aria-label', t('attach'));
    view.noticeDismiss.setAttribute('aria-label', t('dismiss'));
    label();
  }

  function setOpen(open: boolean): void {
    view.panel.hidden = !open;
    view.root.classList.toggle('open', open);
    view.launcher.setAttribute('aria-expanded', String(open));
    if (open) unread = 0;
    label();
    if (open) view.input.focus();
    else view.launcher.focus();
  }

  view.launcher.addEventListener('click', () => setOpen(view.panel.hidden));
  view.closeButton.addEventListener('click', () => setOpen(false));
  view.panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });
  applyStrings();

  return {
    applyStrings,
    isOpen: () => !view.panel.hidden,
    /** A reply arrived: counted on the launcher while the panel is closed. */
    arrived(): void {
      if (!view.panel.hidden) return;
      unread++;
      label();
    },
    /** The agent now looking after the shopper, or undefined when the bot (or nobody) is. */
    setAgent(name: string | undefined): void {
      agentName = name;
      label();
    },
  };
}

export type Chrome = ReturnType<typeof createChrome>;
