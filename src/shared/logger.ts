// The one Logger type: pino's, narrowed to the levels modules log at, so the app's logger (or a child) fits
// everywhere and a test passes a pino logger writing to a stream it reads.
import type { Logger as PinoLogger } from 'pino';

export type Logger = Pick<PinoLogger, 'debug' | 'info' | 'warn' | 'error'>;
