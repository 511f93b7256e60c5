// Agents and operators with scrypt-hashed passwords, added with `borderless agents add`: kept in the store, which
// every node shares, and read from DATA_DIR/agents.json too, which is imported into the store at start.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LanguageCode } from '../knowledge/index.js';
import type { Store } from '../store/index.js';
import { hashPassword } from './passwords.js';

export const Role = z.enum(['agent', 'operator']);
export type Role = z.infer<typeof Role>;

export const AgentRecord = z.object({
  id: z.string().min(1),
  email: z.email(),
  name: z.string().min(1).max(100),
  languages: z.array(LanguageCode).min(1),
  role: Role,
  passwordHash: z.string().startsWith('scrypt$'),
});
export type AgentRecord = z.infer<typeof AgentRecord>;

/** What others may see of an agent: never the hash. */
export type Agent = Omit<AgentRecord, 'passwordHash'>;
export const publicAgent = ({ passwordHash: _hash, ...agent }: AgentRecord): Agent => agent;

const AgentsFile = z.object({ agents: z.array(AgentRecord) });
export const MIN_PASSWORD_LENGTH = 10;

const agentsPath = (dataDir: string) => path.join(dataDir, 'agents.json');

export async function loadAgents(dataDir: string): Promise<AgentRecord[]> {
  let text: string;
  try {
    text = await readFile(agentsPath(dataDir), 'utf8');
  } catch {
    return [];
  }
  return AgentsFile.parse(JSON.parse(text)).agents;
}

export interface AgentInput {
  email: string;
  name: string;
  languages: string[];
  role: Role;
  password: string;
}

/** The record kept for an added agent, or for a change to the one with this e-mail (keeping its id). */
async function agentRecord(input: AgentInput, agents: AgentRecord[]): Promise<AgentRecord> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const email = input.email.trim().toLowerCase();
  return AgentRecord.parse({
    id: agents.find((agent) => agent.email === email)?.id ?? randomUUID(),
    email,
    name: input.name.trim(),
    languages: input.languages,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
}

/** Adds an agent to DATA_DIR/agents.json, or updates the one with this e-mail (name, languages, role and password). */
export async function saveAgent(dataDir: string, input: AgentInput): Promise<Agent> {
  const agents = await loadAgents(dataDir);
  const record = await agentRecord(input, agents);
  const next = agents.some((agent) => agent.id === record.id) ? agents.map((agent) => (agent.id === record.id ? record : agent)) : [...agents, record];
  await mkdir(dataDir, { recursive: true });
  // Written beside and renamed over, so a crash never leaves half a file.
  const temporary = `${agentsPath(dataDir)}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ agents: next }, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, agentsPath(dataDir));
  return publicAgent(record);
}

/** The agents kept in the store, whose shape is checked here: the store keeps them as data. */
async function storedAgents(store: Pick<Store, 'listAgents'>): Promise<AgentRecord[]> {
  return (await store.listAgents()).flatMap((agent) => {
    const parsed = AgentRecord.safeParse(agent);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Adds an agent to the store's directory, which every node sharing the store reads, or updates the one with this e-mail. */
export async function saveStoredAgent(store: Pick<Store, 'listAgents' | 'saveAgent'>, input: AgentInput): Promise<Agent> {
  const record = await agentRecord(input, await storedAgents(store));
  await store.saveAgent(record);
  return publicAgent(record);
}

/**
 * Who the agents are: the store's directory, and DATA_DIR/agents.json for those not in it (by e-mail), so that an
 * agent added to the file is known without a restart. Sign-in reads it afresh; names in lists and system lines
 * come from a copy at most a few seconds old (every queue update asks).
 */
export function createAgentDirectory({
  store,
  dataDir,
  maxAgeMs = 2000,
}: {
  store: Pick<Store, 'listAgents' | 'saveAgent'>;
  dataDir: string;
  maxAgeMs?: number;
}) {
  async function records(): Promise<AgentRecord[]> {
    const [stored, filed] = await Promise.all([storedAgents(store), loadAgents(dataDir)]);
    const emails = new Set(stored.map((agent) => agent.email));
    return [...stored, ...filed.filter((agent) => !emails.has(agent.email))];
  }
  let cached: { at: number; agents: Promise<Map<string, Agent>> } | undefined;
  const all = () => {
    if (!cached || Date.now() - cached.at > maxAgeMs) {
      const agents = records().then((found) => new Map(found.map((record) => [record.id, publicAgent(record)])));
      cached = { at: Date.now(), agents };
      agents.catch(() => (cached = undefined));
    }
    return cached.agents;
  };
  return {
    all,
    find: async (agentId: string) => (await all()).get(agentId),
    /** Every agent with its password hash, read now (for sign-in). */
    records,
    /** Copies the agents of DATA_DIR/agents.json that the store does not have into it, for every node to see. */
    async importFile(): Promise<number> {
      const emails = new Set((await storedAgents(store)).map((agent) => agent.email));
      const added = (await loadAgents(dataDir)).filter((agent) => !emails.has(agent.email));
      for (const agent of added) await store.saveAgent(agent);
      return added.length;
    },
  };
}

export type AgentDirectory = ReturnType<typeof createAgentDirectory>;
