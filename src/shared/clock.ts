// Time as the program reads it: an injected clock (tests pass their own), and the wall clock in a time zone.
import { dateTimeFormat } from './intl.js';

/** Where the program reads the current time; injected everywhere so that tests and previews can choose it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const CLOCK: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
};

export interface WallClock {
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
  readonly date: string;
}

// A time zone's wall clock changes once a minute at most, and formatToParts costs microseconds on every message:
// the last reading per time zone is kept with the minute it was read in.
const lastReadings = new Map<string, { minute: number; clock: WallClock }>();

/** The wall clock in a time zone: hour and minute, weekday 1 (Monday) to 7, date YYYY-MM-DD. */
export function wallClock(now: Date, timeZone: string): WallClock {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastReadings.get(timeZone);
  if (last?.minute === minute) return last.clock;
  const parts = Object.fromEntries(
    dateTimeFormat('en-US', { ...CLOCK, timeZone })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const clock = Object.freeze({
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays[parts.weekday!] ?? 1,
    date: `${parts.year}-${parts.month}-${parts.day}`,
  });
  if (lastReadings.size > 1000) lastReadings.clear();
  lastReadings.set(timeZone, { minute, clock });
  return clock;
}
