// borderless chat: a conversation with the bot in the terminal; under each reply, what the bot understood.
import { createInterface } from 'node:readline';
import type { Config } from '../config.js';
import { dryRunTurn, type DryRunResult } from '../conversations/index.js';
import { createOrderSource } from '../orders/index.js';
import type { ConversationState } from '../pipeline/index.js';
import type { QuickReply } from '../knowledge/index.js';
import { commandLogger, loadContentOrExit } from './load-content.js';
import { describeEffects } from './try.js';

const dim = (text: string) => (process.stdout.isTTY ? `\u001b[2m${text}\u001b[22m` : text);

export function describeResult(result: DryRunResult): string {
  const { language, intent } = result;
  const languageText = language.isSupported ? language.language : `${language.detected} (not supported, answering in ${language.language})`;
  const alternatives = intent.alternatives
    .slice(0, 2)
    .map((alternative) => `${alternative.intent} ${alternative.confidence.toFixed(2)}`)
    .join(', ');
  return [
    `  language ${languageText} · intent ${intent.intent} ${intent.confidence.toFixed(2)}${intent.confident ? '' : ' (not confident)'}${alternatives ? ` · also ${alternatives}` : ''}`,
    `  rule ${result.rule ?? '(none)'} → ${result.action}${result.reply ? ` ${(result.reply.parts ?? [result.reply.templateId]).join(' + ')}` : ''}${Object.keys(result.entities).length ? ` · entities ${JSON.stringify(result.entities)}` : ''}${result.conversation.awaiting ? ` · awaiting ${result.conversation.awaiting.slot}` : ''}`,
    ...(result.topic && result.topic.from !== 'message' ? [`  topic ${result.topic.intent} (from ${result.topic.from.replace('_', ' ')})`] : []),
    ...(result.flow ? [`  flow ${result.flow.name}: ${result.flow.step}`] : []),
    ...(result.effects.length ? [`  effects ${describeEffects(result.effects)}`] : []),
  ].join('\n');
}

export async function chatCommand(config: Config, options: { lang?: string }): Promise<number> {
  const snapshot = await loadContentOrExit(config);
  const orders = createOrderSource(config, commandLogger);
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  process.stdout.write(dim(`Borderless chat — ${snapshot.languages.length} languages. A number picks a quick reply; /reset starts over, /quit ends.\n`));
  let conversation: ConversationState | undefined;
  let quickReplies: QuickReply[] = [];
  terminal.setPrompt('you › ');
  terminal.prompt();
  try {
    for await (const input of terminal) {
      const line = input.trim();
      if (line === '/quit' || line === '/exit') break;
      if (line === '/reset') {
        conversation = undefined;
        quickReplies = [];
        process.stdout.write(dim('(a new conversation)\n'));
      }
      if (!line || line === '/reset') {
        terminal.prompt();
        continue;
      }
      const picked = /^\d$/.test(line) ? quickReplies[Number(line) - 1] : undefined;
      const result = await dryRunTurn(
        snapshot,
        { text: picked?.label ?? line, payload: picked?.value, language: options.lang, conversation, now: new Date() },
        { orders },
      );
      conversation = result.conversation;
      quickReplies = result.reply?.quickReplies ?? [];
      process.stdout.write(`bot › ${result.reply?.text ?? '(no reply)'}\n`);
      quickReplies.forEach((reply, index) => process.stdout.write(`      ${index + 1}) ${reply.label}\n`));
      if (result.handoff) process.stdout.write(dim(`  (handed off to a person: ${result.handoff.reason})\n`));
      process.stdout.write(`${dim(describeResult(result))}\n`);
      terminal.prompt();
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  } finally {
    terminal.close();
  }
  return 0;
}
