// The widget's elements, inside a Shadow DOM so the store's CSS cannot reach them (nor they the store). Built once;
// everything after only changes text, attributes and the log.
import { PICTURE_TYPES } from '../shared/pictures.js';
import { styles } from './styles.js';

const clipIcon =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"/></svg>';
const chatIcon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Up to two initials of a name ("Ana María" → "AM"), for an avatar. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');

/** The round button that opens the chat, with the unread badge. */
function buildLauncher() {
  const launcher = element('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'borderless-panel' });
  launcher.innerHTML = chatIcon; // a constant icon, never shopper text
  const badge = element('span', { class: 'badge', 'aria-hidden': 'true' });
  badge.hidden = true;
  launcher.append(badge);
  return { launcher, badge };
}

/** Who the shopper talks to, their state, and the close button. */
function buildHeader() {
  const header = element('header');
  const avatar = element('span', { class: 'avatar', 'aria-hidden': 'true' });
  const heading = element('div', { class: 'heading' });
  const title = element('h2');
  const state = element('span', { class: 'state', role: 'status' });
  heading.append(title, state);
  const closeButton = element('button', { type: 'button', class: 'close' }, '×');
  header.append(avatar, heading, closeButton);
  return { header, avatar, title, state, closeButton };
}

/** A visible error the shopper can dismiss; a new one replaces it. */
function buildNotice() {
  const notice = element('div', { class: 'notice', role: 'alert' });
  const noticeText = element('span');
  const noticeDismiss = element('button', { type: 'button', class: 'dismiss' }, '×');
  notice.append(noticeText, noticeDismiss);
  notice.hidden = true;
  noticeDismiss.addEventListener('click', () => (notice.hidden = true));
  function showNotice(text: string): void {
    noticeText.textContent = text;
    notice.hidden = false;
  }
  return { notice, noticeDismiss, showNotice };
}

/** Where the shopper writes: the text, the send button and the pictures' button and file input. */
function buildComposer() {
  const form = element('form');
  const input = element('textarea', { rows: '1', maxlength: '2000', enterkeyhint: 'send' });
  const sendButton = element('button', { type: 'submit', class: 'send' });
  const attachButton = element('button', { type: 'button', class: 'attach' });
  attachButton.innerHTML = clipIcon; // a constant icon, never shopper text
  const fileInput = element('input', { type: 'file', accept: PICTURE_TYPES, multiple: '', hidden: '' });
  form.append(attachButton, fileInput, input, sendButton);
  return { form, input, sendButton, attachButton, fileInput };
}

export function buildView(position: 'left' | 'right', accent: string | undefined) {
  const host = element('div', { 'data-borderless': '' });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = element('style');
  style.textContent = styles;
  const root = element('div', { class: `root ${position}` });
  if (accent) root.style.setProperty('--accent', accent);

  const { launcher, badge } = buildLauncher();
  const panel = element('section', { id: 'borderless-panel', class: 'panel', role: 'dialog' });
  panel.hidden = true;
  const { header, avatar, title, state, closeButton } = buildHeader();
  const log = element('div', { class: 'log', role: 'log', 'aria-live': 'polite', tabindex: '0' });
  const quick = element('div', { class: 'quick' });
  const typing = element('div', { class: 'typing', 'aria-live': 'polite' });
  const { notice, noticeDismiss, showNotice } = buildNotice();
  const rating = element('div', { class: 'rating' });
  rating.hidden = true;
  const tray = element('div', { class: 'tray', 'aria-live': 'polite' });
  tray.hidden = true;
  const composer = buildComposer();

  panel.append(header, log, quick, typing, notice, rating, tray, composer.form);
  root.append(launcher, panel);
  shadow.append(style, root);
  document.body.append(host);

  return {
    host,
    root,
    launcher,
    badge,
    panel,
    avatar,
    title,
    state,
    closeButton,
    log,
    quick,
    typing,
    notice,
    noticeDismiss,
    showNotice,
    rating,
    tray,
    ...composer,
  };
}

export type View = ReturnType<typeof buildView>;
