// Agents and operators, kept in DATA_DIR/agents.json with scrypt-hashed passwords; added with `borderless agents add`.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LanguageCode } from '../knowledge/index.js';
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

/** Adds an agent, or updates the one with this e-mail (name, languages, role and password). */
export async function saveAgent(
  dataDir: string,
  input: { email: string; name: string; languages: string[]; role: Role; password: string },
): Promise<Agent> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const agents = await loadAgents(dataDir);
  const email = input.email.trim().toLowerCase();
  const existing = agents.find((agent) => agent.email === email);
  const record = AgentRecord.parse({
    id: existing?.id ?? randomUUID(),
    email,
    name: input.name.trim(),
    languages: input.languages,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  const next = existing ? agents.map((agent) => (agent.id === existing.id ? record : agent)) : [...agents, record];
  await mkdir(dataDir, { recursive: true });
  // Written beside and renamed over, so a crash never leaves half a file.
  const temporary = `${agentsPath(dataDir)}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ agents: next }, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, agentsPath(dataDir));
  return publicAgent(record);
}

/**
 * Who the agents are, by id, for names in lists and system lines: agents.json read again at most every few seconds
 * (every queue update asks), so a new agent appears without a restart.
 */
export function createAgentDirectory(dataDir: string, maxAgeMs = 2000) {
  let cached: { at: number; agents: Promise<Map<string, Agent>> } | undefined;
  const all = () => {
    if (!cached || Date.now() - cached.at > maxAgeMs) {
      const agents = loadAgents(dataDir).then((records) => new Map(records.map((record) => [record.id, publicAgent(record)])));
      cached = { at: Date.now(), agents };
      agents.catch(() => (cached = undefined));
    }
    return cached.agents;
  };
  return {
    all,
    find: async (agentId: string) => (await all()).get(agentId),
  };
}

export type AgentDirectory = ReturnType<typeof createAgentDirectory>;
