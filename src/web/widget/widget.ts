// The Borderless chat widget: the frame, the strings of the shopper's language, the socket to the server and the
// conversation. Nothing connects on a page whose origin the server does not allow: the shopper is told instead.
import type { Message, QuickReply, SessionEvent, StatusEvent, WidgetStrings } from '../../shared/protocol.js';
import { refreshPictures } from '../shared/pictures.js';
import { createChrome, type Chrome } from './chrome.js';
import { createComposer } from './composer.js';
import { connect, type ShopperSocket } from './connection.js';
import { createMessageLog, type MessageLog } from './messages.js';
import type { WidgetOptions } from './options.js';
import { createPendingPictures } from './pending-pictures.js';
import { showRating } from './rating.js';
import { createStrings, type Strings } from './strings.js';
import { buildView, element, type View } from './view.js';
import { followVisualViewport } from './viewport.js';

async function loadStrings(options: WidgetOptions): Promise<WidgetStrings | undefined> {
  try {
    const response = await fetch(`${options.server}/api/v1/widget/strings?locale=${encodeURIComponent(options.locale)}`);
    return response.ok ? ((await response.json()) as WidgetStrings) : undefined;
  } catch {
    return undefined; // the socket may still work; the widget speaks English meanwhile
  }
}

export function startWidget(options: WidgetOptions): void {
  const view = buildView(options.position, options.accent);
  const strings = createStrings(options.locale.slice(0, 2));
  const chrome = createChrome(view, strings, options.title);
  followVisualViewport(view);
  void loadStrings(options).then((loaded) => {
    if (loaded) {
      strings.replace(loaded.strings, loaded.language);
      view.root.setAttribute('dir', loaded.dir);
      view.root.setAttribute('lang', loaded.language);
      chrome.applyStrings();
    }
    if (loaded?.originAllowed === false) {
      view.root.dataset.connection = 'refused';
      view.showNotice(strings.t('notAvailable'));
      view.form.hidden = true;
      return;
    }
    converse({ options, view, strings, chrome, loaded });
  });
}

interface Scene {
  options: WidgetOptions;
  view: View;
  strings: Strings;
  chrome: Chrome;
  loaded: WidgetStrings | undefined;
}

/**
 * What this browser remembers of its conversation: whether it had messages tells a lost one from a new one, and whose
 * it is (a customer id, or empty for a guest) tells when the store's identity changed under it.
 */
function memory(server: string) {
  const key = `borderless:${server}:conversation`;
  const ownerKey = `borderless:${server}:owner`;
  const tokenKey = `borderless:${server}:token`;
  return {
    tokenKey,
    read: () => JSON.parse(localStorage.getItem(key) ?? 'null') as { id: string; hadMessages: boolean } | null,
    write: (id: string, hadMessages: boolean) => localStorage.setItem(key, JSON.stringify({ id, hadMessages })),
    /**
     * Signing in, signing out or another customer: the conversation kept here is someone else's, so its token is
     * dropped rather than sent with the new identity (the server would refuse it anyway).
     */
    forgetUnless(owner: string) {
      const previous = localStorage.getItem(ownerKey);
      if (previous !== null && previous !== owner) [key, tokenKey].forEach((stale) => localStorage.removeItem(stale));
      localStorage.setItem(ownerKey, owner);
    },
  };
}

function converse(scene: Scene): void {
  const { options, view, strings, chrome } = scene;
  const remembered = memory(options.server);
  remembered.forgetUnless(options.identity?.customerId ?? '');
  let conversation: { id: string; token: string } | undefined;
  const hadMessages = () => conversation && remembered.write(conversation.id, true);
  const log = createMessageLog(view, strings, options.server, () => void refreshLinks());
  const socket = connect(options, view, strings, remembered.tokenKey);
  const start = async () => {
    const ack = await socket.timeout(10_000).emitWithAck('start');
    if (!ack.ok) throw ack.error;
  };
  const pictures = createPendingPictures(view, strings, { server: options.server, conversation: () => conversation, start });
  const composer = createComposer(view, strings, socket, log, pictures, hadMessages);
  const quickReplies = (replies: QuickReply[] | undefined) => showQuickReplies(view, replies, composer.send);

  socket.on('session', (session: SessionEvent) => {
    const previous = remembered.read();
    localStorage.setItem(remembered.tokenKey, session.token);
    conversation = { id: session.conversationId, token: session.token };
    Object.assign(view.root.dataset, { conversation: session.conversationId, status: session.status });
    if (previous?.hadMessages && previous.id !== session.conversationId)
      log.render({ id: `restarted-${session.conversationId}`, author: 'system', text: strings.t('restarted') });
    remembered.write(session.conversationId, previous?.id === session.conversationId && previous.hadMessages);
    if (session.awaitingRating) showRating(view, strings, socket);
  });
  socket.on('history', (messages: Message[]) => showHistory(scene, log, messages, quickReplies, hadMessages));
  socket.on('message', (message: Message) => {
    if (log.has(message.id)) return;
    log.render(message);
    if (message.author === 'agent') chrome.setAgent(message.authorName);
    if (message.author === 'bot' || message.author === 'agent') chrome.arrived();
    if (message.author !== 'shopper') quickReplies(message.quickReplies);
    view.typing.textContent = '';
    hadMessages();
  });
  socket.on('typing', (event) => (view.typing.textContent = event.typing ? strings.t('typing') : ''));
  socket.on('status', (event: StatusEvent) => showStatus(scene, log, socket, event));

  /** An expired picture link: the conversation's pictures are asked for again, once at a time. */
  let refreshing: Promise<void> | undefined;
  function refreshLinks(): void {
    if (!conversation) return;
    refreshing ??= fetch(`${options.server}/api/v1/conversations/${encodeURIComponent(conversation.id)}/attachments`, {
      headers: { authorization: `Bearer ${conversation.token}` },
    })
      .then((response) => (response.ok ? (response.json() as Promise<{ attachments: [] }>) : { attachments: [] }))
      .then(({ attachments }) => refreshPictures(view.log, options.server, attachments))
      .catch(() => undefined)
      .finally(() => setTimeout(() => (refreshing = undefined), 10_000));
  }
}

function showQuickReplies(view: View, replies: QuickReply[] | undefined, send: (label: string, value: string) => void): void {
  view.quick.replaceChildren();
  for (const reply of replies ?? []) {
    const button = element('button', { type: 'button' }, reply.label);
    button.addEventListener('click', () => {
      send(reply.label, reply.value);
      view.input.focus(); // the button is gone once sent; keep the keyboard in the conversation
    });
    view.quick.append(button);
  }
}

/** The history on (re)connect; an empty one opens with the welcome: the store's, or the content's, never stored. */
function showHistory(
  { options, view, chrome, loaded }: Scene,
  log: MessageLog,
  messages: Message[],
  quickReplies: (replies: QuickReply[] | undefined) => void,
  hadMessages: () => void,
): void {
  for (const message of messages) log.render(message);
  const lastAgent = [...messages].reverse().find((message) => message.author === 'agent');
  if (view.root.dataset.status === 'assigned' && lastAgent) chrome.setAgent(lastAgent.authorName);
  const last = messages.at(-1);
  if (last && last.author !== 'shopper') quickReplies(last.quickReplies);
  if (messages.length) return hadMessages();
  if (log.has('welcome')) return;
  const text = options.greeting ?? loaded?.welcome?.text;
  if (text) log.render({ id: 'welcome', author: 'bot', text }, { className: 'welcome' });
  quickReplies(options.topics?.map((intent) => ({ label: loaded?.intents?.[intent] ?? intent, value: `intent:${intent}` })) ?? loaded?.welcome?.quickReplies);
}

function showStatus({ view, strings, chrome }: Scene, log: MessageLog, socket: ShopperSocket, event: StatusEvent): void {
  view.root.dataset.status = event.status;
  if (event.status !== 'assigned') chrome.setAgent(undefined);
  // One queue line, changed in place as the queue moves; the server writes it in the conversation's language.
  if (event.status === 'queued' && event.queuePosition) log.updateLine('queue-position', event.text ?? strings.t('queued', { position: event.queuePosition }));
  if (event.status === 'closed') showRating(view, strings, socket);
  else view.rating.hidden = true;
}
