// The borderless command line: one file per command, dispatched here.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { startServer } from '../server.js';
import { agentsCommand } from './agents.js';
import { chatCommand } from './chat.js';
import { checkCommand } from './check.js';
import { classifyCommand } from './classify.js';
import { packagesCommand } from './packages.js';
import { suggestCommand } from './suggest.js';
import { testCommand } from './test.js';
import { tryCommand } from './try.js';

const usage = `Usage: borderless <command>

  start [--workers N|auto]      serve the bot (port from PORT, default 3000); several worker processes
                                behind the one port (auto: one per core) need REDIS_URL
  check                         validate rules/, templates/, locales/, care/, packages/ and the catalogue
  try "<text>" [--lang xx] [--json] [--product ID]
                                show what the bot would answer
  classify [FILE]               JSON Lines {"text"} in (FILE or stdin), one result line out per line
  test [PATH]                   run conversation tests (default: conversation-tests/)
  chat [--lang xx]              talk to the bot in the terminal, seeing what it understood
  suggest [--server URL] [--json]
                                recent messages the bot was unsure of, grouped, to add as training phrases
  packages ORDER.json [--json]  what to put in the order's parcel (the file: an order, or {order, customer})
  agents add --email E --name N --languages en,es [--role agent|operator] [--password P]
  agents list                   the agents who can sign in to the console
`;

/** `--workers N` or `auto` (the machine's cores); one when not given; undefined when it is neither. */
function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return 1;
  if (value === 'auto') return os.availableParallelism();
  return /^[1-9][0-9]{0,2}$/.test(value) ? Number(value) : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      json: { type: 'boolean' },
      product: { type: 'string' },
      server: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      languages: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (!command || command === 'help' || values.help) {
    process.stdout.write(usage);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const workers = workerCount(values.workers);
      if (workers === undefined) {
        process.stderr.write(`--workers takes a number of processes (1 or more) or "auto" (one per core), not "${values.workers}"\n`);
        return 2;
      }
      await startServer(config, { workers });
      return -1;
    }
    case 'check':
      return checkCommand(config);
    case 'try':
      if (!positionals[0]) {
        process.stderr.write('try needs a message: borderless try "where is my order?"\n');
        return 2;
      }
      return tryCommand(config, positionals.join(' '), values);
    case 'classify':
      return classifyCommand(config, positionals[0]);
    case 'test':
      return testCommand(config, positionals[0]);
    case 'chat':
      return chatCommand(config, values);
    case 'suggest':
      return suggestCommand(config, values);
    case 'packages':
      return packagesCommand(config, positionals[0], values);
    case 'agents':
      return agentsCommand(config, positionals[0], values);
    default:
      process.stderr.write(`unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError || (error as Error).name === 'ContentError' ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`,
    );
    process.exitCode = 1;
  },
);
