// Time as the program reads it: an injected clock (tests pass their own), and the wall clock in a time zone.

/** Where the program reads the current time; injected everywhere so that tests and previews can choose it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
// Building a DateTimeFormat costs far more than using one: one per time zone, kept.
const clocks = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in a time zone: hour and minute, weekday 1 (Monday) to 7, date YYYY-MM-DD. */
export function wallClock(now: Date, timeZone: string): { hour: number; minute: number; weekday: number; date: string } {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    clocks.set(timeZone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(now).map((part) => [part.type, part.value]));
  return { hour: Number(parts.hour), minute: Number(parts.minute), weekday: weekdays[parts.weekday!] ?? 1, date: `${parts.year}-${parts.month}-${parts.day}` };
}
