// Connection exhaustion: one address cannot hold more than MAX_CONNECTIONS_PER_IP connections, connections that send
// nothing or trickle a body are cut, and meanwhile the health check and agents' sign-in keep working for others.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect, Manager, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAgent } from '../../src/handoff/agents.js';
import { descriptorLimit, totalConnections } from '../../src/network/connections.js';
import { startTestServer } from '../helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let port: number;
let dataDir: string;
const sockets: Socket[] = [];
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-connections-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en'], role: 'agent', password: PASSWORD });
  // '::' takes IPv4 and IPv6 alike, so the test can come from several loopback addresses.
  server = await startTestServer({ HOST: '::', DATA_DIR: dataDir, MAX_CONNECTIONS_PER_IP: '100' });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A widget's socket from 127.0.0.1: 'connected' once its session opened, 'refused' on a connection error. */
function widget(): Promise<'connected' | 'refused'> {
  const socket = connect(`http://127.0.0.1:${port}/shopper`, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('session', () => resolve('connected'));
    socket.once('connect_error', () => resolve('refused'));
  });
}

/** An HTTP request from a loopback address of its own; resolves with the status and body. */
function requestFrom(localAddress: string, method: string, pathname: string, body?: object): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, localAddress, method, path: pathname, headers: payload ? { 'content-type': 'application/json' } : {} },
      (response: IncomingMessage) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** Milliseconds until the server closes a connection that sends a body one byte every 2 s; Infinity past 30 s. */
function trickleBody(localAddress: string): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const outgoing = httpRequest({
      host: '127.0.0.1',
      port,
      localAddress,
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'content-length': '200' },
    });
    const timer = setInterval(() => outgoing.write(' '), 2000);
    const giveUp = setTimeout(() => done(Infinity), 30_000);
    const done = (ms: number) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      outgoing.destroy();
      resolve(ms);
    };
    outgoing.on('error', () => done(Date.now() - started));
    outgoing.on('close', () => done(Date.now() - started));
    outgoing.write('{');
  });
}

/** Milliseconds until the server closes a TCP connection that never sends a byte; Infinity past 30 s. */
function silentConnection(localAddress: string): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: '127.0.0.1', port, localAddress });
    const giveUp = setTimeout(() => socket.destroy(new Error('still open')), 30_000);
    socket.on('error', () => undefined);
    socket.resume(); // reads (and drops) the server's 408, so that its close is seen
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve(Date.now() - started > 30_000 ? Infinity : Date.now() - started);
    });
  });
}

/** Milliseconds until the server closes a Socket.IO connection that never opens a namespace; Infinity past 30 s. */
function connectionWithoutSession(): Promise<number> {
  const started = Date.now();
  const manager = new Manager(`http://[::1]:${port}`, { transports: ['websocket'], reconnection: false });
  return new Promise((resolve) => {
    const giveUp = setTimeout(() => {
      manager.engine?.close();
      resolve(Infinity);
    }, 30_000);
    manager.once('close', () => {
      clearTimeout(giveUp);
      resolve(Date.now() - started);
    });
  });
}

describe('connection limits', () => {
  it('refuses websockets from one address past the cap, cuts silent and trickling connections, and keeps serving others', async () => {
    const outcomes = await Promise.all(Array.from({ length: 300 }, widget));
    expect(outcomes.filter((outcome) => outcome === 'connected')).toHaveLength(100);
    expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(200);

    const trickle = trickleBody('127.0.0.2');
    const silent = silentConnection('127.0.0.4');
    const sessionless = connectionWithoutSession();
    // Meanwhile another address is served as usual.
    expect(await requestFrom('127.0.0.3', 'GET', '/healthz')).toMatchObject({ status: 200 });
    const login = await requestFrom('127.0.0.3', 'POST', '/api/v1/auth/login', { email: 'ana@shop.example', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(JSON.parse(login.body)).toHaveProperty('token');

    expect(await trickle).toBeLessThan(30_000);
    expect(await silent).toBeLessThan(30_000);
    expect(await sessionless).toBeLessThan(30_000);

    // The address gets its places back as its sockets close.
    for (const socket of sockets.splice(0)) socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await widget()).toBe('connected');
  }, 60_000);

  it('takes in all no more connections than a tenth below the limit on open files', async () => {
    const limits = path.join(dataDir, 'limits');
    await writeFile(
      limits,
      'Limit                     Soft Limit           Hard Limit           Units\nMax open files            1024                 4096                 files\n',
    );
    expect(descriptorLimit(limits)).toBe(1024);
    expect(totalConnections(undefined, 1024)).toBe(921);
    expect(totalConnections(500, 1024)).toBe(500);
    expect(totalConnections(5000, 1024)).toBe(921);
    expect(totalConnections(undefined, undefined)).toBe(10_000);
  });

  it('counts sockets through a trusted proxy per forwarded address', async () => {
    const proxied = await startTestServer({ TRUST_PROXY: 'loopback', MAX_CONNECTIONS_PER_IP: '2' });
    const through = (address: string) => {
      const socket = connect(`${proxied.url}/shopper`, {
        transports: ['websocket'],
        extraHeaders: { 'x-forwarded-for': address },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      return new Promise<'connected' | 'refused'>((resolve) => {
        socket.once('session', () => resolve('connected'));
        socket.once('connect_error', () => resolve('refused'));
      });
    };
    try {
      expect(await Promise.all([through('203.0.113.7'), through('203.0.113.7')])).toEqual(['connected', 'connected']);
      expect(await through('203.0.113.7')).toBe('refused');
      // The proxy's own connections are not capped: another shopper behind it is served.
      expect(await through('198.51.100.20')).toBe('connected');
    } finally {
      for (const socket of sockets.splice(0)) socket.disconnect();
      await proxied.close();
    }
  });
});
