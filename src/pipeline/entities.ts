// Extracts what a shopper's message names: order numbers, tracking codes, e-mail addresses and countries.
import { findEmails, TRACKING_CODE } from '../shared/index.js';
import { normalizeCompatibly } from '../shared/index.js';
import { findCountry, type CountryIndex } from '../language/index.js';

export interface Entities {
  orderNumber?: string;
  trackingCode?: string;
  email?: string;
  /** ISO 3166-1 alpha-2 code of the first country named. */
  country?: string;
  /** The discount codes named ("SPRING10"), the store's own written as the store writes them. */
  promoCodes?: string[];
  /** An amount of money named with its currency ("25 €"), as an order's total. */
  amount?: { amount: number; currency: string };
}

/** An empty label ("a@b..com", "a@.b.com"): such an address is not kept, since it is kept to be written to. */
const EMPTY_DOMAIN_LABEL = /@\.|\.\./;
/**
 * "#100234", "order 100234", or a bare number of 5 to 12 digits; shorter numbers are quantities or sizes. linear:
 * (safe-regex2 cannot read the lookbehind) no repetition is nested, and none is followed by one that can read the
 * same characters (spaces, then digits), so each starting point costs a bounded amount of work.
 */
const ORDER_NUMBER = /(?:#|№|\bno\.?\s*|\bnr\.?\s*|\bn[°º]\s*)(\d{4,12})\b|(?<![\d.,:/+-])\b(\d{5,12})\b(?![.,:/]\d)/iu;
const ARABIC_INDIC_DIGITS = /[٠-٩۰-۹]/g;

function normalizeDigits(text: string): string {
  return normalizeCompatibly(text, 'NFKC').replace(ARABIC_INDIC_DIGITS, (digit) => String(((digit.charCodeAt(0) - 0x0660) % 0x90) % 10));
}

/** Both shapes of an order number have four digits in a row: most messages have none and skip the pattern. */
const FOUR_DIGITS = /\d{4}/;

export function extractEntities(text: string, countries: CountryIndex): Entities {
  const normalized = normalizeDigits(text);
  const entities: Entities = {};
  const email = findEmails(normalized).find((found) => !EMPTY_DOMAIN_LABEL.test(found.email))?.email;
  if (email) entities.email = email;
  const withoutEmail = email ? normalized.replace(email, ' ') : normalized;
  const tracking = withoutEmail.match(TRACKING_CODE)?.[0];
  if (tracking) entities.trackingCode = tracking.toUpperCase();
  const withoutCodes = tracking ? withoutEmail.replace(tracking, ' ') : withoutEmail;
  const order = FOUR_DIGITS.test(withoutCodes) ? withoutCodes.match(ORDER_NUMBER) : null;
  if (order) entities.orderNumber = order[1] ?? order[2];
  const country = findCountry(withoutCodes, countries);
  if (country) entities.country = country;
  return entities;
}
