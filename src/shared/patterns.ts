// Shapes of text several stages look for: written once, compiled with the flags each use needs. Each runs in time
// linear in the message's length, whatever the message holds (see test/hardening/linear-text.test.ts).

/**
 * An e-mail address, loosely: enough to mask it or to treat it as one token. linear: the search stops only at an
 * "@" and reads the local part backwards from it, in a lookbehind, so a long run of letters without spaces
 * (Japanese, Cyrillic, "ﬃ", U+FDFA) is read once instead of once from each of its characters; every part is
 * bounded (a local part has at most 64 characters, a domain at most 253), and neither part can hold an "@", so each
 * "@" costs a bounded amount of work. The local part is group 1.
 */
const EMAIL_AT = /@(?<=([\p{L}\p{N}._%+-]{1,64})@)[\p{L}\p{N}.-]{1,253}\.\p{L}{2,63}/gu;

export interface FoundEmail {
  email: string;
  start: number;
  end: number;
}

/** Every e-mail address in a text, in order, none overlapping another. */
export function findEmails(text: string): FoundEmail[] {
  const found: FoundEmail[] = [];
  if (!text.includes('@')) return found;
  for (const match of text.matchAll(EMAIL_AT)) {
    const end = match.index + match[0].length;
    // A local part read backwards may reach into the previous address; it starts after that one at the earliest.
    const start = Math.max(match.index - match[1]!.length, found.at(-1)?.end ?? 0);
    if (start < match.index) found.push({ email: text.slice(start, end), start, end });
  }
  return found;
}

/** The text with each e-mail address replaced. */
export function replaceEmails(text: string, replacement: string | ((email: string) => string)): string {
  let result = '';
  let last = 0;
  for (const { email, start, end } of findEmails(text)) {
    result += text.slice(last, start) + (typeof replacement === 'string' ? replacement : replacement(email));
    last = end;
  }
  return last === 0 ? text : result + text.slice(last);
}

/** UPU S10 (two letters, nine digits, two letters) and UPS 1Z tracking codes. */
export const TRACKING_CODE = /\b(?:[A-Z]{2}\d{9}[A-Z]{2}|1Z[0-9A-Z]{16})\b/i;

/** The same pattern, matching every occurrence. linear: as linear as the pattern it is given. */
export const everywhere = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags}g`);
