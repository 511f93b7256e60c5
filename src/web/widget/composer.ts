// Sending: the shopper's text (and pictures) shows at once and is confirmed, or marked failed with the reason, by
// the server's acknowledgement. Enter sends, Shift+Enter starts a new line; typing is announced to the agent.
import type { Ack } from '../../shared/protocol.js';
import type { ShopperSocket } from './connection.js';
import type { MessageLog } from './messages.js';
import type { PendingPictures } from './pending-pictures.js';
import type { Strings } from './strings.js';
import { element, type View } from './view.js';

const ERRORS: Record<string, string> = { message_too_long: 'errorTooLong', rate_limited: 'errorRateLimited' };

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createComposer(view: View, { t }: Strings, socket: ShopperSocket, log: MessageLog, pictures: PendingPictures, sent: () => void) {
  function send(text: string, payload?: string): void {
    const trimmed = text.trim();
    const taken = pictures.take();
    if (!taken || (!trimmed && taken.attachments.length === 0)) return; // still uploading: the send button is disabled meanwhile
    const clientMessageId = randomId();
    const bubble = log.render({ id: clientMessageId, author: 'shopper', text: trimmed }, { pending: true, previews: taken.previews });
    view.quick.replaceChildren();
    const attachments = taken.attachments.map((attachment) => attachment.id);
    const message = { text: trimmed, clientMessageId, ...(payload ? { payload } : {}), ...(attachments.length ? { attachments } : {}) };
    // Emits made while offline are buffered by Socket.IO and sent on reconnect; the same id is never stored twice.
    socket.emit('message', message, (response: Ack<{ id: string }>) => {
      if (response.ok) {
        log.confirm(clientMessageId, response.id);
        sent();
        return;
      }
      bubble.classList.remove('pending');
      bubble.classList.add('failed');
      bubble.append(element('span', { class: 'error', role: 'alert' }, t(ERRORS[response.error.code] ?? 'errorGeneric')));
    });
  }

  let typingSent = false;
  const setTyping = (isTyping: boolean) => {
    if (isTyping === typingSent) return;
    typingSent = isTyping;
    socket.emit('typing', { typing: isTyping });
  };
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(view.input.value);
    view.input.value = '';
    setTyping(false);
  });
  view.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      view.form.requestSubmit();
    }
  });
  view.input.addEventListener('input', () => setTyping(view.input.value.length > 0));
  return { send };
}
