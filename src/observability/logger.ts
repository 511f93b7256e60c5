// pino options: one JSON line per event; e-mails, phone and card numbers never reach the log, wherever they appear.
import type { LoggerOptions } from 'pino';
import { maskDeep, maskPersonalData } from '../shared/index.js';

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    formatters: { log: (record) => maskDeep(record) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
}
