// The composer: a reply (Ctrl/⌘+Enter sends), an internal note, canned replies to edit first, pictures, and with
// a translator a reply written in the agent's language and sent in the shopper's.
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Attachment, ConversationSummary } from '../../shared/protocol.js';
import { acceptPictures, PICTURE_TYPES, PICTURES_PER_MESSAGE, uploadPicture, type UploadError } from '../shared/pictures.js';
import { act, emit } from './api.js';
import { CannedReplies } from './canned.js';
import { languageName } from './format.js';
import { dispatch, useStore } from './store.js';

interface Pending {
  key: string;
  preview: string;
  progress: number;
  attachment?: Attachment;
  cancel(): void;
}

function usePictures(conversationId: string, token: string) {
  const [pending, setPending] = useState<Pending[]>([]);
  // The drop and paste listeners are attached once: they read the count through a ref, never a stale render's.
  const count = useRef(0);
  count.current = pending.length;
  const change = (key: string, changes: Partial<Pending>) => setPending((list) => list.map((item) => (item.key === key ? { ...item, ...changes } : item)));
  const remove = (key: string) => setPending((list) => list.filter((item) => (item.key === key ? (item.cancel(), false) : true)));
  const add = (files: File[]) => {
    for (const file of files.slice(0, PICTURES_PER_MESSAGE - count.current)) {
      const key = `${Date.now()}-${Math.random()}`;
      const upload = uploadPicture(location.origin, conversationId, token, file, (share) => change(key, { progress: share }));
      setPending((list) => [...list, { key, preview: URL.createObjectURL(file), progress: 0, cancel: upload.cancel }]);
      upload.done.then(
        (attachment) => change(key, { attachment }),
        (error: UploadError) => {
          if (error.code === 'aborted') return;
          remove(key);
          dispatch({ type: 'noticeShown', notice: error.message });
        },
      );
    }
  };
  return { pending, add, remove, clear: () => setPending([]) };
}

export function Composer({ conversation, mine }: { conversation: ConversationSummary; mine: boolean }) {
  const session = useStore((state) => state.session!);
  const speaks = !conversation.language || session.agent.languages.includes(conversation.language);
  const [text, setText] = useState('');
  const [isNote, setNote] = useState(false);
  const [translateReply, setTranslate] = useState(!!session.translator && !speaks);
  const [showCanned, setShowCanned] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pictures = usePictures(conversation.id, session.token);
  const canWrite = mine || (isNote && conversation.status === 'queued');
  const uploading = pictures.pending.some((item) => !item.attachment);
  useEffect(() => acceptPictures({ button: attachButton.current!, fileInput: fileInput.current!, textBox: input.current!, dropArea: input.current!.closest('.pane') as HTMLElement }, (files) => pictures.add(files)), []);

  const typingSent = useRef(false);
  const setTyping = (typing: boolean) => {
    if (!mine || typing === typingSent.current) return;
    typingSent.current = typing;
    emit('typing', { conversationId: conversation.id, typing });
  };

  async function send(): Promise<void> {
    const trimmed = text.trim();
    const attachments = isNote ? [] : pictures.pending.flatMap((item) => (item.attachment ? [item.attachment.id] : []));
    if ((!trimmed && !attachments.length) || uploading || !canWrite) return;
    const payload = isNote
      ? { conversationId: conversation.id, text: trimmed }
      : { conversationId: conversation.id, ...(trimmed ? { text: trimmed } : {}), ...(attachments.length ? { attachments } : trimmed && translateReply ? { translate: true } : {}) };
    const response = await act(isNote ? 'note' : 'message', payload);
    if (!response.ok) return; // the text stays, to try again
    setText('');
    if (attachments.length) pictures.clear();
    setTyping(false);
  }

  const insert = (canned: string) => {
    setShowCanned(false);
    setText((current) => (current.trim() ? `${current.trimEnd()}\n${canned}` : canned));
    setTimeout(() => input.current?.focus());
  };

  return html`<form class="composer" onSubmit=${(event: Event) => (event.preventDefault(), void send())}>
    ${showCanned ? html`<${CannedReplies} language=${conversation.language ?? ''} onChoose=${insert} onClose=${() => setShowCanned(false)} />` : null}
    <div class="tray" hidden=${pictures.pending.length === 0}>
      ${pictures.pending.map((item) => html`<div class=${`pending-pic${item.attachment ? ' done' : ''}`} key=${item.key}>
        <img src=${item.preview} alt="Picture to send" />
        <progress max="1" value=${item.progress} aria-label="Uploading"></progress>
        <button type="button" aria-label="Remove picture" onClick=${() => pictures.remove(item.key)}>×</button>
      </div>`)}
    </div>
    <textarea ref=${input} aria-label="Reply" value=${text} disabled=${!canWrite && !isNote}
      placeholder=${isNote ? 'An internal note, never shown to the shopper…' : translateReply ? `Write in your language; it is sent in ${languageName(conversation.language)}…` : 'Write a reply…'}
      onInput=${(event: Event) => (setText((event.target as HTMLTextAreaElement).value), setTyping((event.target as HTMLTextAreaElement).value.length > 0))}
      onKeyDown=${(event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey) && (event.preventDefault(), void send())}></textarea>
    <div class="composer-bar">
      <button type="button" class="icon" ref=${attachButton} aria-label="Attach a picture" title="Attach a picture" disabled=${!mine || isNote}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z" /></svg>
      </button>
      <input type="file" ref=${fileInput} accept=${PICTURE_TYPES} multiple hidden aria-label="Attach a picture" />
      <button type="button" aria-expanded=${String(showCanned)} disabled=${!mine} onClick=${() => setShowCanned(!showCanned)}>Canned replies</button>
      <label><input type="checkbox" aria-label="Internal note" checked=${isNote} onChange=${(event: Event) => setNote((event.target as HTMLInputElement).checked)} /> Note</label>
      ${session.translator && !speaks
        ? html`<label><input type="checkbox" checked=${translateReply} onChange=${(event: Event) => setTranslate((event.target as HTMLInputElement).checked)} /> Translate to ${languageName(conversation.language)}</label>`
        : null}
      <span class="hint">Ctrl+Enter</span>
      <button type="submit" class="primary" disabled=${!canWrite || uploading}>Send</button>
    </div>
  </form>`;
}
