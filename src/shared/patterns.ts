// Shapes of text several stages look for: written once, compiled with the flags each use needs.
/** An e-mail address, loosely: enough to mask it or to treat it as one token. */
export const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
/** UPU S10 (two letters, nine digits, two letters) and UPS 1Z tracking codes. */
export const TRACKING_CODE = /\b(?:[A-Z]{2}\d{9}[A-Z]{2}|1Z[0-9A-Z]{16})\b/i;

/** The same pattern, matching every occurrence. */
export const everywhere = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags}g`);
