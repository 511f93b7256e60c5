// Pictures for the next message: chosen with the button, dropped on the panel or pasted; uploaded at once with a
// progress bar and sent with the message. A refused picture says why, in the shopper's language.
import type { Attachment } from '../../shared/protocol.js';
import { acceptPictures, PICTURES_PER_MESSAGE, uploadPicture, type UploadError } from '../shared/pictures.js';
import type { Strings } from './strings.js';
import { element, type View } from './view.js';

interface PendingPicture {
  preview: string;
  item: HTMLElement;
  attachment?: Attachment;
  upload: { done: Promise<Attachment>; cancel(): void };
}

const REASONS: Record<string, string> = {
  unsupported_media_type: 'errorPictureType',
  payload_too_large: 'errorPictureSize',
  too_many_attachments: 'errorPictureCount',
};

export type PendingPictures = ReturnType<typeof createPendingPictures>;

export interface PictureUploads {
  server: string;
  conversation(): { id: string; token: string } | undefined;
  /** Makes sure the server has stored the conversation (a new one is stored on its first write). */
  start(): Promise<void>;
}

/** The upload once the conversation is stored; cancelling before that cancels it too. */
function startThenUpload(
  uploads: PictureUploads,
  conversation: { id: string; token: string },
  file: File,
  onProgress: (share: number) => void,
): PendingPicture['upload'] {
  let upload: PendingPicture['upload'] | undefined;
  let isCancelled = false;
  const done = uploads.start().then(
    () => {
      if (isCancelled) throw { status: 0, code: 'aborted', message: 'the upload was cancelled' } satisfies UploadError;
      upload = uploadPicture(uploads.server, conversation.id, conversation.token, file, onProgress);
      return upload.done;
    },
    (error: { code?: string; message?: string }): never => {
      throw { status: 0, code: error.code ?? 'network', message: error.message ?? 'the conversation could not be started' } satisfies UploadError;
    },
  );
  return { done, cancel: () => ((isCancelled = true), upload?.cancel()) };
}

export function createPendingPictures(view: View, { t }: Strings, upload: PictureUploads) {
  let pending: PendingPicture[] = [];

  function update(): void {
    view.tray.hidden = pending.length === 0;
    view.sendButton.disabled = pending.some((picture) => !picture.attachment);
    view.attachButton.disabled = pending.length >= PICTURES_PER_MESSAGE;
  }

  function remove(picture: PendingPicture): void {
    picture.upload.cancel();
    picture.item.remove();
    pending = pending.filter((candidate) => candidate !== picture);
    update();
  }

  function add(files: File[]): void {
    const conversation = upload.conversation();
    if (!conversation) return;
    for (const file of files.slice(0, PICTURES_PER_MESSAGE - pending.length)) {
      const preview = URL.createObjectURL(file);
      const item = element('div', { class: 'pending-pic' });
      const progress = element('progress', { max: '1', value: '0', 'aria-label': t('uploading') });
      const removeButton = element('button', { type: 'button', class: 'remove', 'aria-label': t('removePicture') }, '×');
      item.append(element('img', { src: preview, alt: t('picture') }), progress, removeButton);
      view.tray.append(item);
      const picture: PendingPicture = { preview, item, upload: startThenUpload(upload, conversation, file, (share) => (progress.value = share)) };
      pending.push(picture);
      removeButton.addEventListener('click', () => remove(picture));
      picture.upload.done.then(
        (attachment) => {
          picture.attachment = attachment;
          item.classList.add('done');
          update();
        },
        (error: UploadError) => {
          if (error.code === 'aborted') return;
          remove(picture);
          view.showNotice(t(REASONS[error.code] ?? 'errorPictureUpload'));
        },
      );
    }
    update();
  }

  acceptPictures({ button: view.attachButton, fileInput: view.fileInput, textBox: view.input, dropArea: view.panel }, add);

  return {
    /** The uploaded pictures, taken for a message; undefined while one is still uploading. */
    take(): { attachments: Attachment[]; previews: string[] } | undefined {
      if (pending.some((picture) => !picture.attachment)) return undefined;
      const taken = pending;
      pending = [];
      view.tray.replaceChildren();
      update();
      return { attachments: taken.map((picture) => picture.attachment!), previews: taken.map((picture) => picture.preview) };
    },
  };
}
