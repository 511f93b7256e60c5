// The Borderless chat widget. A store adds <script src="https://HOST/widget.js" defer></script>; options come
// from data-* attributes (data-title, data-accent, data-position, data-locale, data-greeting, and for a signed-in
// customer data-customer-id with data-customer-hash, the store's signature of it). Everything lives in a Shadow
// DOM; every text is rendered as text.
import { io, type Socket } from 'socket.io-client';
import type { Ack, Attachment, Message, QuickReply, ServerToShopper, SessionEvent, ShopperToServer, StatusEvent, WidgetStrings } from '../../shared/protocol.js';
import { acceptPictures, PICTURE_TYPES, PICTURES_PER_MESSAGE, pictureThumbnail, refreshPictures, uploadPicture, type UploadError } from '../shared/pictures.js';
import { styles } from './styles.js';
import { appendText, formatString } from './text.js';

const defaults: Record<string, string> = {
  title: 'Chat with us', open: 'Open chat', close: 'Close chat', placeholder: 'Type your message…', send: 'Send',
  messages: 'Conversation', connecting: 'Connecting…', online: 'Online', reconnecting: 'Connection lost. Reconnecting…',
  typing: 'Typing…', ratePrompt: 'How would you rate this conversation?', rateSubmit: 'Send rating',
  rateThanks: 'Thank you for your feedback!', rateStar: '{score} stars', rateComment: 'Anything you would like to add? (optional)',
  errorGeneric: 'Your message could not be sent. Please try again.', errorTooLong: 'Your message is too long.',
  errorRateLimited: "You're sending messages too quickly. Please wait a moment.", queued: 'You are number {position} in line.',
  assigned: 'A member of our team has joined the chat.', closed: 'This conversation has been closed.',
  attach: 'Attach a picture', picture: 'Picture', removePicture: 'Remove picture', uploading: 'Uploading…',
  errorPictureType: 'Only JPEG, PNG, WebP and GIF pictures can be sent.', errorPictureSize: 'This picture is too large (5 MB at most).',
  errorPictureCount: 'No more pictures can be added to this conversation.', errorPictureUpload: 'The picture could not be uploaded. Please try again.',
};

const clipIcon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"/></svg>';
const chatIcon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function start(script: HTMLScriptElement): void {
  const server = new URL(script.src, location.href).origin;
  const data = script.dataset;
  const locale = data.locale || navigator.language || 'en';
  // The server checks the signature; without a valid one the shopper chats as a guest.
  const identity = data.customerId && data.customerHash ? { customerId: data.customerId, hash: data.customerHash } : undefined;
  const storageKey = `borderless:${server}:token`;
  let strings: Record<string, string> = { ...defaults };
  let language = locale.slice(0, 2);
  const t = (key: string, values: Record<string, number | string> = {}) => formatString(strings[key] ?? defaults[key] ?? key, values, language);

  // Structure
  const host = element('div', { 'data-borderless': '' });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = element('style');
  style.textContent = styles;
  const root = element('div', { class: `root ${data.position === 'left' ? 'left' : 'right'}` });
  if (data.accent && CSS.supports('color', data.accent)) root.style.setProperty('--accent', data.accent);

  const launcher = element('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'borderless-panel' });
  launcher.innerHTML = chatIcon; // a constant icon, never shopper text
  const panel = element('section', { id: 'borderless-panel', class: 'panel', role: 'dialog' });
  panel.hidden = true;
  const header = element('header');
  const title = element('h2');
  const state = element('span', { class: 'state', role: 'status' });
  const closeButton = element('button', { type: 'button', class: 'close' }, '×');
  header.append(title, state, closeButton);
  const log = element('div', { class: 'log', role: 'log', 'aria-live': 'polite', tabindex: '0' });
  const quick = element('div', { class: 'quick' });
  const typing = element('div', { class: 'typing', 'aria-live': 'polite' });
  const rating = element('div', { class: 'rating' });
  rating.hidden = true;
  const form = element('form');
  const input = element('textarea', { rows: '1', maxlength: '2000', enterkeyhint: 'send' });
  const sendButton = element('button', { type: 'submit' });
  const attachButton = element('button', { type: 'button', class: 'attach' });
  attachButton.innerHTML = clipIcon; // a constant icon, never shopper text
  const fileInput = element('input', { type: 'file', accept: PICTURE_TYPES, multiple: '', hidden: '' });
  const tray = element('div', { class: 'tray', 'aria-live': 'polite' });
  tray.hidden = true;
  form.append(attachButton, fileInput, input, sendButton);
  panel.append(header, log, quick, typing, rating, tray, form);
  root.append(launcher, panel);
  shadow.append(style, root);
  document.body.append(host);

  function applyStrings(): void {
    title.textContent = data.title || t('title');
    launcher.setAttribute('aria-label', panel.hidden ? t('open') : t('close'));
    closeButton.setAttribute('aria-label', t('close'));
    panel.setAttribute('aria-label', data.title || t('title'));
    log.setAttribute('aria-label', t('messages'));
    input.setAttribute('aria-label', t('placeholder'));
    input.placeholder = t('placeholder');
    sendButton.textContent = t('send');
    attachButton.setAttribute('aria-label', t('attach'));
    attachButton.title = t('attach');
    fileInput.setAttribute('aria-label', t('attach'));
  }
  applyStrings();

  fetch(`${server}/api/v1/widget/strings?locale=${encodeURIComponent(locale)}`)
    .then((response) => (response.ok ? (response.json() as Promise<WidgetStrings>) : undefined))
    .then((loaded) => {
      if (!loaded) return;
      strings = { ...defaults, ...loaded.strings };
      language = loaded.language;
      root.setAttribute('dir', loaded.dir);
      root.setAttribute('lang', loaded.language);
      applyStrings();
      showConnection();
    })
    .catch(() => undefined);

  // Messages
  const shown = new Map<string, HTMLElement>();
  function renderMessage(message: Pick<Message, 'id' | 'author' | 'text' | 'attachments'>, pending = false, previews: string[] = []): HTMLElement {
    const existing = shown.get(message.id);
    if (existing) return existing;
    const bubble = element('div', { class: `msg ${message.author}${pending ? ' pending' : ''}`, 'data-id': message.id });
    const who = element('span', { class: 'sr-only' }, `${message.author === 'shopper' ? t('you') : message.author === 'agent' ? t('agent') : message.author === 'bot' ? t('bot') : ''}: `);
    bubble.append(who);
    const pictures = element('div', { class: 'pics' });
    for (const attachment of message.attachments ?? []) {
      const thumbnail = pictureThumbnail(server, attachment, t('picture'));
      if (!thumbnail) continue;
      thumbnail.querySelector('img')!.addEventListener('error', () => void refreshLinks(attachment.id), { once: true });
      pictures.append(thumbnail);
    }
    // The shopper's own pictures show at once, from the files themselves, while the message is on its way.
    for (const preview of previews) pictures.append(element('img', { src: preview, alt: t('picture'), class: 'preview' }));
    if (pictures.childElementCount) bubble.append(pictures);
    if (message.text) appendText(bubble, message.text, message.author === 'bot' || message.author === 'agent');
    log.append(bubble);
    shown.set(message.id, bubble);
    log.scrollTop = log.scrollHeight;
    return bubble;
  }

  function showQuickReplies(replies: QuickReply[] | undefined): void {
    quick.replaceChildren();
    for (const reply of replies ?? []) {
      const button = element('button', { type: 'button' }, reply.label);
      button.addEventListener('click', () => {
        send(reply.label, reply.value);
        input.focus(); // the button is gone once sent; keep the keyboard in the conversation
      });
      quick.append(button);
    }
  }

  function receive(message: Message): void {
    if (shown.has(message.id)) return;
    renderMessage(message);
    if (message.author !== 'shopper') showQuickReplies(message.quickReplies);
    typing.textContent = '';
  }

  // Connection
  const socket: Socket<ServerToShopper, ShopperToServer> = io(`${server}/shopper`, {
    transports: ['websocket', 'polling'],
    auth: (callback) => callback({ token: localStorage.getItem(storageKey) ?? undefined, locale, ...(identity ? { identity } : {}) }),
  });
  let connected = false;
  function showConnection(): void {
    state.textContent = connected ? t('online') : socket.active ? t('reconnecting') : t('connecting');
    root.dataset.connection = connected ? 'online' : 'offline';
  }
  showConnection();
  socket.on('connect', () => {
    connected = true;
    showConnection();
  });
  socket.on('disconnect', (reason) => {
    connected = false;
    showConnection();
    // The client reconnects by itself after a network loss, but not after the server closed the socket (it could not
    // open a session, e.g. while its store is away): try again a little later, at a random moment so that many
    // widgets do not all come back at once.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 2000 + Math.random() * 3000);
  });
  socket.on('connect_error', () => {
    connected = false;
    showConnection();
  });

  let conversationId = '';
  let token = '';
  socket.on('session', (session: SessionEvent) => {
    localStorage.setItem(storageKey, session.token);
    conversationId = session.conversationId;
    token = session.token;
    root.dataset.conversation = session.conversationId;
    showStatus({ status: session.status });
  });
  socket.on('history', (messages: Message[]) => {
    for (const message of messages) renderMessage(message);
    const last = messages.at(-1);
    if (last && last.author !== 'shopper') showQuickReplies(last.quickReplies);
    if (messages.length === 0 && data.greeting && !shown.has('greeting')) renderMessage({ id: 'greeting', author: 'bot', text: data.greeting });
  });
  socket.on('message', receive);
  socket.on('typing', (event) => {
    typing.textContent = event.typing ? t('typing') : '';
  });
  socket.on('status', showStatus);

  function systemLine(text: string): void {
    renderMessage({ id: `system-${randomId()}`, author: 'system', text });
  }

  function showStatus(event: StatusEvent): void {
    root.dataset.status = event.status;
    if (event.status === 'queued' && event.queuePosition) {
      systemLine(t('queued', { position: event.queuePosition, minutes: Math.max(1, Math.round((event.estimatedWaitSeconds ?? 60) / 60)) }));
    } else if (event.status === 'assigned') {
      systemLine(t('assigned'));
    } else if (event.status === 'closed') {
      systemLine(t('closed'));
      showRating();
    }
  }

  // Pictures: chosen with the button, dropped on the panel or pasted; uploaded at once with a progress bar, sent
  // with the next message.
  interface PendingPicture {
    preview: string;
    item: HTMLElement;
    attachment?: Attachment;
    upload: { done: Promise<Attachment>; cancel(): void };
  }
  let pendingPictures: PendingPicture[] = [];
  let refreshing: Promise<void> | undefined;

  /** An expired link: the conversation's pictures are asked for again, once at a time. */
  function refreshLinks(_id: string): Promise<void> {
    refreshing ??= fetch(`${server}/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments`, { headers: { authorization: `Bearer ${token}` } })
      .then((response) => (response.ok ? (response.json() as Promise<{ attachments: Attachment[] }>) : { attachments: [] }))
      .then(({ attachments }) => refreshPictures(log, server, attachments))
      .catch(() => undefined)
      .finally(() => setTimeout(() => (refreshing = undefined), 10_000));
    return refreshing;
  }

  function uploadMessage(error: UploadError): string {
    if (error.code === 'unsupported_media_type') return t('errorPictureType');
    if (error.code === 'payload_too_large') return t('errorPictureSize');
    if (error.code === 'too_many_attachments') return t('errorPictureCount');
    return t('errorPictureUpload');
  }

  function updateSendState(): void {
    tray.hidden = pendingPictures.length === 0;
    sendButton.disabled = pendingPictures.some((picture) => !picture.attachment);
    attachButton.disabled = pendingPictures.length >= PICTURES_PER_MESSAGE;
  }

  function removePicture(picture: PendingPicture): void {
    picture.upload.cancel();
    picture.item.remove();
    pendingPictures = pendingPictures.filter((candidate) => candidate !== picture);
    updateSendState();
  }

  function addPictures(files: File[]): void {
    if (!conversationId) return;
    for (const file of files.slice(0, PICTURES_PER_MESSAGE - pendingPictures.length)) {
      const preview = URL.createObjectURL(file);
      const item = element('div', { class: 'pending-pic' });
      const progress = element('progress', { max: '1', value: '0', 'aria-label': t('uploading') });
      const remove = element('button', { type: 'button', class: 'remove', 'aria-label': t('removePicture') }, '×');
      item.append(element('img', { src: preview, alt: t('picture') }), progress, remove);
      tray.append(item);
      const picture: PendingPicture = { preview, item, upload: uploadPicture(server, conversationId, token, file, (share) => (progress.value = share)) };
      pendingPictures.push(picture);
      remove.addEventListener('click', () => removePicture(picture));
      picture.upload.done.then(
        (attachment) => {
          picture.attachment = attachment;
          item.classList.add('done');
          updateSendState();
        },
        (error: UploadError) => {
          if (error.code === 'aborted') return;
          pendingPictures = pendingPictures.filter((candidate) => candidate !== picture);
          item.classList.add('failed');
          progress.remove();
          item.append(element('span', { class: 'error', role: 'alert' }, uploadMessage(error)));
          setTimeout(() => item.remove(), 6000);
          updateSendState();
        },
      );
    }
    updateSendState();
  }

  function send(text: string, payload?: string): void {
    const trimmed = text.trim();
    const pictures = pendingPictures.filter((picture) => picture.attachment);
    if (!trimmed && pictures.length === 0) return;
    if (pendingPictures.length !== pictures.length) return; // still uploading: the send button is disabled meanwhile
    pendingPictures = [];
    tray.replaceChildren();
    updateSendState();
    const attachments = pictures.map((picture) => picture.attachment!.id);
    const clientMessageId = randomId();
    const bubble = renderMessage({ id: clientMessageId, author: 'shopper', text: trimmed }, true, pictures.map((picture) => picture.preview));
    showQuickReplies([]);
    const message = { text: trimmed, clientMessageId, ...(payload ? { payload } : {}), ...(attachments.length ? { attachments } : {}) };
    // Emits made while offline are buffered by Socket.IO and sent on reconnect; the same id is never stored twice.
    socket.emit('message', message, (response: Ack<{ id: string }>) => {
      bubble.classList.remove('pending');
      if (response.ok) {
        shown.delete(clientMessageId);
        shown.set(response.id, bubble);
        bubble.dataset.id = response.id;
        return;
      }
      bubble.classList.add('failed');
      const key = response.error.code === 'message_too_long' ? 'errorTooLong' : response.error.code === 'rate_limited' ? 'errorRateLimited' : 'errorGeneric';
      bubble.append(element('span', { class: 'error', role: 'alert' }, t(key)));
    });
  }

  // Rating, when the conversation is closed
  function showRating(): void {
    rating.replaceChildren();
    rating.hidden = false;
    let score = 0;
    const prompt = element('div', { id: 'borderless-rate' }, t('ratePrompt'));
    const stars = element('div', { class: 'stars', role: 'group', 'aria-labelledby': 'borderless-rate' });
    for (let value = 1; value <= 5; value++) {
      const star = element('button', { type: 'button', 'aria-pressed': 'false', 'aria-label': t('rateStar', { score: value }) }, '★');
      star.addEventListener('click', () => {
        score = value;
        stars.querySelectorAll('button').forEach((button, index) => button.setAttribute('aria-pressed', String(index < value)));
      });
      stars.append(star);
    }
    const comment = element('textarea', { rows: '2', maxlength: '1000', 'aria-label': t('rateComment'), placeholder: t('rateComment') });
    const submit = element('button', { type: 'button', class: 'submit' }, t('rateSubmit'));
    submit.addEventListener('click', () => {
      if (!score) return;
      socket.emit('rating', comment.value.trim() ? { score, comment: comment.value.trim() } : { score }, () => {
        rating.replaceChildren(element('div', { role: 'status' }, t('rateThanks')));
      });
    });
    rating.append(prompt, stars, comment, submit);
  }

  let typingSent = false;
  function setTyping(isTyping: boolean): void {
    if (isTyping === typingSent) return;
    typingSent = isTyping;
    socket.emit('typing', { typing: isTyping });
  }

  // Opening, closing and the keyboard
  function setOpen(open: boolean): void {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? t('close') : t('open'));
    if (open) input.focus();
    else launcher.focus();
  }
  launcher.addEventListener('click', () => setOpen(panel.hidden));
  closeButton.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setOpen(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(input.value);
    input.value = '';
    setTyping(false);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', () => setTyping(input.value.length > 0));
  acceptPictures({ button: attachButton, fileInput, textBox: input, dropArea: panel }, addPictures);
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement) {
  if (document.body) start(current);
  else document.addEventListener('DOMContentLoaded', () => start(current));
}
