// Pictures for the agent's next reply: uploaded at once with a progress bar, shown in a tray, sent with the reply.
import { html } from 'htm/preact';
import { useRef, useState } from 'preact/hooks';
import type { Attachment } from '../../shared/protocol.js';
import { PICTURES_PER_MESSAGE, uploadPicture, type UploadError } from '../shared/pictures.js';
import { dispatch } from './store.js';

interface Pending {
  key: string;
  preview: string;
  progress: number;
  attachment?: Attachment;
  cancel(): void;
}

export function usePictures(conversationId: string, token: string) {
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
  return {
    pending,
    add,
    remove,
    clear: () => setPending([]),
    uploading: pending.some((item) => !item.attachment),
    ids: () => pending.flatMap((item) => (item.attachment ? [item.attachment.id] : [])),
  };
}

export function PictureTray({ pictures }: { pictures: ReturnType<typeof usePictures> }) {
  return html`<div class="tray" hidden=${pictures.pending.length === 0}>
    ${pictures.pending.map(
      (item) => html`<div class=${`pending-pic${item.attachment ? ' done' : ''}`} key=${item.key}>
      <img src=${item.preview} alt="Picture to send" />
      <progress max="1" value=${item.progress} aria-label="Uploading"></progress>
      <button type="button" aria-label="Remove picture" onClick=${() => pictures.remove(item.key)}>×</button>
    </div>`,
    )}
  </div>`;
}
