// A real pino logger, with the app's masking, writing to a stream the test reads: what operators would see.
import { pino } from 'pino';
import { loggerOptions } from '../src/observability/index.js';

export interface LogLine {
  level: string;
  /** The fields logged with the message (level, time and message left out). */
  object: Record<string, unknown>;
  message: string;
}

export function recordingLogger(level = 'debug') {
  const lines: LogLine[] = [];
  const logger = pino(
    { ...loggerOptions(level), base: null, timestamp: false },
    {
      write(chunk: string) {
        const { level: number, msg, ...object } = JSON.parse(chunk) as { level: number; msg: string };
        lines.push({ level: pino.levels.labels[number]!, object, message: msg });
      },
    },
  );
  return Object.assign(logger, { lines });
}
