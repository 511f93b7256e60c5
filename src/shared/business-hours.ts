// Business hours: "mon-fri 09:00-18:00, sat 10:00-14:00" in the store's time zone. Pure functions of the clock.
import { wallClock } from './clock.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface OpeningSpan {
  /** 1 (Monday) to 7. */
  weekday: number;
  /** Minutes after midnight. */
  opens: number;
  closes: number;
}

export type BusinessHours = OpeningSpan[];

const minutes = (clock: string) => {
  const [hours, mins] = clock.split(':').map(Number);
  return hours! * 60 + mins!;
};

/** Parses the BUSINESS_HOURS syntax; an empty string means always open. Throws on a malformed entry. */
export function parseBusinessHours(text: string): BusinessHours {
  const spans: BusinessHours = [];
  for (const part of text
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)) {
    // linear: anchored at both ends, and every repetition inside the optional day is bounded (three letters).
    const match = part.match(/^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/);
    const first = match ? DAYS.indexOf(match[1]!) : -1;
    const last = match?.[2] ? DAYS.indexOf(match[2]) : first;
    if (!match || first < 0 || last < 0 || minutes(match[3]!) >= minutes(match[4]!)) {
      throw new Error(`"${part}" is not like "mon-fri 09:00-18:00"`);
    }
    for (let day = first; ; day = (day + 1) % 7) {
      spans.push({ weekday: day + 1, opens: minutes(match[3]!), closes: minutes(match[4]!) });
      if (day === last) break;
    }
  }
  return spans;
}

function minuteOfWeek(now: Date, timeZone: string): { weekday: number; minute: number } {
  const { weekday, hour, minute } = wallClock(now, timeZone);
  return { weekday, minute: hour * 60 + minute };
}

export function isOpen(hours: BusinessHours, now: Date, timeZone: string): boolean {
  if (hours.length === 0) return true;
  const { weekday, minute } = minuteOfWeek(now, timeZone);
  return hours.some((span) => span.weekday === weekday && minute >= span.opens && minute < span.closes);
}

const QUARTER_HOUR = 15 * 60_000;
const QUARTER_HOURS_IN_A_WEEK = 7 * 24 * 4;

/** When the store next opens: now if it is open, else the first open quarter hour in the coming week. */
export function nextOpening(hours: BusinessHours, now: Date, timeZone: string): Date | undefined {
  if (isOpen(hours, now, timeZone)) return now;
  const firstQuarter = Math.ceil(now.getTime() / QUARTER_HOUR) * QUARTER_HOUR;
  for (let step = 0; step <= QUARTER_HOURS_IN_A_WEEK; step++) {
    const candidate = new Date(firstQuarter + step * QUARTER_HOUR);
    if (isOpen(hours, candidate, timeZone)) return candidate;
  }
  return undefined;
}
