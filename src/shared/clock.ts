// Time as the program reads it: an injected clock (tests pass their own), and the wall clock in a time zone.
import { dateTimeFormat } from './intl.js';

/** Where the program reads the current time; injected everywhere so that tests and previews can choose it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const CLOCK: Intl.DateTimeFormatOptions = { hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };

/** The wall clock in a time zone: hour and minute, weekday 1 (Monday) to 7, date YYYY-MM-DD. */
export function wallClock(now: Date, timeZone: string): { hour: number; minute: number; weekday: number; date: string } {
  const parts = Object.fromEntries(dateTimeFormat('en-US', { ...CLOCK, timeZone }).formatToParts(now).map((part) => [part.type, part.value]));
  return { hour: Number(parts.hour), minute: Number(parts.minute), weekday: weekdays[parts.weekday!] ?? 1, date: `${parts.year}-${parts.month}-${parts.day}` };
}
