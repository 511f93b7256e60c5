// The conversation pane: a header whose actions stay in view, the log (the only part that scrolls), who is typing,
// and the composer. A conversation the agent does not hold is shown read-only.
import { html } from 'htm/preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ConversationSummary, Message } from '../../shared/protocol.js';
import { claim, openConversation } from './actions.js';
import { act, api } from './api.js';
import { Composer } from './composer.js';
import { describeReason, languageName, shopperLabel } from './format.js';
import { MessageEntry } from './message.js';
import { dispatch, selectedConversation, useStore, type Profile } from './store.js';

function TransferMenu({ conversationId, me }: { conversationId: string; me: string }) {
  // Fetched when the agent opens the menu, never while it is open, so it does not reset under the pointer.
  const [agents, setAgents] = useState<Profile[] | undefined>();
  const load = () =>
    void api<{ agents: Profile[] }>('/api/v1/agent/agents').then(
      ({ agents: online }) => setAgents(online.filter((agent) => agent.id !== me)),
      () => setAgents([]),
    );
  const choose = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    if (select.value) void act('transfer', { conversationId, agentId: select.value });
    select.value = '';
  };
  return html`<select aria-label="Transfer to" onFocus=${load} onMouseDown=${agents ? undefined : load} onChange=${choose}>
    <option value="">Transfer to…</option>
    ${(agents ?? []).map((agent) => html`<option value=${agent.id}>${agent.name}</option>`)}
  </select>`;
}

/** An action on the conversation; once done, the pane shows what it became even after it leaves the open list. */
async function change(conversationId: string, event: 'release' | 'resolve', after: Partial<ConversationSummary>): Promise<void> {
  if ((await act(event, { conversationId })).ok) dispatch({ type: 'selectedChanged', changes: after });
}

function Header({ conversation, me }: { conversation: ConversationSummary; me: string }) {
  const mine = conversation.status === 'assigned' && conversation.assignedTo === me;
  const status =
    conversation.status === 'assigned'
      ? mine
        ? 'yours'
        : `with ${conversation.assignedToName ?? 'a colleague'}`
      : conversation.status === 'queued'
        ? 'waiting'
        : conversation.status === 'bot'
          ? 'with the bot'
          : 'closed';
  return html`<div class="pane-header">
    <div class="title">
      <strong>${shopperLabel(conversation)}</strong>
      <span class="sub">${languageName(conversation.language)} · ${describeReason(conversation)} · ${status}</span>
    </div>
    <div class="actions">
      ${conversation.status === 'queued' ? html`<button type="button" class="primary" onClick=${() => claim(conversation.id)}>Claim</button>` : null}
      ${
        mine
          ? html`<button type="button" onClick=${() => change(conversation.id, 'release', { status: 'bot', assignedTo: undefined })}>Hand back to bot</button>
            <${TransferMenu} conversationId=${conversation.id} me=${me} />
            <button type="button" class="primary" onClick=${() => change(conversation.id, 'resolve', { status: 'closed', assignedTo: undefined })}>Resolve</button>`
          : null
      }
    </div>
  </div>`;
}

function Log({ conversationId, messages }: { conversationId: string; messages: Message[] }) {
  const log = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const refreshed = useRef(0);
  // New messages keep the log at the bottom, unless the agent scrolled up to read.
  useLayoutEffect(() => {
    if (log.current && atBottom.current) log.current.scrollTop = log.current.scrollHeight;
  }, [messages.length, conversationId]);
  useEffect(() => void (atBottom.current = true), [conversationId]);
  const onScroll = () => {
    const node = log.current!;
    atBottom.current = node.scrollHeight - node.scrollTop - node.clientHeight < 40;
  };
  // Picture links expire: the history comes again with fresh ones, at most every ten seconds.
  const refresh = () => {
    if (Date.now() - refreshed.current < 10_000) return;
    refreshed.current = Date.now();
    void openConversation(conversationId);
  };
  return html`<div class="log" role="log" aria-label="Conversation" aria-live="polite" ref=${log} onScroll=${onScroll}>
    ${messages.map((message) => html`<${MessageEntry} key=${message.id} message=${message} onExpiredPicture=${refresh} />`)}
  </div>`;
}

export function ConversationPane() {
  const conversation = useStore(selectedConversation);
  const me = useStore((state) => state.session!.agent.id);
  const messages = useStore((state) => (state.selectedId ? state.messages[state.selectedId] : undefined));
  const typing = useStore((state) => (state.selectedId ? state.typing[state.selectedId] : false));
  if (!conversation) return html`<main class="pane empty"><p>Choose a conversation.</p></main>`;
  const mine = conversation.status === 'assigned' && conversation.assignedTo === me;
  return html`<main class="pane" aria-label="Conversation with ${shopperLabel(conversation)}">
    <${Header} conversation=${conversation} me=${me} />
    <${Log} conversationId=${conversation.id} messages=${messages ?? []} />
    <div class="typing" aria-live="polite">${typing ? 'The shopper is typing…' : ''}</div>
    <${Composer} key=${conversation.id} conversation=${conversation} mine=${mine} />
  </main>`;
}
