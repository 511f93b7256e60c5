// borderless try "<text>" [--lang xx] [--json]: what the bot would answer to one message (a dry run: effects are
// listed, never performed).
import type { Config } from '../config.js';
import { dryRunTurn, type ListedEffect } from '../conversations/index.js';
import { createOrderSource } from '../orders/index.js';
import { commandLogger, loadCatalogue, loadContentOrExit } from './load-content.js';

/** One line per effect a real turn would carry out. */
export function describeEffects(effects: ListedEffect[]): string {
  if (effects.length === 0) return '-';
  return effects
    .map(({ performed: _performed, assumed, type, ...details }) => `${type} ${JSON.stringify(details)} (not performed${assumed ? `; assumed ${assumed}` : ''})`)
    .join('\n           ');
}

export async function tryCommand(config: Config, text: string, options: { lang?: string; json?: boolean; product?: string }): Promise<number> {
  const snapshot = await loadContentOrExit(config);
  const catalogue = await loadCatalogue(config);
  const context = { ...(catalogue ? { catalogue } : {}), ...(options.product ? { page: { product: options.product } } : {}) };
  const result = await dryRunTurn(snapshot, { text, language: options.lang, now: new Date(), context }, { orders: createOrderSource(config, commandLogger) });
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
    ...(result.flow ? [`flow       ${result.flow.name}: ${result.flow.step}${result.flow.waitingFor ? `, waiting for ${result.flow.waitingFor}` : ''}`] : []),
    `effects    ${describeEffects(result.effects)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
