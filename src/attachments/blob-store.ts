// Where pictures' bytes live: a small interface with a folder implementation (the default, one node) and an
// S3-compatible one (several nodes). Keys are "<conversationId>/<attachmentId>".
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

export interface BlobStore {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The bytes, or undefined when there is nothing under the key. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
  /** Removes every blob whose key starts with the prefix ("<conversationId>/"). */
  deletePrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}

const KEY = /^[A-Za-z0-9-]{1,100}\/[A-Za-z0-9-]{1,100}$/;
const PREFIX = /^[A-Za-z0-9-]{1,100}\/$/;

/** Keys come from our own ids; anything else (a path escaping the folder) is a bug, never a file. */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
  return key;
}

export function checkPrefix(prefix: string): string {
  if (!PREFIX.test(prefix)) throw new Error(`not a blob prefix: ${JSON.stringify(prefix)}`);
  return prefix;
}

/** Files under one folder (DATA_DIR/attachments): one sub-folder per conversation. */
export function createFileBlobStore(folder: string): BlobStore {
  const fileOf = (key: string) => path.join(folder, ...checkKey(key).split('/'));
  return {
    async put(key, data) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written aside then renamed: a reader never sees half a picture.
      const partial = `${file}.${randomUUID()}.part`;
      await writeFile(partial, data, { mode: 0o600 });
      await rename(partial, file);
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async deletePrefix(prefix) {
      await rm(path.join(folder, checkPrefix(prefix).slice(0, -1)), { recursive: true, force: true });
    },
    async close() {},
  };
}
