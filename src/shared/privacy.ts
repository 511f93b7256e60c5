// Personal data kept out of logs and out of what operators review: e-mail addresses, phone numbers and card-like
// numbers. Order numbers (5 to 12 digits) stay, since they are what support needs.
import { replaceEmails } from './patterns.js';

/** 13 to 19 digits, maybe in groups: the shape of a payment card. */
const CARD = /\b\d(?:\d|[ -]\d){12,18}\b/g;
/**
 * A leading + and at least 8 digits, or 9+ digits written in groups: the shape of a phone number. linear: only a "+"
 * starts the first shape, and its run cannot hold another "+"; the second's repetitions are all bounded.
 */
const PHONE = /(?:\+\d[\d\s().-]{7,}\d)|\b\d{2,4}[\s.-]\d{2,4}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})?\b/g;

export function maskPersonalData(text: string): string {
  return replaceEmails(text, '<email>').replace(CARD, '<card>').replace(PHONE, '<phone>');
}

/** Masks every string inside a log record, at any depth. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskDeep(item, depth + 1)]));
}
