// The agents directory is shared through Redis: an agent added on one node signs in on another, whatever each
// node's DATA_DIR holds.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentsCommand } from '../../src/cli/agents.js';
import { loadConfig } from '../../src/config.js';
import { saveAgent } from '../../src/handoff/agents.js';
import { removeRedisKeys, startTestServer, TEST_REDIS_URL } from '../helpers.js';

const REDIS_PREFIX = `borderless-test:${randomUUID()}:`;
const PASSWORD = 'correct horse battery';
const dataDirs: string[] = [];
let nodeA: Awaited<ReturnType<typeof startTestServer>>;
let nodeB: Awaited<ReturnType<typeof startTestServer>>;

async function signIn(url: string, email: string, password = PASSWORD) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, body: (await response.json()) as { agent?: { name: string } } };
}

beforeAll(async () => {
  for (const name of ['a', 'b']) dataDirs.push(await mkdtemp(path.join(tmpdir(), `borderless-agents-${name}-`)));
  // Node A was set up the old way: its agents are in its own DATA_DIR/agents.json.
  await saveAgent(dataDirs[0]!, { email: 'bo@shop.example', name: 'Bo', languages: ['ja'], role: 'agent', password: PASSWORD });
  nodeA = await startTestServer({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX, DATA_DIR: dataDirs[0]! });
  nodeB = await startTestServer({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX, DATA_DIR: dataDirs[1]! });
});

afterAll(async () => {
  await nodeA?.close();
  await nodeB?.close();
  for (const dataDir of dataDirs) await rm(dataDir, { recursive: true, force: true });
  await removeRedisKeys([REDIS_PREFIX]);
});

describe('the agents directory on two nodes', () => {
  it('lets an agent added on node A sign in on node B', async () => {
    expect((await signIn(nodeB.url, 'ana@shop.example')).status).toBe(401);
    const configA = loadConfig({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX, DATA_DIR: dataDirs[0]!, LOG_LEVEL: 'silent' });
    const code = await agentsCommand(configA, 'add', { email: 'Ana@Shop.example', name: 'Ana', languages: 'en,es', password: PASSWORD });
    expect(code).toBe(0);
    const signedIn = await signIn(nodeB.url, 'ana@shop.example');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.agent?.name).toBe('Ana');
    expect((await signIn(nodeB.url, 'ana@shop.example', 'not the password')).status).toBe(401);
  });

  it("brings the agents of a node's DATA_DIR/agents.json to every node", async () => {
    const signedIn = await signIn(nodeB.url, 'bo@shop.example');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.agent?.name).toBe('Bo');
  });
});
