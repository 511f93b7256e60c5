// Decoding pictures is bounded: a picture too wide or too high is refused before it is decoded, and many large
// uploads at once are decoded a few at a time, so the server's memory stays under a stated ceiling.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openShopper, startServerProcess } from '../helpers.js';
import { upload } from './fixtures.js';
import { blackPng } from './oversized.js';

/**
 * The ceiling the README states: decoding holds at most two 40-megapixel pictures at once. Twelve at once took the
 * server's peak 1.38 GB above its resident memory before; about 150 MB now.
 */
const PEAK_GROWTH_MB = 350;

let node: Awaited<ReturnType<typeof startServerProcess>>;
let dataDir: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-decoding-'));
  node = await startServerProcess(
    { DATA_DIR: dataDir, SHOPPER_MESSAGES_PER_MINUTE: '0', ATTACHMENTS_PER_CONVERSATION: '50', LOG_LEVEL: 'warn' },
    { startTimeoutMs: 90_000 },
  );
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  node.child.kill('SIGKILL');
  await node.exited;
  await rm(dataDir, { recursive: true, force: true });
});

/** Resident memory of the server process in MB: now, and the highest it has been. */
async function memory(): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${node.child.pid}/status`, 'utf8');
  const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))![1]) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

describe('decoding pictures', () => {
  it('refuses a 40,000,000×1 picture before decoding it', async () => {
    const { session, socket } = await openShopper(node.url, sockets);
    // A conversation is stored when the shopper first writes or, before a first picture, says it starts.
    expect(await socket.timeout(5000).emitWithAck('start')).toEqual({ ok: true });
    const { status, body } = await upload(node.url, session.conversationId, session.token, blackPng(40_000_000, 1));
    expect(status).toBe(413);
    expect(body.error.message).toMatch(/16384 pixels/);
  });

  it('decodes twelve 40-megapixel uploads at once a few at a time, within a memory ceiling', async () => {
    const { session, socket } = await openShopper(node.url, sockets);
    expect(await socket.timeout(5000).emitWithAck('start')).toEqual({ ok: true });
    // The image library is loaded and warm before the baseline is read.
    expect((await upload(node.url, session.conversationId, session.token, blackPng(64, 64))).status).toBe(201);
    const before = await memory();
    // A 40-megapixel colour picture, small on the wire.
    const picture = await sharp({ create: { width: 8000, height: 5000, channels: 3, background: { r: 200, g: 80, b: 40 } } })
      .png()
      .toBuffer();
    const results = await Promise.all(Array.from({ length: 12 }, () => upload(node.url, session.conversationId, session.token, picture)));
    expect(results.map((result) => result.status)).toEqual(Array(12).fill(201));
    const after = await memory();
    expect(after.peak - before.rss).toBeLessThan(PEAK_GROWTH_MB);
  }, 120_000);
});
