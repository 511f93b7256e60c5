// Pictures in conversations: upload (checked, cleaned, counted), signed links for the people in the conversation,
// reading a link, and deleting a conversation's pictures (retention and privacy deletion call this).
import { randomUUID } from 'node:crypto';
import { AppError, type Attachment, type Message } from '../shared/index.js';
import type { AttachmentRecord, Store } from '../store/index.js';
import type { BlobStore } from './blob-store.js';
import { checkImage, createDecodeGate } from './inspect.js';
import { signedPath, verifyLink } from './signing.js';

/** How many pictures one message may carry. */
export const ATTACHMENTS_PER_MESSAGE = 4;

export interface AttachmentServiceOptions {
  store: Store;
  blobs: BlobStore;
  secret: string;
  perConversation: number;
  linkSeconds: number;
  now?: () => Date;
}

const blobKey = (record: Pick<AttachmentRecord, 'conversationId' | 'id'>) => `${record.conversationId}/${record.id}`;

export function createAttachmentService({ store, blobs, secret, perConversation, linkSeconds, now = () => new Date() }: AttachmentServiceOptions) {
  const decoding = createDecodeGate();
  /** A fresh signed link; expiries are rounded up to the minute so a page of thumbnails shares cacheable URLs. */
  function link(record: Pick<AttachmentRecord, 'id' | 'type' | 'width' | 'height'>): Attachment {
    const expires = Math.ceil((now().getTime() / 1000 + linkSeconds) / 60) * 60;
    return { id: record.id, type: record.type, width: record.width, height: record.height, url: signedPath(secret, record.id, expires) };
  }

  return {
    link,

    /** Checks, cleans and keeps a picture for a conversation; refuses one over the conversation's limit. */
    async upload(conversationId: string, data: Buffer, uploadedBy: string): Promise<Attachment> {
      if ((await store.listAttachments(conversationId)).length >= perConversation) {
        throw new AppError('too_many_attachments', `a conversation can hold at most ${perConversation} pictures`);
      }
      const image = await checkImage(data, decoding);
      const record: AttachmentRecord = {
        id: randomUUID(),
        conversationId,
        type: image.type,
        width: image.width,
        height: image.height,
        size: image.data.length,
        createdAt: now().toISOString(),
        uploadedBy,
      };
      // The bytes go first: a record never points at a picture that is not there. The store then holds the limit
      // atomically, across nodes; a picture over it is removed again.
      await blobs.put(blobKey(record), image.data, image.type);
      if (!(await store.addAttachment(record, perConversation))) {
        await blobs.delete(blobKey(record));
        throw new AppError('too_many_attachments', `a conversation can hold at most ${perConversation} pictures`);
      }
      return link(record);
    },

    /**
     * The pictures a message may carry: each id must have been uploaded to this same conversation. Unknown ids and
     * other conversations' ids are refused alike, so an id from elsewhere tells nothing.
     */
    async resolve(conversationId: string, ids: string[] | undefined): Promise<Attachment[]> {
      if (!ids?.length) return [];
      const unique = [...new Set(ids)];
      if (unique.length > ATTACHMENTS_PER_MESSAGE) throw new AppError('invalid_payload', `a message can carry at most ${ATTACHMENTS_PER_MESSAGE} pictures`);
      const records = await Promise.all(unique.map((id) => store.getAttachment(id)));
      return records.map((record) => {
        if (!record || record.conversationId !== conversationId) throw new AppError('forbidden', 'pictures must be uploaded to this conversation first');
        // Stored without a link: links are signed afresh whenever the message is sent to someone.
        return { id: record.id, type: record.type, width: record.width, height: record.height, url: '' };
      });
    },

    /** The message with fresh signed links on its pictures. */
    withLinks(message: Message): Message {
      return message.attachments?.length ? { ...message, attachments: message.attachments.map(link) } : message;
    },

    /** A conversation's pictures with fresh links (a client whose links expired asks for these). */
    async list(conversationId: string): Promise<Attachment[]> {
      return (await store.listAttachments(conversationId)).map(link);
    },

    /** The picture behind a signed link: 403 if the link was not signed here, 410 once expired, 404 if deleted. */
    async read(id: string, expires: string | undefined, sig: string | undefined): Promise<{ record: AttachmentRecord; data: Buffer; expiresAt: number }> {
      verifyLink(secret, id, expires, sig, now());
      const record = await store.getAttachment(id);
      const data = record && (await blobs.get(blobKey(record)));
      if (!record || !data) throw new AppError('not_found', 'this picture has been deleted');
      return { record, data, expiresAt: Number(expires) };
    },

    /**
     * Deletes every picture of a conversation, its bytes and its records. Call it wherever a conversation is deleted
     * (retention purge, privacy deletion); it does not depend on the conversation still being in the store.
     */
    async deleteConversationAttachments(conversationId: string): Promise<void> {
      await blobs.deletePrefix(`${conversationId}/`);
      await store.deleteAttachments(conversationId);
    },

    close: () => blobs.close(),
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
