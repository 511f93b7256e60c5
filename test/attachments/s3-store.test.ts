import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png, upload } from './fixtures.js';
import { startTestServer } from '../helpers.js';

// A real S3-compatible server (s3rver, in this process) with a bucket of its own.
const BUCKET = 'borderless-pictures';
let s3rver: S3rver;
let folder: string;
let endpoint: string;
let client: S3Client;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'borderless-s3-'));
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: folder });
  const { port } = await s3rver.run();
  endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(async () => {
  client?.destroy();
  await s3rver?.close();
  await rm(folder, { recursive: true, force: true });
});

const keysInBucket = async () => ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((object) => object.Key);

// The store's own behaviour is the BlobStore contract (blob-store.test.ts); here, the server wired to a bucket.
describe('a server keeping pictures in S3', () => {
  it('stores uploads in the bucket, serves them by signed link and deletes them with the conversation', async () => {
    const server = await startTestServer({
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: 'node-pictures/',
    });
    try {
      const { conversation, token } = await server.app.conversations.openSession({});
      // A new conversation is stored on the shopper's first write (the widget's start); only then can it take a picture.
      await server.app.conversations.storeNewConversation(conversation);
      const { status, body } = await upload(server.url, conversation.id, token, await png(12, 9));
      expect(status).toBe(201);
      expect(await keysInBucket()).toContain(`node-pictures/${conversation.id}/${body.id}`);
      const picture = await fetch(`${server.url}${body.url}`);
      expect(picture.status).toBe(200);
      expect(picture.headers.get('content-type')).toBe('image/png');
      await server.app.attachments.deleteConversationAttachments(conversation.id);
      expect((await keysInBucket()).filter((key) => key?.includes(conversation.id))).toEqual([]);
      expect((await fetch(`${server.url}${body.url}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
