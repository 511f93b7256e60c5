// The shopper panel: language and locale, country, the page the chat started on, the signed-in customer, verified
// orders, the open case with its photos, tags and earlier conversations (click one to read it).
import { html } from 'htm/preact';
import type { CaseView, ShopperProfile } from '../../shared/protocol.js';
import { pictureUrl } from '../shared/pictures.js';
import { openConversation } from './actions.js';
import { countryName, languageName, money, shortTime } from './format.js';
import { useStore } from './store.js';

const isWebLink = (url: string) => /^https?:\/\//.test(url);

function CaseCard({ view }: { view: CaseView }) {
  const problem = view.problem ? `${view.problem} item` : 'problem with an item';
  return html`<section class="case" aria-label="Case">
    <h3>${view.status === 'open' ? 'Case' : 'Case (details still coming)'}</h3>
    <div class="facts">Order ${view.orderNumber ?? 'not given yet'} · ${problem} · ${view.photos.length} photo${view.photos.length === 1 ? '' : 's'}</div>
    ${view.ownerVerified === false ? html`<p class="owner-unverified" role="note">Owner not verified</p>` : null}
    <div class="pics">
      ${view.photos.map((photo) => {
        const url = pictureUrl(location.origin, photo);
        return url
          ? html`<a class="pic" href=${url} target="_blank" rel="noopener noreferrer"><img src=${url} alt="Case photo" width=${Math.min(120, photo.width)} /></a>`
          : null;
      })}
    </div>
  </section>`;
}

function Fact({ term, children }: { term: string; children: unknown }) {
  return children === undefined || children === null || children === '' ? null : html`<dt>${term}</dt><dd>${children}</dd>`;
}

function Details({ profile }: { profile: ShopperProfile }) {
  return html`<dl class="facts">
    <${Fact} term="Language">${languageName(profile.language)}${profile.locale ? ` (${profile.locale})` : ''}<//>
    <${Fact} term="Country">${countryName(profile.country)}<//>
    <${Fact} term="Started on">${profile.page && isWebLink(profile.page) ? html`<a href=${profile.page} target="_blank" rel="noopener noreferrer">${profile.page.replace(/^https?:\/\//, '')}</a>` : undefined}<//>
    <${Fact} term="Customer">${profile.customerId}<//>
    <${Fact} term="E-mail">${profile.contactEmail}<//>
    <${Fact} term="Tags">${profile.tags.length ? profile.tags.map((tag) => html`<span class="badge tag">${tag}</span>`) : undefined}<//>
  </dl>`;
}

export function ShopperPanel() {
  const selectedId = useStore((state) => state.selectedId);
  const profile = useStore((state) => (state.selectedId ? state.profiles[state.selectedId] : undefined));
  const caseView = useStore((state) => (state.selectedId ? state.cases[state.selectedId] : undefined));
  if (!selectedId) return html`<aside class="side" aria-label="Shopper"></aside>`;
  return html`<aside class="side" aria-label="Shopper">
    <h2>Shopper</h2>
    ${caseView ? html`<${CaseCard} view=${caseView} />` : null}
    ${profile ? html`<${Details} profile=${profile} />` : html`<p class="muted">Loading…</p>`}
    ${
      profile
        ? html`<h3>Orders</h3>
          ${profile.ordersUnavailable ? html`<p class="muted">The store's order system did not answer.</p>` : null}
          ${profile.orders.length === 0 && !profile.ordersUnavailable ? html`<p class="muted">No verified orders.</p>` : null}
          <ul class="orders">
            ${profile.orders.map((order) => html`<li><strong>#${order.number}</strong> <span class="badge">${order.status.replaceAll('_', ' ')}</span> <span class="muted">${money(order.total, order.currency)}</span></li>`)}
          </ul>
          <h3>Past conversations</h3>
          ${profile.pastConversations.length === 0 ? html`<p class="muted">None.</p>` : null}
          <ul class="past">
            ${profile.pastConversations.map(
              (
                past,
              ) => html`<li><button type="button" onClick=${() => openConversation(past.id, { id: past.id, status: past.status, priority: 0, unread: 0, customerId: profile.customerId, lastMessage: past.lastMessage })}>
              <span>${shortTime(past.updatedAt)} · ${past.status}</span><span class="preview">${past.lastMessage ?? ''}</span>
            </button></li>`,
            )}
          </ul>`
        : null
    }
  </aside>`;
}
