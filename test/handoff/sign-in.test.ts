// The sign-in rules on the memory store: an audited session for the right password, a pause after wrong ones,
// a cap on attempts per address, and a sign-out that ends the session.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgentAuth, createAgentDirectory, createSignIn, LockedOut, LOGIN_ATTEMPTS_PER_MINUTE, saveStoredAgent } from '../../src/handoff/index.js';
import { createMemoryStore, type Store } from '../../src/store/index.js';

const PASSWORD = 'correct horse battery';
let dataDir: string;
let store: Store;
let clock: Date;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'borderless-sign-in-'));
  store = createMemoryStore();
  clock = new Date('2026-12-07T09:00:00Z');
  await saveStoredAgent(store, { email: 'ana@shop.example', name: 'Ana', languages: ['es', 'en'], role: 'agent', password: PASSWORD });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function signIn() {
  const now = () => clock;
  const auth = createAgentAuth({ store, directory: createAgentDirectory({ store, dataDir }), sessionHours: 8, now });
  return { auth, agents: createSignIn({ store, auth, now }) };
}

describe('agents signing in', () => {
  it('gives a session for the right password and audits the sign-in and the sign-out, which ends the session', async () => {
    const { auth, agents } = signIn();
    const session = await agents.signIn('ana@shop.example', PASSWORD, '203.0.113.7');
    expect(session.agent).toMatchObject({ email: 'ana@shop.example', name: 'Ana' });
    expect((await auth.authenticate(session.token)).agent.id).toBe(session.agent.id);
    await agents.signOut(session.token);
    await expect(auth.authenticate(session.token)).rejects.toMatchObject({ code: 'unauthorized' });
    expect((await store.listAudit(10)).map((entry) => entry.action).sort()).toEqual(['login', 'logout']);
  });

  it('pauses the account after repeated wrong passwords, even for the right one, and says for how long', async () => {
    const { agents } = signIn();
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(agents.signIn('ana@shop.example', 'wrong password!', '203.0.113.7')).rejects.toMatchObject({
        code: expect.stringMatching(/unauthorized|rate_limited/),
      });
    }
    const refused = await agents.signIn('ana@shop.example', PASSWORD, '198.51.100.4').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LockedOut);
    expect((refused as LockedOut).retryAfterSeconds).toBeGreaterThan(0);
    expect(await store.listAudit(10)).toEqual([]);
  });

  it('refuses an address that tries too often within a minute, then lets it in a minute later', async () => {
    const { agents } = signIn();
    for (let attempt = 0; attempt < LOGIN_ATTEMPTS_PER_MINUTE; attempt++) await agents.signIn('ana@shop.example', PASSWORD, '203.0.113.9');
    await expect(agents.signIn('ana@shop.example', PASSWORD, '203.0.113.9')).rejects.toMatchObject({ code: 'rate_limited' });
    clock = new Date(clock.getTime() + 61_000);
    await expect(agents.signIn('ana@shop.example', PASSWORD, '203.0.113.9')).resolves.toHaveProperty('token');
  });

  it('refuses a sign-out without a valid session', async () => {
    const { agents } = signIn();
    await expect(agents.signOut(undefined)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(agents.signOut('not-a-token')).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
