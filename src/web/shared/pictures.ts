// Pictures in the widget and the console: uploads with progress (XMLHttpRequest, whose upload events fetch lacks),
// and thumbnails that open the full picture. A picture's src is only ever a signed link of the Borderless server.
import type { Attachment, ErrorBody } from '../../shared/protocol.js';

export const PICTURE_TYPES = 'image/jpeg,image/png,image/webp,image/gif';
/** Per message, as the server allows. */
export const PICTURES_PER_MESSAGE = 4;
const SIGNED_PATH = /^\/api\/v1\/attachments\/[A-Za-z0-9-]+\?expires=\d+&sig=[0-9a-f]{64}$/;

export interface UploadError extends ErrorBody {
  status: number;
}

/** Uploads one file to a conversation; progress goes from 0 to 1. */
export function uploadPicture(
  server: string,
  conversationId: string,
  token: string,
  file: File,
  onProgress: (share: number) => void,
): { done: Promise<Attachment>; cancel(): void } {
  const request = new XMLHttpRequest();
  const done = new Promise<Attachment>((resolve, reject) => {
    request.open('POST', `${server}/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments`);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const body = request.response as (Attachment & { error?: ErrorBody }) | null;
      if (request.status === 201 && body?.id) {
        onProgress(1);
        resolve(body);
      } else {
        reject({
          status: request.status,
          code: body?.error?.code ?? 'internal',
          message: body?.error?.message ?? `HTTP ${request.status}`,
        } satisfies UploadError);
      }
    });
    request.addEventListener('error', () => reject({ status: 0, code: 'network', message: 'the upload failed' } satisfies UploadError));
    request.addEventListener('abort', () => reject({ status: 0, code: 'aborted', message: 'the upload was cancelled' } satisfies UploadError));
    const form = new FormData();
    form.append('file', file, file.name || 'picture');
    request.send(form);
  });
  return { done, cancel: () => request.abort() };
}

/** The full URL of a signed link, or undefined for anything that is not one (never a script or another site). */
export function pictureUrl(server: string, attachment: Attachment): string | undefined {
  return SIGNED_PATH.test(attachment.url) ? `${server}${attachment.url}` : undefined;
}

/** A thumbnail that opens the full picture in a new tab. */
export function pictureThumbnail(server: string, attachment: Attachment, label: string): HTMLAnchorElement | undefined {
  const url = pictureUrl(server, attachment);
  if (!url) return undefined;
  const link = document.createElement('a');
  link.className = 'pic';
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.dataset.attachment = attachment.id;
  const image = document.createElement('img');
  image.src = url;
  image.alt = label;
  image.loading = 'lazy';
  image.decoding = 'async';
  // Reserves the space, so the log does not jump as pictures load.
  image.width = Math.min(220, attachment.width);
  image.height = Math.round((image.width / Math.max(1, attachment.width)) * attachment.height);
  link.append(image);
  return link;
}

/** Replaces expired links in place with fresh ones (from GET /api/v1/conversations/:id/attachments). */
export function refreshPictures(root: ParentNode, server: string, fresh: Attachment[]): void {
  for (const attachment of fresh) {
    const url = pictureUrl(server, attachment);
    if (!url) continue;
    root.querySelectorAll<HTMLAnchorElement>(`a.pic[data-attachment="${CSS.escape(attachment.id)}"]`).forEach((link) => {
      link.href = url;
      const image = link.querySelector('img');
      if (image) image.src = url;
    });
  }
}

/** The picture files among dropped or pasted items. */
const pictureFiles = (files: FileList | null | undefined): File[] => [...(files ?? [])].filter((file) => file.type.startsWith('image/') || file.type === '');

/** Takes pictures from the attach button's file input, a paste into the text box and a drop on the area. */
export function acceptPictures(
  { button, fileInput, textBox, dropArea }: { button: HTMLElement; fileInput: HTMLInputElement; textBox: HTMLElement; dropArea: HTMLElement },
  add: (files: File[]) => void,
): void {
  const offer = (event: Event, files: File[]) => {
    if (!files.length) return;
    event.preventDefault();
    add(files);
  };
  button.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    add(pictureFiles(fileInput.files));
    fileInput.value = '';
  });
  textBox.addEventListener('paste', (event) => offer(event, pictureFiles(event.clipboardData?.files)));
  dropArea.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    dropArea.classList.add('dropping');
  });
  dropArea.addEventListener('dragleave', () => dropArea.classList.remove('dropping'));
  dropArea.addEventListener('drop', (event) => {
    dropArea.classList.remove('dropping');
    offer(event, pictureFiles(event.dataTransfer?.files));
  });
}
