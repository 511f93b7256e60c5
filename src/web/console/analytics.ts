// The store's analytics, for operators: automation, hand-offs by intent and language, waits, ratings, and what the
// bot did not understand.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import type { Analytics, HandoffBreakdown } from '../../shared/protocol.js';
import { api } from './api.js';

const percent = (value: number) => `${Math.round(value * 100)}%`;
const seconds = (value: number | null) => (value === null ? '–' : `${Math.round(value)} s`);

function Table({ caption, headings, rows }: { caption: string; headings: string[]; rows: string[][] }) {
  return html`<table>
    <caption>${caption}</caption>
    <thead><tr>${headings.map((heading) => html`<th scope="col">${heading}</th>`)}</tr></thead>
    <tbody>${rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
  </table>`;
}

const breakdown = (rows: Record<string, HandoffBreakdown>) =>
  Object.entries(rows)
    .sort((a, b) => b[1].conversations - a[1].conversations)
    .map(([name, row]) => [name, String(row.conversations), String(row.handoffs), percent(row.handoffRate)]);

export function AnalyticsPage() {
  const [data, setData] = useState<Analytics | undefined>();
  const [error, setError] = useState('');
  useEffect(() => void api<Analytics>('/api/v1/admin/analytics').then(setData, (failure: Error) => setError(failure.message)), []);
  if (!data) return html`<main class="pane analytics"><p role=${error ? 'alert' : 'status'}>${error || 'Loading…'}</p></main>`;
  const rating = data.ratingAverage === null ? '–' : `${data.ratingAverage.toFixed(1)} (${data.ratings})`;
  return html`<main class="pane analytics" aria-label="Analytics">
    <${Table} caption="Overview" headings=${['conversations', 'automated', 'handed off', 'average wait', 'first response', 'rating']}
      rows=${[[String(data.conversations), percent(data.automationRate), percent(data.handoffRate), seconds(data.averageWaitSeconds), seconds(data.averageFirstResponseSeconds), rating]]} />
    <${Table} caption="Hand-offs by intent" headings=${['intent', 'conversations', 'hand-offs', 'rate']} rows=${breakdown(data.handoffsByIntent)} />
    <${Table} caption="Hand-offs by language" headings=${['language', 'conversations', 'hand-offs', 'rate']} rows=${breakdown(data.handoffsByLanguage)} />
    <${Table} caption="What the bot did not understand" headings=${['language', 'guessed', 'messages', 'examples']}
      rows=${data.topUnanswered.map((group) => [
        group.language,
        group.guessedIntent,
        String(group.count),
        group.messages
          .slice(0, 3)
          .map((message) => message.text)
          .join(' · '),
      ])} />
  </main>`;
}
