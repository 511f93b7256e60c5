// The composer: a reply (Ctrl/⌘+Enter sends), an internal note, canned replies to edit first, pictures, and with
// a translator a reply written in the agent's language and sent in the shopper's.
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationSummary } from '../../shared/protocol.js';
import { acceptPictures, PICTURE_TYPES } from '../shared/pictures.js';
import { act, emit } from './api.js';
import { CannedReplies } from './canned.js';
import { languageName } from './format.js';
import { PictureTray, usePictures } from './pictures.js';
import { useStore } from './store.js';

const clip = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z" /></svg>`;
const checked = (event: Event) => (event.target as HTMLInputElement).checked;

/** Sends a reply or a note; false when the server refused it (the text then stays, to try again). */
async function send(conversationId: string, reply: { text: string; isNote: boolean; attachments: string[]; translate: boolean }): Promise<boolean> {
  if (reply.isNote) return (await act('note', { conversationId, text: reply.text })).ok;
  const payload = {
    conversationId,
    ...(reply.text ? { text: reply.text } : {}),
    ...(reply.attachments.length ? { attachments: reply.attachments } : {}),
    ...(reply.text && reply.translate ? { translate: true } : {}),
  };
  return (await act('message', payload)).ok;
}

export function Composer({ conversation, mine }: { conversation: ConversationSummary; mine: boolean }) {
  const session = useStore((state) => state.session!);
  const speaks = !conversation.language || session.agent.languages.includes(conversation.language);
  const [text, setText] = useState('');
  const [isNote, setNote] = useState(false);
  const [translate, setTranslate] = useState(!!session.translator && !speaks);
  const [showCanned, setShowCanned] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pictures = usePictures(conversation.id, session.token);
  const canWrite = mine || (isNote && conversation.status === 'queued');
  useEffect(
    () =>
      acceptPictures(
        { button: attachButton.current!, fileInput: fileInput.current!, textBox: input.current!, dropArea: input.current!.closest('.pane') as HTMLElement },
        pictures.add,
      ),
    [],
  );

  const typingSent = useRef(false);
  const setTyping = (typing: boolean) => {
    if (!mine || typing === typingSent.current) return;
    typingSent.current = typing;
    emit('typing', { conversationId: conversation.id, typing });
  };
  const submit = async () => {
    const reply = { text: text.trim(), isNote, attachments: isNote ? [] : pictures.ids(), translate };
    if ((!reply.text && !reply.attachments.length) || pictures.uploading || !canWrite) return;
    if (!(await send(conversation.id, reply))) return;
    // What the agent typed while the reply was on its way stays.
    setText((current) => (current.trim() === reply.text ? '' : current));
    if (reply.attachments.length) pictures.clear();
    setTyping(false);
  };
  const insert = (canned: string) => {
    setShowCanned(false);
    setText((current) => (current.trim() ? `${current.trimEnd()}\n${canned}` : canned));
    setTimeout(() => input.current?.focus());
  };
  const placeholder = isNote
    ? 'An internal note, never shown to the shopper…'
    : translate
      ? `Write in your language; it is sent in ${languageName(conversation.language)}…`
      : 'Write a reply…';

  return html`<form class="composer" onSubmit=${(event: Event) => (event.preventDefault(), void submit())}>
    ${showCanned ? html`<${CannedReplies} language=${conversation.language ?? ''} onChoose=${insert} onClose=${() => setShowCanned(false)} />` : null}
    <${PictureTray} pictures=${pictures} />
    <textarea ref=${input} aria-label="Reply" value=${text} disabled=${!canWrite} placeholder=${placeholder}
      onInput=${(event: Event) => (setText((event.target as HTMLTextAreaElement).value), setTyping((event.target as HTMLTextAreaElement).value.length > 0))}
      onKeyDown=${(event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey) && ((event.preventDefault(), void submit()))}></textarea>
    <div class="composer-bar">
      <button type="button" class="icon" ref=${attachButton} aria-label="Attach a picture" title="Attach a picture" disabled=${!mine || isNote}>${clip}</button>
      <input type="file" ref=${fileInput} accept=${PICTURE_TYPES} multiple hidden aria-label="Attach a picture" />
      <button type="button" aria-expanded=${String(showCanned)} disabled=${!mine} onClick=${() => setShowCanned(!showCanned)}>Canned replies</button>
      <label><input type="checkbox" aria-label="Internal note" checked=${isNote} onChange=${(event: Event) => setNote(checked(event))} /> Note</label>
      ${session.translator && !speaks ? html`<label><input type="checkbox" checked=${translate} onChange=${(event: Event) => setTranslate(checked(event))} /> Translate to ${languageName(conversation.language)}</label>` : null}
      <span class="hint">Ctrl+Enter</span>
      <button type="submit" class="primary" disabled=${!canWrite || pictures.uploading}>Send</button>
    </div>
  </form>`;
}
