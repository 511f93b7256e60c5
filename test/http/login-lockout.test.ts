// Sign-in lockouts hold across nodes: wrong passwords pause the account (known or not) with a pause that doubles,
// and an address that fails too often, whichever node the next attempt reaches.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAgent } from '../../src/handoff/agents.js';
import { removeRedisKeys, startTestServer, TEST_REDIS_URL } from '../helpers.js';

const PASSWORD = 'correct horse battery staple';
const REDIS_PREFIX = `borderless-test:${randomUUID()}:`;
let clock = Date.parse('2026-12-01T10:00:00Z');
let dataDir: string;
let nodes: Awaited<ReturnType<typeof startTestServer>>[];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-lockout-'));
  await saveAgent(dataDir, { email: 'ana@shop.example', name: 'Ana', languages: ['en'], role: 'agent', password: PASSWORD });
  await saveAgent(dataDir, { email: 'bo@shop.example', name: 'Bo', languages: ['en'], role: 'agent', password: PASSWORD });
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX, DATA_DIR: dataDir };
  nodes = [await startTestServer(env, { now: () => new Date(clock) }), await startTestServer(env, { now: () => new Date(clock) })];
});
afterAll(async () => {
  for (const node of nodes) await node.close();
  await removeRedisKeys([REDIS_PREFIX]);
  await rm(dataDir, { recursive: true, force: true });
});

const minutes = (count: number) => count * 60_000;

async function login(node: number, email: string, password: string, remoteAddress = '10.0.0.1') {
  const response = await nodes[node]!.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password } });
  return { status: response.statusCode, retryAfter: Number(response.headers['retry-after'] ?? 0) };
}

describe('sign-in lockout', () => {
  it('pauses an account after five wrong passwords on every node, the pause doubling with each further failure', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(attempt % 2, 'ana@shop.example', 'wrong password')).status).toBe(401);
    // The right password, on the other node, from another address: still paused.
    const paused = await login(1, 'ana@shop.example', PASSWORD, '10.0.0.9');
    expect(paused.status).toBe(429);
    expect(paused.retryAfter).toBe(60);
    expect((await login(0, 'bo@shop.example', PASSWORD)).status).toBe(200);

    clock += minutes(1) + 1000;
    expect((await login(0, 'ana@shop.example', 'wrong again')).status).toBe(401);
    expect(await login(1, 'ana@shop.example', PASSWORD)).toMatchObject({ status: 429, retryAfter: 120 });
    clock += minutes(2) + 1000;
    expect((await login(1, 'ana@shop.example', PASSWORD)).status).toBe(200);
    // A right password clears the account's failures.
    expect((await login(0, 'ana@shop.example', 'wrong')).status).toBe(401);
    expect((await login(0, 'ana@shop.example', PASSWORD)).status).toBe(200);
  });

  it('pauses an unknown e-mail alike, so a pause tells nothing about which accounts exist', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(0, 'nobody@shop.example', 'guess', '10.0.0.5')).status).toBe(401);
    expect((await login(1, 'nobody@shop.example', 'guess', '10.0.0.5')).status).toBe(429);
  });

  it('pauses an address after 20 failures across accounts, and serves other addresses', async () => {
    clock += minutes(30);
    for (let attempt = 0; attempt < 20; attempt++) expect((await login(attempt % 2, `guess-${attempt}@shop.example`, 'guess', '10.0.0.7')).status).toBe(401);
    expect((await login(0, 'bo@shop.example', PASSWORD, '10.0.0.7')).status).toBe(429);
    expect((await login(0, 'bo@shop.example', PASSWORD, '10.0.0.8')).status).toBe(200);
    clock += minutes(16);
    expect((await login(1, 'bo@shop.example', PASSWORD, '10.0.0.7')).status).toBe(200);
  });
});
