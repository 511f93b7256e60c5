// First stage: Unicode NFC, invisible controls removed and trimmed whitespace; an over-long or empty message is
// refused with a clear error.
import { AppError } from '../shared/index.js';

export const MAX_MESSAGE_LENGTH = 2000;

/**
 * Characters that change how text looks without being seen, removed from every stored message. Bidirectional
 * overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks reorder what follows
 * them: "ann<RLO>fdp.exe" shows as "annexe.pdf", and an order number or e-mail address can show as another one in
 * the agents' console. Zero-width spaces, joiners, the word joiner, invisible operators, the soft hyphen and the byte
 * order mark hide inside words: two messages that look the same differ, and "re<ZWSP>fund" slips past a rule that
 * looks for "refund".
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/**
 * The zero-width joiner, harmless only inside an emoji sequence (👩‍💻), where it is kept. linear: (safe-regex2
 * cannot read lookbehinds) one character, looking at most two characters around it.
 */
const JOINER_OUTSIDE_EMOJI = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** The text without invisible formatting characters (for any text a person will read: messages, comments). */
export const withoutInvisibles = (text: string): string => text.replace(INVISIBLE, '').replace(JOINER_OUTSIDE_EMOJI, '');

export function normalizeText(raw: string, maxLength = MAX_MESSAGE_LENGTH): string {
  // Trimming first lets a long run of trailing spaces through; counting code points treats emoji as one.
  const text = withoutInvisibles(raw.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')).trim();
  const length = [...text].length;
  if (length > maxLength) {
    throw new AppError('message_too_long', `message is ${length} characters long; the limit is ${maxLength}`);
  }
  return text;
}
