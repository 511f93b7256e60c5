// borderless try "<text>" [--lang xx] [--json]: what the bot would answer to one message.
import type { Config } from '../config.js';
import { createOrderSource } from '../orders/index.js';
import { runPipeline } from '../pipeline/index.js';
import { commandLogger, loadContentOrExit } from './load-content.js';

export async function tryCommand(config: Config, text: string, options: { lang?: string; json?: boolean }): Promise<number> {
  const snapshot = await loadContentOrExit(config.CONTENT_DIR);
  const result = await runPipeline(snapshot, { text, language: options.lang, now: new Date(), orders: createOrderSource(config, commandLogger) });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const lines = [
    result.reply ? result.reply.text : '(no reply)',
    ...(result.reply?.quickReplies ?? []).map((quickReply) => `  [${quickReply.label}]`),
    '',
    `language   ${result.language.language}${result.language.isSupported ? '' : ` (detected ${result.language.detected}, not supported)`} (${result.language.confidence.toFixed(2)}, ${result.language.source})`,
    `intent     ${result.intent.intent} (${result.intent.confidence.toFixed(2)}${result.intent.confident ? ', confident' : ', not confident'})`,
    `also       ${result.intent.alternatives.map((alternative) => `${alternative.intent} ${alternative.confidence.toFixed(2)}`).join(', ') || '-'}`,
    `entities   ${JSON.stringify(result.entities)}`,
    `rule       ${result.rule ?? '(none)'} → ${result.action}${result.handoff ? ` (hand-off: ${result.handoff.reason})` : ''}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
