// The conversation log: each message as text (links only in replies), with who wrote it, an avatar for a person
// and the time; the shopper's own messages show at once and are confirmed by the server's id.
import type { Message } from '../../shared/protocol.js';
import { pictureThumbnail } from '../shared/pictures.js';
import type { Strings } from './strings.js';
import { productCards } from './cards.js';
import { appendText } from './text.js';
import { element, initials, type View } from './view.js';

export type ShownMessage = Pick<Message, 'id' | 'author' | 'text' | 'attachments' | 'authorName' | 'cards'> & { createdAt?: string };

export function createMessageLog(view: View, strings: Strings, server: string, onExpiredPicture: () => void) {
  const shown = new Map<string, HTMLElement>();
  const { t } = strings;

  function author(message: ShownMessage): string {
    if (message.author === 'shopper') return t('you');
    if (message.author === 'agent') return message.authorName || t('agent');
    return message.author === 'bot' ? t('bot') : '';
  }

  function time(at: string | undefined): HTMLTimeElement {
    const moment = at ? new Date(at) : new Date();
    const node = element('time', { datetime: moment.toISOString() });
    node.textContent = new Intl.DateTimeFormat(strings.language, { hour: 'numeric', minute: '2-digit' }).format(moment);
    return node;
  }

  function render(message: ShownMessage, options: { pending?: boolean; previews?: string[]; className?: string } = {}): HTMLElement {
    const existing = shown.get(message.id);
    if (existing) return existing;
    const bubble = element('div', {
      class: `msg ${message.author}${options.className ? ` ${options.className}` : ''}${options.pending ? ' pending' : ''}`,
      'data-id': message.id,
    });
    if (message.author !== 'system') {
      const who = element('div', { class: 'who' });
      if (message.author === 'agent') who.append(element('span', { class: 'avatar small', 'aria-hidden': 'true' }, initials(author(message))));
      who.append(element('span', { class: 'name' }, author(message)), time(message.createdAt));
      bubble.append(who);
    }
    const pictures = element('div', { class: 'pics' });
    for (const attachment of message.attachments ?? []) {
      const thumbnail = pictureThumbnail(server, attachment, t('picture'));
      if (!thumbnail) continue;
      thumbnail.querySelector('img')!.addEventListener('error', onExpiredPicture, { once: true });
      pictures.append(thumbnail);
    }
    // The shopper's own pictures show at once, from the files themselves, while the message is on its way.
    for (const preview of options.previews ?? []) pictures.append(element('img', { src: preview, alt: t('picture'), class: 'preview' }));
    if (pictures.childElementCount) bubble.append(pictures);
    const body = element('div', { class: 'text' });
    if (message.text) appendText(body, message.text, message.author === 'bot' || message.author === 'agent');
    bubble.append(body);
    if (message.cards?.length && message.author === 'bot') bubble.append(productCards(message.cards));
    view.log.append(bubble);
    shown.set(message.id, bubble);
    view.log.scrollTop = view.log.scrollHeight;
    return bubble;
  }

  return {
    render,
    has: (id: string) => shown.has(id),
    /** The server stored a message shown locally: it keeps its place under the server's id. */
    confirm(localId: string, id: string): void {
      const bubble = shown.get(localId);
      if (!bubble) return;
      shown.delete(localId);
      shown.set(id, bubble);
      bubble.dataset.id = id;
      bubble.classList.remove('pending');
    },
    /** One line that changes in place (the queue position), rather than a new line each time. */
    updateLine(id: string, text: string): void {
      const line = shown.get(id);
      if (line) line.querySelector('.text')!.textContent = text;
      else render({ id, author: 'system', text });
    },
  };
}

export type MessageLog = ReturnType<typeof createMessageLog>;
