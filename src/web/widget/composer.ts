// Sending: the shopper's text (and pictures) shows at once and is confirmed, or marked failed with the reason, by
// the server's acknowledgement; without one in time it is sent again under the same id, and says so. Enter sends, Shift+Enter starts a new line; typing is announced to the agent.
import type { Ack, ShopperMessagePayload } from '../../shared/protocol.js';
import type { ShopperSocket } from './connection.js';
import type { MessageLog } from './messages.js';
import type { PendingPictures } from './pending-pictures.js';
import type { Strings } from './strings.js';
import { element, type View } from './view.js';

const ERRORS: Record<string, string> = { message_too_long: 'errorTooLong', rate_limited: 'errorRateLimited' };
/** How long a message waits for the server's acknowledgement before it is sent again, and how often it is. */
const ACK_TIMEOUT_MS = 8_000;
const MAX_ATTEMPTS = 5;
const RETRY_DELAY_MS = 1_000;

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
    deliver(message, bubble, 1);
  }

  /**
   * Sends until the server acknowledges: without an answer in time (a node stopped, a connection that silently
   * broke) the same message goes again under the same id, which the server stores and answers once.
   */
  function deliver(message: ShopperMessagePayload, bubble: HTMLElement, attempt: number): void {
    socket.timeout(ACK_TIMEOUT_MS).emit('message', message, (error: Error | null, response?: Ack<{ id: string }>) => {
      bubble.querySelector('.retrying')?.remove();
      if (error || !response) {
        if (attempt >= MAX_ATTEMPTS) return fail(bubble, 'errorGeneric');
        bubble.append(element('span', { class: 'retrying', role: 'status' }, t('retrying')));
        setTimeout(() => deliver(message, bubble, attempt + 1), RETRY_DELAY_MS * attempt);
        return;
      }
      if (response.ok) {
        log.confirm(message.clientMessageId, response.id);
        sent();
        return;
      }
      fail(bubble, ERRORS[response.error.code] ?? 'errorGeneric');
    });
  }

  function fail(bubble: HTMLElement, reason: string): void {
    bubble.classList.remove('pending');
    bubble.classList.add('failed');
    bubble.append(element('span', { class: 'error', role: 'alert' }, t(reason)));
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
