// The agents' console: sign in, the queue, a conversation with what the bot understood of each shopper message,
// replies and canned replies in the shopper's language, notes, transfer, hand-back and resolve. Every text from
// shoppers, agents and templates is rendered as text.
import { io, type Socket } from 'socket.io-client';
import type { Ack, Analytics, Attachment, CaseView, ConversationSummary, HandoffBreakdown, Message } from '../../shared/protocol.js';
import { acceptPictures, PICTURE_TYPES, PICTURES_PER_MESSAGE, pictureThumbnail, refreshPictures, uploadPicture, type UploadError } from '../shared/pictures.js';
import { styles } from './styles.js';

interface Profile {
  id: string;
  name: string;
  email: string;
  languages: string[];
  role: 'agent' | 'operator';
}
interface CannedReply {
  id: string;
  text: string;
  shopperText: string;
}

const TOKEN_KEY = 'borderless:agent-token';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api<T>(path: string, token: string | undefined, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

function showLogin(message = ''): void {
  document.body.replaceChildren();
  const form = element('form', { class: 'login', 'aria-label': 'Sign in' });
  const email = element('input', { type: 'email', name: 'email', autocomplete: 'username', required: '', 'aria-label': 'E-mail', placeholder: 'E-mail' });
  const password = element('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: '', 'aria-label': 'Password', placeholder: 'Password' });
  const error = element('div', { class: 'error', role: 'alert' }, message);
  form.append(element('h1', {}, 'Borderless console'), email, password, element('button', { type: 'submit', class: 'primary' }, 'Sign in'), error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const session = await api<{ token: string; agent: Profile }>('/api/v1/auth/login', undefined, { method: 'POST', body: JSON.stringify({ email: email.value, password: password.value }) });
      sessionStorage.setItem(TOKEN_KEY, session.token);
      startConsole(session.token, session.agent);
    } catch (failure) {
      error.textContent = (failure as Error).message;
    }
  });
  document.body.append(form);
  email.focus();
}

function startConsole(token: string, agent: Profile): void {
  document.body.replaceChildren();
  const socket: Socket = io('/agent', { auth: { token }, transports: ['websocket', 'polling'] });
  let queue: ConversationSummary[] = [];
  let openId: string | undefined;
  let canned: CannedReply[] = [];
  const knownQueued = new Set<string>();
  let firstQueue = true;

  // Layout
  const app = element('div', { class: 'app' });
  const top = element('header', { class: 'top' });
  const who = element('span', { class: 'who' }, `${agent.name} · ${agent.languages.join(', ')}`);
  const presence = element('select', { 'aria-label': 'Presence' });
  presence.append(element('option', { value: 'online' }, 'Online'), element('option', { value: 'away' }, 'Away'));
  const logout = element('button', { type: 'button' }, 'Sign out');
  top.append(who, presence);
  if (agent.role === 'operator') {
    const analytics = element('button', { type: 'button' }, 'Analytics');
    analytics.addEventListener('click', () => void showAnalytics());
    top.append(analytics);
  }
  top.append(logout);
  const queuePanel = element('nav', { class: 'queue', 'aria-label': 'Queue' });
  const queueList = element('div', { role: 'list' });
  queuePanel.append(element('h2', {}, 'Queue'), queueList);
  const chat = element('main', { class: 'chat' });
  const chatHeader = element('div', { class: 'header' });
  const log = element('div', { class: 'log', role: 'log', 'aria-label': 'Conversation', 'aria-live': 'polite' });
  const typing = element('div', { class: 'typing', 'aria-live': 'polite' });
  const composer = element('form', { class: 'composer' });
  const input = element('textarea', { 'aria-label': 'Reply', placeholder: 'Write a reply…' });
  const noteToggle = element('label', {}, ' Note');
  const noteBox = element('input', { type: 'checkbox', 'aria-label': 'Internal note' });
  noteToggle.prepend(noteBox);
  const attachButton = element('button', { type: 'button', 'aria-label': 'Attach a picture', title: 'Attach a picture' }, '📎');
  const fileInput = element('input', { type: 'file', accept: PICTURE_TYPES, multiple: '', hidden: '', 'aria-label': 'Attach a picture' });
  const sendButton = element('button', { type: 'submit', class: 'primary' }, 'Send');
  composer.append(attachButton, fileInput, input, noteToggle, sendButton);
  const tray = element('div', { class: 'tray', 'aria-live': 'polite' });
  tray.hidden = true;
  chat.append(chatHeader, log, typing, tray, composer);
  const side = element('aside', { class: 'side', 'aria-label': 'Canned replies' });
  const search = element('input', { type: 'search', 'aria-label': 'Search canned replies', placeholder: 'Search canned replies…' });
  const cannedList = element('div', { class: 'canned' });
  side.append(element('h2', {}, 'Canned replies'), search, cannedList);
  app.append(top, queuePanel, chat, side);
  document.body.append(app);

  const current = () => queue.find((entry) => entry.id === openId);
  const isMine = (entry?: ConversationSummary) => entry?.status === 'assigned' && entry.assignedTo === agent.id;

  function notify(error: { message: string }): void {
    log.append(element('div', { class: 'msg system', role: 'alert' }, error.message));
  }

  async function act(event: string, payload: object): Promise<Ack<Record<string, unknown>> | undefined> {
    const response = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<Record<string, unknown>>;
    if (!response.ok) notify(response.error);
    return response;
  }

  // The queue, with a sound and a title badge when a new conversation starts waiting.
  function beep(): void {
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      tone.frequency.value = 880;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.15);
    } catch {
      // no audio available
    }
  }

  function renderQueue(): void {
    const waiting = queue.filter((entry) => entry.status === 'queued');
    const fresh = waiting.filter((entry) => !knownQueued.has(entry.id));
    for (const entry of waiting) knownQueued.add(entry.id);
    if (fresh.length > 0 && !firstQueue) beep();
    firstQueue = false;
    document.title = waiting.length ? `(${waiting.length}) Borderless console` : 'Borderless console';
    queueList.replaceChildren();
    if (queue.length === 0) queueList.append(element('div', { class: 'empty' }, 'Nobody is waiting.'));
    for (const entry of queue) {
      const item = element('button', { type: 'button', class: 'item', role: 'listitem', 'aria-current': String(entry.id === openId), 'data-id': entry.id });
      const line = element('div', { class: 'line' });
      line.append(element('span', { class: 'badge' }, (entry.language ?? '?').toUpperCase()), element('strong', {}, entry.intent ?? 'conversation'));
      if (entry.priority > 0) line.append(element('span', { class: 'badge priority' }, `priority ${entry.priority}`));
      if (isMine(entry)) line.append(element('span', { class: 'badge mine' }, 'mine'));
      for (const tag of entry.tags ?? []) line.append(element('span', { class: 'badge' }, tag));
      if (entry.unread > 0) line.append(element('span', { class: 'badge unread', 'aria-label': `${entry.unread} unread` }, String(entry.unread)));
      const waitingFor = entry.waitingSeconds !== undefined ? `waiting ${Math.floor(entry.waitingSeconds / 60)} min ${entry.waitingSeconds % 60} s` : entry.status;
      item.append(line, element('div', { class: 'preview' }, `${waitingFor}${entry.contactEmail ? ` · ${entry.contactEmail}` : ''}`), element('div', { class: 'preview' }, entry.lastMessage ?? ''));
      item.addEventListener('click', () => void open(entry.id));
      queueList.append(item);
    }
    renderHeader();
  }

  // Pictures: thumbnails open the full picture; an expired link is refreshed from the server once at a time.
  let refreshing: Promise<void> | undefined;
  function refreshLinks(): void {
    const conversationId = openId;
    if (!conversationId) return;
    refreshing ??= api<{ attachments: Attachment[] }>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments`, token)
      .then(({ attachments }) => refreshPictures(log, location.origin, attachments))
      .catch(() => undefined)
      .finally(() => setTimeout(() => (refreshing = undefined), 10_000));
  }
  function thumbnails(attachments: Attachment[] | undefined): HTMLElement | undefined {
    const pictures = element('div', { class: 'pics' });
    for (const attachment of attachments ?? []) {
      const thumbnail = pictureThumbnail(location.origin, attachment, 'Picture');
      if (!thumbnail) continue;
      thumbnail.querySelector('img')!.addEventListener('error', refreshLinks, { once: true });
      pictures.append(thumbnail);
    }
    return pictures.childElementCount ? pictures : undefined;
  }

  /** The shopper's case first: what went wrong, with which order, and the photos. */
  function renderCase(view: CaseView | undefined): void {
    if (!view) return;
    const card = element('section', { class: 'case', 'aria-label': 'Case' });
    const problem = view.problem ? `${view.problem} item` : 'problem with an item';
    card.append(
      element('h3', {}, view.status === 'open' ? 'Case' : 'Case (details still coming)'),
      element('div', { class: 'facts' }, `Order ${view.orderNumber ?? 'not given yet'} · ${problem} · ${view.photos.length} photo${view.photos.length === 1 ? '' : 's'}`),
    );
    const photos = thumbnails(view.photos);
    if (photos) card.append(photos);
    log.prepend(card);
  }

  // The open conversation
  function renderMessage(message: Message): void {
    const kind = message.internal ? 'note' : message.author;
    const bubble = element('div', { class: `msg ${kind}`, 'data-id': message.id });
    const pictures = thumbnails(message.attachments);
    if (pictures) bubble.append(pictures);
    if (message.text) bubble.append(document.createTextNode(message.text));
    const meta = message.understanding
      ? `${message.understanding.language} · ${message.understanding.intent} · ${Math.round(message.understanding.confidence * 100)}%`
      : message.internal
        ? 'internal note'
        : message.author;
    bubble.append(element('span', { class: 'meta' }, meta));
    log.append(bubble);
    log.scrollTop = log.scrollHeight;
  }

  function renderHeader(): void {
    chatHeader.replaceChildren();
    const entry = current();
    if (!entry) {
      chatHeader.append(element('span', { class: 'title' }, 'Choose a conversation'));
      return;
    }
    chatHeader.append(element('span', { class: 'title' }, `${(entry.language ?? '?').toUpperCase()} · ${entry.intent ?? ''}`));
    const button = (label: string, onClick: () => void, enabled = true) => {
      const node = element('button', { type: 'button' }, label);
      node.disabled = !enabled;
      node.addEventListener('click', onClick);
      chatHeader.append(node);
    };
    if (entry.status === 'queued') button('Claim', () => void claim(entry.id));
    if (isMine(entry)) {
      button('Hand back to bot', () => void act('release', { conversationId: entry.id }));
      button('Resolve', () => void act('resolve', { conversationId: entry.id }));
      const transfer = element('select', { 'aria-label': 'Transfer to' });
      transfer.append(element('option', { value: '' }, 'Transfer to…'));
      void api<{ agents: (Profile & { online: boolean })[] }>('/api/v1/agent/agents', token).then(({ agents }) => {
        for (const other of agents.filter((candidate) => candidate.id !== agent.id)) transfer.append(element('option', { value: other.id }, other.name));
      });
      transfer.addEventListener('change', () => {
        if (transfer.value) void act('transfer', { conversationId: entry.id, agentId: transfer.value });
      });
      chatHeader.append(transfer);
    }
    input.disabled = !isMine(entry) && !noteBox.checked;
    attachButton.disabled = !isMine(entry) || noteBox.checked;
  }

  async function loadCanned(language: string | undefined): Promise<void> {
    const result = await api<{ replies: CannedReply[] }>(`/api/v1/agent/canned-replies?language=${encodeURIComponent(language ?? '')}`, token);
    canned = result.replies;
    renderCanned();
  }

  function renderCanned(): void {
    const term = search.value.trim().toLowerCase();
    cannedList.replaceChildren();
    for (const reply of canned.filter((candidate) => !term || `${candidate.id} ${candidate.text} ${candidate.shopperText}`.toLowerCase().includes(term))) {
      const button = element('button', { type: 'button', 'data-template': reply.id });
      button.append(element('span', { class: 'id' }, reply.id), element('span', {}, reply.text));
      if (reply.shopperText !== reply.text) button.append(element('span', { class: 'shopper', lang: current()?.language ?? '' }, reply.shopperText));
      button.disabled = !isMine(current());
      button.addEventListener('click', () => openId && void act('message', { conversationId: openId, templateId: reply.id }));
      cannedList.append(button);
    }
  }

  async function open(conversationId: string): Promise<void> {
    if (openId !== conversationId) clearPictures();
    openId = conversationId;
    log.replaceChildren();
    typing.textContent = '';
    const response = await act('history', { conversationId });
    const history = response?.ok ? ((response.history as Message[] | undefined) ?? []) : [];
    for (const message of history) renderMessage(message);
    if (response?.ok) renderCase(response.case as CaseView | undefined);
    log.scrollTop = 0;
    renderQueue();
    await loadCanned(current()?.language);
    input.focus();
  }

  const percent = (value: number) => `${Math.round(value * 100)}%`;
  const seconds = (value: number | null) => (value === null ? '–' : `${Math.round(value)} s`);

  function table(caption: string, headings: string[], rows: string[][]): HTMLTableElement {
    const node = element('table');
    node.append(element('caption', {}, caption));
    const head = element('tr');
    for (const heading of headings) head.append(element('th', { scope: 'col' }, heading));
    node.append(head);
    for (const row of rows) {
      const line = element('tr');
      for (const cell of row) line.append(element('td', {}, cell));
      node.append(line);
    }
    return node;
  }

  async function showAnalytics(): Promise<void> {
    openId = undefined;
    renderQueue();
    log.replaceChildren();
    const data = await api<Analytics>('/api/v1/admin/analytics', token);
    const breakdownRows = (rows: Record<string, HandoffBreakdown>) =>
      Object.entries(rows).sort((a, b) => b[1].conversations - a[1].conversations).map(([name, row]) => [name, String(row.conversations), String(row.handoffs), percent(row.handoffRate)]);
    const report = element('section', { class: 'analytics', 'aria-label': 'Analytics' });
    report.append(
      table('Overview', ['conversations', 'automated', 'handed off', 'average wait', 'first response', 'rating'], [[
        String(data.conversations), percent(data.automationRate), percent(data.handoffRate), seconds(data.averageWaitSeconds),
        seconds(data.averageFirstResponseSeconds), data.ratingAverage === null ? '–' : `${data.ratingAverage.toFixed(1)} (${data.ratings})`,
      ]]),
      table('Hand-offs by intent', ['intent', 'conversations', 'hand-offs', 'rate'], breakdownRows(data.handoffsByIntent)),
      table('Hand-offs by language', ['language', 'conversations', 'hand-offs', 'rate'], breakdownRows(data.handoffsByLanguage)),
      table('What the bot did not understand', ['language', 'guessed', 'messages', 'examples'], data.topUnanswered.map((group) => [
        group.language, group.guessedIntent, String(group.count), group.messages.slice(0, 3).map((message) => message.text).join(' · '),
      ])),
    );
    log.append(report);
  }

  async function claim(conversationId: string): Promise<void> {
    const response = await act('claim', { conversationId });
    if (response?.ok) await open(conversationId);
  }

  // Events
  socket.on('queue', (next: ConversationSummary[]) => {
    queue = next;
    renderQueue();
    renderCanned();
  });
  socket.on('message', (message: Message) => {
    if (message.conversationId === openId && !log.querySelector(`[data-id="${CSS.escape(message.id)}"]`)) renderMessage(message);
  });
  socket.on('typing', (event: { conversationId: string; typing: boolean }) => {
    if (event.conversationId === openId) typing.textContent = event.typing ? 'The shopper is typing…' : '';
  });
  socket.on('connect_error', (error: Error) => {
    if (/expired|does not exist|token/.test(error.message)) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin('Your session has ended. Please sign in again.');
    }
  });

  // Pictures for the next reply: uploaded at once with a progress bar, sent with the reply.
  interface PendingPicture {
    item: HTMLElement;
    attachment?: Attachment;
    upload: { done: Promise<Attachment>; cancel(): void };
  }
  let pendingPictures: PendingPicture[] = [];
  const updateTray = () => {
    tray.hidden = pendingPictures.length === 0;
    sendButton.disabled = pendingPictures.some((picture) => !picture.attachment);
  };
  function clearPictures(): void {
    for (const picture of pendingPictures) picture.upload.cancel();
    pendingPictures = [];
    tray.replaceChildren();
    updateTray();
  }
  function addPictures(files: File[]): void {
    const conversationId = openId;
    if (!conversationId || !isMine(current())) return;
    for (const file of files.slice(0, PICTURES_PER_MESSAGE - pendingPictures.length)) {
      const item = element('div', { class: 'pending-pic' });
      const progress = element('progress', { max: '1', value: '0', 'aria-label': 'Uploading' });
      const remove = element('button', { type: 'button', 'aria-label': 'Remove picture' }, '×');
      item.append(element('img', { src: URL.createObjectURL(file), alt: 'Picture to send' }), progress, remove);
      tray.append(item);
      const picture: PendingPicture = { item, upload: uploadPicture(location.origin, conversationId, token, file, (share) => (progress.value = share)) };
      pendingPictures.push(picture);
      remove.addEventListener('click', () => {
        picture.upload.cancel();
        item.remove();
        pendingPictures = pendingPictures.filter((candidate) => candidate !== picture);
        updateTray();
      });
      picture.upload.done.then(
        (attachment) => {
          picture.attachment = attachment;
          item.classList.add('done');
          updateTray();
        },
        (error: UploadError) => {
          if (error.code === 'aborted') return;
          pendingPictures = pendingPictures.filter((candidate) => candidate !== picture);
          item.remove();
          notify(error);
          updateTray();
        },
      );
    }
    updateTray();
  }

  composer.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const isNote = noteBox.checked;
    const attachments = isNote ? [] : pendingPictures.flatMap((picture) => (picture.attachment ? [picture.attachment.id] : []));
    if ((!text && attachments.length === 0) || !openId || (!isNote && attachments.length !== pendingPictures.length)) return;
    const payload = attachments.length ? { conversationId: openId, ...(text ? { text } : {}), attachments } : { conversationId: openId, text };
    const response = await act(isNote ? 'note' : 'message', payload);
    if (response?.ok) {
      input.value = '';
      if (attachments.length) {
        pendingPictures = [];
        tray.replaceChildren();
        updateTray();
      }
      setTyping(false);
    }
  });
  acceptPictures({ button: attachButton, fileInput, textBox: input, dropArea: chat }, addPictures);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  let typingSent = false;
  function setTyping(isTyping: boolean): void {
    if (!openId || !isMine(current()) || isTyping === typingSent) return;
    typingSent = isTyping;
    socket.emit('typing', { conversationId: openId, typing: isTyping });
  }
  input.addEventListener('input', () => setTyping(input.value.length > 0));
  noteBox.addEventListener('change', renderHeader);
  search.addEventListener('input', renderCanned);
  presence.addEventListener('change', () => void act('presence', { status: presence.value }));
  logout.addEventListener('click', async () => {
    await api('/api/v1/auth/logout', token, { method: 'POST' }).catch(() => undefined);
    sessionStorage.removeItem(TOKEN_KEY);
    socket.disconnect();
    showLogin();
  });
  renderHeader();
}

const style = document.createElement('style');
style.textContent = styles;
document.head.append(style);
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) {
  api<{ agent: Profile }>('/api/v1/auth/me', saved).then(
    ({ agent }) => startConsole(saved, agent),
    () => showLogin(),
  );
} else {
  showLogin();
}
