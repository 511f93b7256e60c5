// borderless agents add --email E --name N --languages en,es [--role agent|operator] [--password P]
// borderless agents list
// Without --password the password is read from standard input (one line), so it stays out of shell history.
import { createInterface } from 'node:readline';
import type { Config } from '../config.js';
import { createAgentDirectory, MIN_PASSWORD_LENGTH, Role, saveAgent, saveStoredAgent, type AgentInput } from '../handoff/index.js';
import { createRedisStore, type Store } from '../store/index.js';

/** Runs `use` with the Redis store when REDIS_URL is set (closed afterwards), else with no store entries. */
async function withSharedStore<T>(config: Config, use: (store: Pick<Store, 'listAgents' | 'saveAgent'>) => Promise<T>): Promise<T> {
  if (!config.REDIS_URL) return use({ listAgents: async () => [], saveAgent: async () => {} });
  const store = createRedisStore(config.REDIS_URL, { prefix: config.REDIS_PREFIX });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

export async function agentsCommand(
  config: Config,
  action: string | undefined,
  options: { email?: string; name?: string; languages?: string; role?: string; password?: string },
): Promise<number> {
  if (action === 'list') {
    const agents = await withSharedStore(config, (store) => createAgentDirectory({ store, dataDir: config.DATA_DIR }).records());
    for (const agent of agents) {
      process.stdout.write(`${agent.email}\t${agent.name}\t${agent.role}\t${agent.languages.join(',')}\n`);
    }
    return 0;
  }
  if (action !== 'add' || !options.email || !options.name || !options.languages) {
    process.stderr.write(
      'usage: borderless agents add --email E --name N --languages en,es [--role agent|operator] [--password P]\n       borderless agents list\n',
    );
    return 2;
  }
  const role = Role.safeParse(options.role ?? 'agent');
  if (!role.success) {
    process.stderr.write('--role is agent or operator\n');
    return 2;
  }
  try {
    const input: AgentInput = {
      email: options.email,
      name: options.name,
      languages: options.languages
        .split(',')
        .map((language) => language.trim().toLowerCase())
        .filter(Boolean),
      role: role.data,
      password: options.password ?? (await readPassword()),
    };
    // With REDIS_URL the agent goes where every node reads it; else into DATA_DIR/agents.json.
    const agent = config.REDIS_URL ? await withSharedStore(config, (store) => saveStoredAgent(store, input)) : await saveAgent(config.DATA_DIR, input);
    const where = config.REDIS_URL ? 'the shared directory (Redis)' : `${config.DATA_DIR}/agents.json`;
    process.stdout.write(`saved ${agent.role} ${agent.name} <${agent.email}> (${agent.languages.join(', ')}) in ${where}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}
