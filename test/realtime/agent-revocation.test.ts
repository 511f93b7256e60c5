// Agent access ends on an open socket too: a session signed out, expired or whose agent was removed from the agents
// file closes its sockets, and every action is checked against the session.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/conversations/index.js';
import { loadAgents, saveAgent } from '../../src/handoff/agents.js';
import { startTestServer, until } from '../helpers.js';

const PASSWORD = 'correct horse battery staple';
let server: Awaited<ReturnType<typeof startTestServer>>;
let dataDir: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-revocation-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en'], role: 'agent', password: PASSWORD });
  await saveAgent(dataDir, { email: 'ben@shop.example', name: 'Ben', languages: ['en'], role: 'agent', password: PASSWORD });
  server = await startTestServer({ DATA_DIR: dataDir, AGENT_SESSION_CHECK_SECONDS: '0.2' });
}, 60_000);
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** The console's socket, once its first queue arrived; `closed()` says whether the server has closed it. */
async function console(token: string) {
  const socket = connect(`${server.url}/agent`, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false });
  sockets.push(socket);
  let isClosed = false;
  socket.on('disconnect', () => (isClosed = true));
  await new Promise((resolve, reject) => {
    socket.once('queue', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, closed: () => isClosed };
}

describe('revoking agent access on open sockets', () => {
  it('closes the socket of a session signed out elsewhere', async () => {
    const token = await signIn('ana@shop.example');
    const ana = await console(token);
    const claimBefore = await ana.socket.timeout(5000).emitWithAck('claim', { conversationId: 'none' });
    expect(claimBefore).toMatchObject({ ok: false, error: { code: expect.not.stringMatching('unauthorized') } });
    await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    await until(() => ana.closed(), 5000);
  });

  it('closes the sockets of an agent removed from the agents file', async () => {
    const ben = await console(await signIn('ben@shop.example'));
    const agents = (await loadAgents(dataDir)).filter((agent) => agent.email !== 'ben@shop.example');
    await writeFile(path.join(dataDir, 'agents.json'), JSON.stringify({ agents }));
    await until(() => ben.closed(), 5000);
  });

  it('closes the socket when its session expires', async () => {
    const [ana] = (await loadAgents(dataDir)).filter((agent) => agent.email === 'ana@shop.example');
    const token = randomBytes(32).toString('base64url');
    await server.app.store.createAgentSession({ tokenHash: hashToken(token), agentId: ana!.id, expiresAt: new Date(Date.now() + 1500).toISOString() });
    const socket = await console(token);
    expect(socket.closed()).toBe(false);
    await until(() => socket.closed(), 5000);
  });
});
