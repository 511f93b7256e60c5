// Canned replies: the store's templates, searchable, shown in the agent's language; choosing one puts it into the
// composer in the shopper's language (store values filled in) to edit before sending.
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.js';

interface CannedReply {
  id: string;
  text: string;
  shopperText: string;
}

const loaded = new Map<string, Promise<CannedReply[]>>();
const repliesIn = (language: string) => {
  if (!loaded.has(language))
    loaded.set(
      language,
      api<{ replies: CannedReply[] }>(`/api/v1/agent/canned-replies?language=${encodeURIComponent(language)}`).then((result) => result.replies),
    );
  return loaded.get(language)!;
};

export function CannedReplies({ language, onChoose, onClose }: { language: string; onChoose(text: string): void; onClose(): void }) {
  const [replies, setReplies] = useState<CannedReply[]>([]);
  const [term, setTerm] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void repliesIn(language).then(setReplies, () => setReplies([]));
    search.current?.focus();
  }, [language]);
  // Every word typed must appear in the reply's id (its words) or either of its texts.
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = replies.filter((reply) => {
    const haystack = `${reply.id.replace(/[._]/g, ' ')} ${reply.text} ${reply.shopperText}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  return html`<div class="canned" role="dialog" aria-label="Canned replies" onKeyDown=${(event: KeyboardEvent) => event.key === 'Escape' && onClose()}>
    <input ref=${search} type="search" aria-label="Search canned replies" placeholder="Search canned replies…" value=${term} onInput=${(event: Event) => setTerm((event.target as HTMLInputElement).value)} />
    <div class="canned-list">
      ${shown.map(
        (reply) => html`<button type="button" data-template=${reply.id} onClick=${() => onChoose(reply.shopperText)}>
        <span class="id">${reply.id}</span>
        <span>${reply.text}</span>
        ${reply.shopperText !== reply.text ? html`<span class="shopper" lang=${language}>${reply.shopperText}</span>` : null}
      </button>`,
      )}
    </div>
  </div>`;
}
