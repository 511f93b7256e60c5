// One entry of the conversation log: who wrote it and when, its text (only ever as text), pictures, what the bot
// understood, a translation under the original, notes apart, and system lines told as what happened.
import { html } from 'htm/preact';
import type { Attachment, Message, ProductCard, Translation } from '../../shared/protocol.js';
import { pictureUrl } from '../shared/pictures.js';
import { authorName, describeEvent, languageName, shortTime } from './format.js';
import { useStore } from './store.js';

function Pictures({ attachments, onExpired }: { attachments?: Attachment[]; onExpired(): void }) {
  const pictures = (attachments ?? []).flatMap((attachment) => {
    const url = pictureUrl(location.origin, attachment);
    if (!url) return [];
    const width = Math.min(220, attachment.width);
    const height = Math.round((width / Math.max(1, attachment.width)) * attachment.height);
    return [
      html`<a class="pic" href=${url} target="_blank" rel="noopener noreferrer" data-attachment=${attachment.id}>
      <img src=${url} alt="Picture" loading="lazy" decoding="async" width=${width} height=${height} onError=${onExpired} />
    </a>`,
    ];
  });
  return pictures.length ? html`<div class="pics">${pictures}</div>` : null;
}

const httpUrl = (value: string | undefined) => (value && /^https?:\/\//i.test(value) ? value : undefined);

/** The products the bot showed the shopper, as the shopper saw them: picture, title, price, link. */
function Cards({ cards }: { cards?: ProductCard[] }) {
  if (!cards?.length) return null;
  return html`<div class="cards">${cards.map((card) => {
    const image = httpUrl(card.image);
    const body = html`${image ? html`<img src=${image} alt="" loading="lazy" referrerpolicy="no-referrer" />` : null}
      <span class="card-text"><span class="card-title">${card.title}</span>${card.price ? html`<span class="card-price">${card.price}</span>` : null}</span>`;
    const url = httpUrl(card.url);
    return url
      ? html`<a class="card" href=${url} target="_blank" rel="noopener noreferrer" data-product=${card.productId}>${body}</a>`
      : html`<div class="card" data-product=${card.productId}>${body}</div>`;
  })}</div>`;
}

function TranslationLine({ translation, service }: { translation?: Translation | 'none' | 'failed'; service?: string }) {
  if (!translation || translation === 'none') return null;
  if (translation === 'failed') return html`<div class="translation failed">Translation unavailable; the original is above.</div>`;
  return html`<div class="translation" lang=${translation.to}>
    <span class="text">${translation.text}</span>
    <span class="meta">Translated from ${languageName(translation.from)}${service ? ` by ${service}` : ''}</span>
  </div>`;
}

export function MessageEntry({ message, onExpiredPicture }: { message: Message; onExpiredPicture(): void }) {
  const translation = useStore((state) => state.translations[message.id]);
  const service = useStore((state) => state.session?.translator);
  const time = html`<time datetime=${message.createdAt}>${shortTime(message.createdAt)}</time>`;
  if (message.author === 'system' && !message.internal) {
    return html`<div class="msg system" data-id=${message.id}><span class="text">${message.event ? describeEvent(message.event) : message.text}</span> ${time}</div>`;
  }
  const kind = message.internal ? 'note' : message.author;
  const understood = message.understanding;
  const label = message.internal
    ? message.originalOf
      ? `${authorName(message)} · original before translation`
      : `${authorName(message)} · internal note`
    : authorName(message);
  return html`<div class=${`msg ${kind}`} data-id=${message.id}>
    <div class="who"><span class="name">${label}</span> ${time}</div>
    <${Pictures} attachments=${message.attachments} onExpired=${onExpiredPicture} />
    ${message.text ? html`<div class="text" lang=${understood?.language}>${message.text}</div>` : null}
    <${Cards} cards=${message.cards} />
    <${TranslationLine} translation=${translation} service=${service} />
    ${understood ? html`<div class="meta">${understood.language} · ${understood.intent} · ${Math.round(understood.confidence * 100)}%</div>` : null}
  </div>`;
}
