// The attachments module's public face: pictures in conversations, their storage and their signed links.
import path from 'node:path';
import type { Config } from '../config.js';
import { createFileBlobStore, type BlobStore } from './blob-store.js';

export { createFileBlobStore, type BlobStore } from './blob-store.js';
export type { S3BlobStoreOptions } from './s3-store.js';
export { checkImage, sniffImageType, type CheckedImage } from './inspect.js';
export { attachmentSecret, signedPath, verifyLink } from './signing.js';
export { ATTACHMENTS_PER_MESSAGE, createAttachmentService, type AttachmentService } from './service.js';

/**
 * S3 when S3_BUCKET is set (several nodes), else files under DATA_DIR/attachments. The S3 SDK is loaded only then:
 * it costs a quarter of a second and tens of megabytes that a single node never needs.
 */
export async function createBlobStore(config: Config): Promise<BlobStore> {
  if (config.S3_BUCKET) {
    const { createS3BlobStore } = await import('./s3-store.js');
    return createS3BlobStore({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      prefix: config.S3_PREFIX,
    });
  }
  return createFileBlobStore(path.join(config.DATA_DIR, 'attachments'));
}
