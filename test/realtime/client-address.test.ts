import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../src/shared/protocol.js';
import { startTestServer } from '../helpers.js';

// Two messages a minute per socket, so ten per address: six shoppers from one address run into the address limit.
const servers: Awaited<ReturnType<typeof startTestServer>>[] = [];
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => Promise.all(servers.map((server) => server.close())));

async function start(env: Record<string, string>) {
  const server = await startTestServer({ SHOPPER_MESSAGES_PER_MINUTE: '2', ...env });
  servers.push(server);
  return server.url;
}

/** Sends two messages from a shopper whose proxy says it is `address`; returns how many were accepted. */
async function twoMessagesFrom(url: string, address: string): Promise<number> {
  const socket = connect(`${url}/shopper`, { transports: ['websocket'], extraHeaders: { 'x-forwarded-for': address }, reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise((resolve) => socket.once('session', resolve));
  let accepted = 0;
  for (let index = 0; index < 2; index++) {
    const ack = (await socket.timeout(5000).emitWithAck('message', { text: 'thanks', clientMessageId: randomUUID() })) as Ack;
    if (ack.ok) accepted++;
  }
  return accepted;
}

describe("the shopper's address for rate limits", () => {
  it('comes from X-Forwarded-For when the proxy is trusted, so shoppers behind one proxy are limited apart', async () => {
    const url = await start({ TRUST_PROXY: 'loopback' });
    let fromOneAddress = 0;
    for (let shopper = 0; shopper < 6; shopper++) fromOneAddress += await twoMessagesFrom(url, '203.0.113.7');
    expect(fromOneAddress).toBe(10);
    expect(await twoMessagesFrom(url, '198.51.100.20')).toBe(2);
  });

  it('ignores X-Forwarded-For from a proxy nobody trusts, so a flood cannot pick new addresses', async () => {
    const url = await start({});
    let accepted = 0;
    for (let shopper = 0; shopper < 6; shopper++) accepted += await twoMessagesFrom(url, `203.0.113.${shopper}`);
    expect(accepted).toBe(10);
  });
});
