// The BlobStore contract, run against the folder store and against a real S3-compatible server (s3rver, in this
// process) with a bucket of its own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';
import { createFileBlobStore } from '../../src/attachments/index.js';
// Loaded only where S3 is configured, so the module's front door does not export it.
import { createS3BlobStore } from '../../src/attachments/s3-store.js';
import { blobStoreContract } from './blob-store-contract.js';

const BUCKET = 'borderless-contract';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
let folder: string;
let s3Folder: string;
let s3rver: S3rver;
let endpoint: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'borderless-blobs-'));
  s3Folder = await mkdtemp(path.join(tmpdir(), 'borderless-s3-'));
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Folder });
  const { port } = await s3rver.run();
  endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  client.destroy();
});
afterAll(async () => {
  await s3rver?.close();
  await rm(folder, { recursive: true, force: true });
  await rm(s3Folder, { recursive: true, force: true });
});

blobStoreContract('folder', () => createFileBlobStore(folder));
blobStoreContract('S3', () => createS3BlobStore({ bucket: BUCKET, endpoint, region: 'us-east-1', ...credentials, forcePathStyle: true, prefix: 'contract/' }));
