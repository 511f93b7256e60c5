// borderless suggest [--server URL] [--json]: recent messages the bot was not confident about, grouped by language
// and the intent it guessed, read from a running server with the operator token.
import type { Config } from '../config.js';
import type { SuggestionGroup } from '../learning/index.js';

export async function suggestCommand(config: Config, options: { server?: string; json?: boolean }): Promise<number> {
  const server = options.server ?? `http://127.0.0.1:${config.PORT}`;
  if (!config.OPERATOR_TOKEN) {
    process.stderr.write("set OPERATOR_TOKEN to the running server's operator token\n");
    return 2;
  }
  let groups: SuggestionGroup[];
  try {
    const response = await fetch(`${server}/api/v1/admin/suggestions`, { headers: { authorization: `Bearer ${config.OPERATOR_TOKEN}` } });
    if (!response.ok) throw new Error(`the server answered ${response.status}: ${await response.text()}`);
    ({ groups } = (await response.json()) as { groups: SuggestionGroup[] });
  } catch (error) {
    process.stderr.write(`cannot read suggestions from ${server}: ${(error as Error).message}\n`);
    return 1;
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(groups, null, 2)}\n`);
    return 0;
  }
  if (groups.length === 0) process.stdout.write('no unclear messages recently\n');
  for (const group of groups) {
    process.stdout.write(`\n${group.language} · guessed ${group.guessedIntent} · ${group.count} message(s)\n`);
    for (const message of group.messages.slice(0, 10)) {
      process.stdout.write(`  ${String(message.count).padStart(3)}×  ${JSON.stringify(message.text)}  (${message.confidence.toFixed(2)})\n`);
    }
  }
  process.stdout.write(
    `\nAdd the ones you recognise to locales/<lang>/intents.json under the right intent; check with \`borderless check\` and \`borderless test\`.\n`,
  );
  return 0;
}
