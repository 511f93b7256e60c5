// The behaviour every BlobStore must have, run against each one (a folder, an S3 bucket) so they cannot drift.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/attachments/index.js';

/** Opens a store on the shared backing: two calls are two nodes seeing the same folder or bucket. */
export type OpenBlobStore = () => BlobStore;

export function blobStoreContract(name: string, open: OpenBlobStore): void {
  describe(`the ${name} blob store`, () => {
    let blobs: BlobStore;
    let opened: BlobStore[];
    beforeEach(() => {
      opened = [];
      blobs = open();
      opened.push(blobs);
    });
    afterEach(async () => {
      await Promise.all(opened.map((store) => store.close()));
    });
    // Each test writes under conversations of its own, so the shared backing needs no wiping between tests.
    const conversation = () => `conv-${randomBytes(6).toString('hex')}`;

    it('gives back exactly the bytes it was given, and nothing for a key never written', async () => {
      const id = conversation();
      const picture = randomBytes(256 * 1024);
      await blobs.put(`${id}/pic-a`, picture, 'image/jpeg');
      expect((await blobs.get(`${id}/pic-a`))?.equals(picture)).toBe(true);
      expect(await blobs.get(`${id}/pic-nothing`)).toBeUndefined();
      expect(await blobs.get(`${conversation()}/pic-a`)).toBeUndefined();
    });

    it('replaces what a key held when it is written again', async () => {
      const key = `${conversation()}/pic-a`;
      await blobs.put(key, Buffer.from('first'), 'image/png');
      await blobs.put(key, Buffer.from('second'), 'image/png');
      expect((await blobs.get(key))?.toString()).toBe('second');
    });

    it('deletes one picture, and deleting one that is gone is no error', async () => {
      const id = conversation();
      await blobs.put(`${id}/pic-a`, Buffer.from('a'), 'image/png');
      await blobs.put(`${id}/pic-b`, Buffer.from('b'), 'image/png');
      await blobs.delete(`${id}/pic-a`);
      expect(await blobs.get(`${id}/pic-a`)).toBeUndefined();
      expect((await blobs.get(`${id}/pic-b`))?.toString()).toBe('b');
      await expect(blobs.delete(`${id}/pic-a`)).resolves.toBeUndefined();
    });

    it("deletes a whole conversation's pictures and no other's, even one whose id starts the same", async () => {
      const id = conversation();
      await blobs.put(`${id}/pic-a`, Buffer.from('a'), 'image/png');
      await blobs.put(`${id}/pic-b`, Buffer.from('b'), 'image/png');
      await blobs.put(`${id}0/pic-c`, Buffer.from('c'), 'image/png');
      await blobs.deletePrefix(`${id}/`);
      expect(await blobs.get(`${id}/pic-a`)).toBeUndefined();
      expect(await blobs.get(`${id}/pic-b`)).toBeUndefined();
      expect((await blobs.get(`${id}0/pic-c`))?.toString()).toBe('c');
      await expect(blobs.deletePrefix(`${conversation()}/`)).resolves.toBeUndefined();
    });

    it('is shared: another node on the same backing reads and deletes what this one wrote', async () => {
      const other = open();
      opened.push(other);
      const key = `${conversation()}/pic-a`;
      await blobs.put(key, Buffer.from('shared'), 'image/png');
      expect((await other.get(key))?.toString()).toBe('shared');
      await other.delete(key);
      expect(await blobs.get(key)).toBeUndefined();
    });

    it('refuses keys and prefixes that could reach outside a conversation, and writes nothing', async () => {
      for (const key of ['../etc/passwd', 'conv-1/../../x', 'conv-1', 'conv-1/pic/a', '/conv-1/pic', 'conv 1/pic', '']) {
        await expect(blobs.put(key, Buffer.from('x'), 'image/png'), key).rejects.toThrow(/not a blob key/);
        await expect(blobs.get(key), key).rejects.toThrow(/not a blob key/);
        await expect(blobs.delete(key), key).rejects.toThrow(/not a blob key/);
      }
      for (const prefix of ['', '/', '../', 'conv-1', 'conv-1/pic']) {
        await expect(blobs.deletePrefix(prefix), prefix).rejects.toThrow(/not a blob prefix/);
      }
    });
  });
}
