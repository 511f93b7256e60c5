// The rating strip: shown only when the conversation was closed and not rated yet.
import type { ShopperSocket } from './connection.js';
import type { Strings } from './strings.js';
import { element, type View } from './view.js';

export function showRating(view: View, { t }: Strings, socket: ShopperSocket): void {
  const { rating } = view;
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
