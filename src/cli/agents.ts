// borderless agents add --email E --name N --languages en,es [--role agent|operator] [--password P]
// borderless agents list
// Without --password the password is read from standard input (one line), so it stays out of shell history.
import { createInterface } from 'node:readline';
import type { Config } from '../config.js';
import { loadAgents, MIN_PASSWORD_LENGTH, Role, saveAgent } from '../handoff/index.js';

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
    for (const agent of await loadAgents(config.DATA_DIR)) {
      process.stdout.write(`${agent.email}\t${agent.name}\t${agent.role}\t${agent.languages.join(',')}\n`);
    }
    return 0;
  }
  if (action !== 'add' || !options.email || !options.name || !options.languages) {
    process.stderr.write('usage: borderless agents add --email E --name N --languages en,es [--role agent|operator] [--password P]\n       borderless agents list\n');
    return 2;
  }
  const role = Role.safeParse(options.role ?? 'agent');
  if (!role.success) {
    process.stderr.write('--role is agent or operator\n');
    return 2;
  }
  try {
    const agent = await saveAgent(config.DATA_DIR, {
      email: options.email,
      name: options.name,
      languages: options.languages.split(',').map((language) => language.trim().toLowerCase()).filter(Boolean),
      role: role.data,
      password: options.password ?? (await readPassword()),
    });
    process.stdout.write(`saved ${agent.role} ${agent.name} <${agent.email}> (${agent.languages.join(', ')}) in ${config.DATA_DIR}/agents.json\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}
