// borderless classify [FILE]: JSON Lines in ({"text", "hint"?}), one JSON line out per line, in the same order.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Config } from '../config.js';
import { understand } from '../pipeline/index.js';
import { loadContentOrExit } from './load-content.js';

export async function classifyCommand(config: Config, file?: string): Promise<number> {
  const snapshot = await loadContentOrExit(config);
  const input = file && file !== '-' ? createReadStream(file, 'utf8') : process.stdin;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let failures = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    let output: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(line);
      const record = (parsed ?? {}) as { text?: unknown; hint?: unknown };
      if (typeof record.text !== 'string') throw new Error('each line needs a "text" string');
      const hint = typeof record.hint === 'string' ? record.hint : undefined;
      const { language, intent, entities } = understand(snapshot, record.text, { locale: hint });
      output = {
        text: record.text,
        language: language.isSupported ? language.language : language.detected,
        languageConfidence: language.confidence,
        intent: intent.intent,
        confidence: intent.confidence,
        confident: language.isSupported && intent.confident,
        alternatives: intent.alternatives,
        entities,
      };
    } catch (error) {
      failures++;
      output = { text: null, error: (error as Error).message };
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
  if (failures > 0) process.stderr.write(`${failures} line(s) could not be classified\n`);
  return 0;
}
