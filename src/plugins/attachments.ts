// Pictures in conversations: their records in the store, their bytes in S3 (S3_BUCKET) or DATA_DIR/attachments.
import fp from 'fastify-plugin';
import { attachmentSecret, createAttachmentService, createBlobStore, type AttachmentService, type BlobStore } from '../attachments/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Pictures in conversations; its deleteConversationAttachments(id) must run wherever a conversation is deleted. */
    attachments: AttachmentService;
  }
}

export interface AttachmentsOptions {
  /** Where pictures' bytes go (default: S3 when S3_BUCKET is set, else DATA_DIR/attachments). */
  blobs?: BlobStore;
}

export default fp<AttachmentsOptions>(
  async (app, options) => {
    const { config } = app;
    const attachments = createAttachmentService({
      store: app.store,
      blobs: options.blobs ?? (await createBlobStore(config)),
      secret: attachmentSecret(config.ATTACHMENT_SECRET, app.operatorToken),
      perConversation: config.ATTACHMENTS_PER_CONVERSATION,
      linkSeconds: config.ATTACHMENT_LINK_SECONDS,
      now: app.clock,
    });
    if (config.REDIS_URL && !config.S3_BUCKET && !options.blobs) {
      app.log.warn('pictures are kept in DATA_DIR on this node only: with several nodes, set S3_BUCKET so that every node can serve them');
    }
    app.decorate('attachments', attachments);
    app.addHook('onClose', async () => attachments.close());
  },
  { name: 'attachments', dependencies: ['store'] },
);
