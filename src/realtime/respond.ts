// Answers a socket ack safely: handlers never throw into Socket.IO, and a missing ack is not an error.
import { AppError, type Ack } from '../shared/index.js';

export type AckFunction = (response: Ack<Record<string, unknown>>) => void;

export const asAck = (candidate: unknown): AckFunction => (typeof candidate === 'function' ? (candidate as AckFunction) : () => {});

export function errorAck(error: unknown): Ack {
  if (error instanceof AppError) return { ok: false, error: error.toJSON() };
  return { ok: false, error: { code: 'internal', message: 'the server could not handle this; please try again' } };
}
