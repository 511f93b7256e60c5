// Products under a bot's reply, as cards: picture, title and price, linking to the product's page. Built from text
// nodes and attributes only; a picture or link that is not http(s) is left out.
import type { ProductCard } from '../../shared/protocol.js';
import { safeHttpUrl } from './text.js';
import { element } from './view.js';

export function productCards(cards: ProductCard[]): HTMLElement {
  const list = element('div', { class: 'cards' });
  for (const card of cards.slice(0, 4)) {
    const href = card.url ? safeHttpUrl(card.url) : undefined;
    const item = href ? element('a', { class: 'card', href, target: '_blank', rel: 'noopener noreferrer' }) : element('div', { class: 'card' });
    const image = card.image ? safeHttpUrl(card.image) : undefined;
    if (image) item.append(element('img', { src: image, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' }));
    const caption = element('span', { class: 'card-text' });
    caption.append(element('span', { class: 'card-title' }, card.title));
    if (card.price) caption.append(element('span', { class: 'card-price' }, card.price));
    item.append(caption);
    list.append(item);
  }
  return list;
}
