import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, parseBusinessHours } from '../../src/shared/business-hours.js';

const hours = parseBusinessHours('mon-fri 09:00-18:00, sat 10:00-14:00');

describe('business hours', () => {
  it('is open on a weekday afternoon in the store time zone, not at night or on Sunday', () => {
    expect(isOpen(hours, new Date('2026-11-23T10:00:00Z'), 'Europe/Berlin')).toBe(true); // Monday 11:00 in Berlin
    expect(isOpen(hours, new Date('2026-11-23T17:30:00Z'), 'Europe/Berlin')).toBe(false); // Monday 18:30
    expect(isOpen(hours, new Date('2026-11-22T12:00:00Z'), 'Europe/Berlin')).toBe(false); // Sunday
    expect(isOpen(hours, new Date('2026-11-21T12:00:00Z'), 'Europe/Berlin')).toBe(true); // Saturday 13:00
  });

  it('names the next opening: Monday morning after a Saturday afternoon', () => {
    expect(nextOpening(hours, new Date('2026-11-21T14:00:00Z'), 'Europe/Berlin')).toEqual(new Date('2026-11-23T08:00:00Z'));
  });

  it('is always open without hours, and refuses a malformed entry', () => {
    expect(isOpen(parseBusinessHours(''), new Date(), 'UTC')).toBe(true);
    expect(() => parseBusinessHours('weekdays 9-5')).toThrow(/mon-fri 09:00-18:00/);
    expect(() => parseBusinessHours('mon 18:00-09:00')).toThrow();
  });
});
