// First stage: Unicode NFC and trimmed whitespace; an over-long or empty message is refused with a clear error.
import { AppError } from '../shared/errors.js';

export const MAX_MESSAGE_LENGTH = 2000;

export function normalizeText(raw: string, maxLength = MAX_MESSAGE_LENGTH): string {
  // Trimming first lets a long run of trailing spaces through; counting code points treats emoji as one.
  const text = raw.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  const length = [...text].length;
  if (length > maxLength) {
    throw new AppError('message_too_long', `message is ${length} characters long; the limit is ${maxLength}`);
  }
  return text;
}
