import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedPath } from '../../src/attachments/index.js';
import { saveAgent } from '../../src/handoff/agents.js';
import type { Ack, Attachment } from '../../src/shared/protocol.js';
import { animatedGif, jpegWithGps, png, upload, webp } from '../attachments/fixtures.js';
import { openShopper, startTestServer, until } from '../helpers.js';

const SECRET = 'attachment-secret-for-tests-0123456789';
const PASSWORD = 'correct horse battery';
let server: Awaited<ReturnType<typeof startTestServer>>;
let dataDir: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-pictures-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en'], role: 'agent', password: PASSWORD });
  server = await startTestServer({ DATA_DIR: dataDir, ATTACHMENT_SECRET: SECRET, ATTACHMENTS_PER_CONVERSATION: '3', SHOPPER_MESSAGES_PER_MINUTE: '0' });
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** A widget about to upload a picture: a new conversation is stored first (the widget asks with the start event). */
async function shopper(token?: string) {
  const opened = await openShopper(server.url, sockets, token ? { token } : {});
  expect(await opened.socket.timeout(5000).emitWithAck('start')).toEqual({ ok: true });
  return opened;
}

const send = (socket: Socket, payload: unknown) => socket.timeout(5000).emitWithAck('message', payload) as Promise<Ack<{ id: string }>>;

async function agent() {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ana@shop.example', password: PASSWORD }),
  });
  const { token } = (await response.json()) as { token: string };
  const socket = connect(`${server.url}/agent`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise((resolve) => socket.once('queue', resolve));
  const act = (event: string, payload: object) => socket.timeout(5000).emitWithAck(event, payload) as Promise<Ack<Record<string, any>>>;
  return { token, socket, act };
}

describe('uploading a picture', () => {
  it('accepts a PNG by its content whatever its name and declared type, and serves it through the signed link', async () => {
    const { session } = await shopper();
    const { status, body } = await upload(server.url, session.conversationId, session.token, await png(40, 30), 'invoice.exe', 'application/x-msdownload');
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.any(String),
      type: 'image/png',
      width: 40,
      height: 30,
      url: expect.stringMatching(/^\/api\/v1\/attachments\/[0-9a-f-]+\?expires=\d+&sig=[0-9a-f]{64}$/),
    });

    const picture = await fetch(`${server.url}${body.url}`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(picture.headers.get('x-content-type-options')).toBe('nosniff');
    expect(picture.headers.get('content-disposition')).toBe('inline');
    expect(picture.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    const served = await sharp(Buffer.from(await picture.arrayBuffer())).metadata();
    expect([served.format, served.width, served.height]).toEqual(['png', 40, 30]);
  });

  it('keeps an animated GIF animated, and accepts WebP', async () => {
    const { session } = await shopper();
    const gif = await upload(server.url, session.conversationId, session.token, await animatedGif(), 'dance.gif', 'image/gif');
    expect(gif.body).toMatchObject({ type: 'image/gif', width: 10, height: 8 });
    const served = Buffer.from(await (await fetch(`${server.url}${gif.body.url}`)).arrayBuffer());
    expect((await sharp(served, { animated: true }).metadata()).pages).toBe(2);
    const still = await upload(server.url, session.conversationId, session.token, await webp(), 'photo.webp', 'image/webp');
    expect(still.body).toMatchObject({ type: 'image/webp', width: 10, height: 8 });
  });

  it('refuses an HTML page named .png, with a clear JSON error', async () => {
    const { session } = await shopper();
    const page = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');
    const { status, body } = await upload(server.url, session.conversationId, session.token, page, 'cute-cat.png', 'image/png');
    expect(status).toBe(415);
    expect(body.error).toEqual({ code: 'unsupported_media_type', message: expect.stringContaining('JPEG, PNG, WebP and GIF') });
  });

  it('refuses a file that starts like a PNG but is not one', async () => {
    const { session } = await shopper();
    const fake = Buffer.concat([(await png()).subarray(0, 16), Buffer.from('not really an image at all')]);
    expect((await upload(server.url, session.conversationId, session.token, fake)).status).toBe(415);
  });

  it('accepts a photo of a few megabytes', async () => {
    const { session } = await shopper();
    const noise = Buffer.from(Array.from({ length: 900 * 900 * 3 }, () => Math.floor(Math.random() * 256)));
    const large = await sharp(noise, { raw: { width: 900, height: 900, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(large.length).toBeGreaterThan(2 * 1024 * 1024);
    const { status, body } = await upload(server.url, session.conversationId, session.token, large);
    expect(status).toBe(201);
    expect(body).toMatchObject({ width: 900, height: 900 });
  });

  it('refuses a picture over 5 MB', async () => {
    const { session } = await shopper();
    const huge = Buffer.concat([await png(), Buffer.alloc(5 * 1024 * 1024 + 10, 7)]);
    const { status, body } = await upload(server.url, session.conversationId, session.token, huge);
    expect(status).toBe(413);
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toContain('5 MB');
  });

  it('refuses a picture beyond the conversation limit', async () => {
    const { session } = await shopper();
    for (let index = 0; index < 3; index++) expect((await upload(server.url, session.conversationId, session.token, await png())).status).toBe(201);
    const { status, body } = await upload(server.url, session.conversationId, session.token, await png());
    expect(status).toBe(409);
    expect(body.error).toEqual({ code: 'too_many_attachments', message: 'a conversation can hold at most 3 pictures' });
  });

  it('strips EXIF, GPS position included, before keeping the picture', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer is there
    expect(original.includes('Jane Shopper')).toBe(true);

    const { session } = await shopper();
    const { body } = await upload(server.url, session.conversationId, session.token, original, 'IMG_0001.JPG', 'image/jpeg');
    const served = Buffer.from(await (await fetch(`${server.url}${body.url}`)).arrayBuffer());
    const after = await sharp(served).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(served.includes('Jane Shopper')).toBe(false);
    expect(served.includes('PhoneMaker')).toBe(false);
    // On disk too, not only in what is served.
    const stored = await readdir(path.join(dataDir, 'attachments', session.conversationId));
    expect(stored).toEqual([body.id]);
  });

  it('asks for a token, and a token opens only its own conversation', async () => {
    const a = await shopper();
    const b = await shopper();
    const picture = await png();
    expect((await upload(server.url, b.session.conversationId, undefined, picture)).status).toBe(401);
    expect((await upload(server.url, b.session.conversationId, 'not-a-token-of-anything-at-all', picture)).status).toBe(401);
    const across = await upload(server.url, b.session.conversationId, a.session.token, picture);
    expect(across.status).toBe(403);
    const list = await fetch(`${server.url}/api/v1/conversations/${b.session.conversationId}/attachments`, {
      headers: { authorization: `Bearer ${a.session.token}` },
    });
    expect(list.status).toBe(403);
  });
});

describe('signed links', () => {
  it('refuses a tampered link (403) and an expired one (410)', async () => {
    const { session } = await shopper();
    const { body } = await upload(server.url, session.conversationId, session.token, await png());
    const tampered = body.url.replace(/sig=([0-9a-f])/, (_: string, first: string) => `sig=${first === 'a' ? 'b' : 'a'}`);
    expect((await fetch(`${server.url}${tampered}`)).status).toBe(403);
    const longer = body.url.replace(/expires=(\d+)/, (_: string, seconds: string) => `expires=${Number(seconds) + 86_400}`);
    expect((await fetch(`${server.url}${longer}`)).status).toBe(403);
    const expired = await fetch(`${server.url}${signedPath(SECRET, body.id, Math.floor(Date.now() / 1000) - 5)}`);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('link_expired');
    expect((await fetch(`${server.url}/api/v1/attachments/${body.id}`)).status).toBe(403);
  });

  it('gives the conversation fresh links on request', async () => {
    const { session } = await shopper();
    const { body } = await upload(server.url, session.conversationId, session.token, await png());
    const response = await fetch(`${server.url}/api/v1/conversations/${session.conversationId}/attachments`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    const { attachments } = (await response.json()) as { attachments: Attachment[] };
    expect(attachments.map((attachment) => attachment.id)).toEqual([body.id]);
    expect((await fetch(`${server.url}${attachments[0]!.url}`)).status).toBe(200);
  });
});

describe('pictures in messages', () => {
  it('sends a picture without text; the history carries it again with a working link after a reload', async () => {
    const first = await shopper();
    const { body } = await upload(server.url, first.session.conversationId, first.session.token, await png(20, 10));
    const ack = await send(first.socket, { attachments: [body.id], clientMessageId: randomUUID() });
    expect(ack.ok).toBe(true);
    first.socket.disconnect();

    const again = await shopper(first.session.token);
    const sent = again.history.find((message) => message.author === 'shopper')!;
    expect(sent.text).toBe('');
    expect(sent.attachments).toEqual([
      { id: body.id, type: 'image/png', width: 20, height: 10, url: expect.stringContaining(`/api/v1/attachments/${body.id}?`) },
    ]);
    expect((await fetch(`${server.url}${sent.attachments![0]!.url}`)).status).toBe(200);
  });

  it("refuses to attach another conversation's picture, and an unknown id", async () => {
    const a = await shopper();
    const b = await shopper();
    const { body } = await upload(server.url, b.session.conversationId, b.session.token, await png());
    const stolen = await send(a.socket, { text: 'look', attachments: [body.id], clientMessageId: randomUUID() });
    expect(stolen).toEqual({ ok: false, error: { code: 'forbidden', message: 'pictures must be uploaded to this conversation first' } });
    const unknown = await send(a.socket, { attachments: [randomUUID()], clientMessageId: randomUUID() });
    expect(unknown.ok).toBe(false);
    const empty = await send(a.socket, { text: '   ', clientMessageId: randomUUID() });
    expect(empty.ok).toBe(false);
  });

  it('lets the agent holding the conversation send a picture, which the shopper receives with a link', async () => {
    const shop = await shopper();
    await send(shop.socket, { text: 'I want to talk to a real person please', clientMessageId: randomUUID() });
    const ana = await agent();
    // A queued conversation can be seen, but not written to before a claim.
    expect((await upload(server.url, shop.session.conversationId, ana.token, await png())).status).toBe(403);
    const claimed = await ana.act('claim', { conversationId: shop.session.conversationId });
    expect(claimed.ok).toBe(true);
    const { status, body } = await upload(server.url, shop.session.conversationId, ana.token, await png(8, 8));
    expect(status).toBe(201);
    const sent = await ana.act('message', { conversationId: shop.session.conversationId, text: 'Is this the one?', attachments: [body.id] });
    expect(sent.ok).toBe(true);
    const received = await until(() => shop.messages.find((message) => message.author === 'agent'));
    expect(received.text).toBe('Is this the one?');
    expect(received.attachments?.[0]).toMatchObject({ id: body.id, width: 8, height: 8 });
    expect((await fetch(`${server.url}${received.attachments![0]!.url}`)).status).toBe(200);
  });
});

describe('deleting a conversation', () => {
  it("deletes its pictures with the shopper's data: the files go and their links stop working", async () => {
    const { session } = await shopper();
    const { body } = await upload(server.url, session.conversationId, session.token, await png());
    const deleted = await fetch(`${server.url}/api/v1/privacy/data?conversationId=${session.conversationId}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer test-operator-token-0123456789' },
    });
    expect(deleted.status).toBe(200);
    expect((await fetch(`${server.url}${body.url}`)).status).toBe(404);
    await expect(readdir(path.join(dataDir, 'attachments', session.conversationId))).rejects.toThrow();
  });
});
