import { describe, expect, it } from 'vitest';
import { fromParisParts, toParisDate, toParisDateTime } from '../../src/extract/paris-time.js';

// The reference: the system's time-zone database, through Intl (what the module computed before it
// had the EU rule of its own). Swedish writes dates and times the ISO way: "2024-03-31 03:30:00".
const PARIS_LOCAL = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' });
const PARIS_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });
function reference(time: number): string {
  const offset = PARIS_OFFSET.formatToParts(time).find((part) => part.type === 'timeZoneName')?.value ?? '';
  return `${PARIS_LOCAL.format(time).replace(' ', 'T')}${offset === 'GMT' ? '+00:00' : offset.slice(3)}`;
}

/** Last Sunday of a month (0-based), as a day of the month. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * Instants every 15 minutes from the day before to the day after the last Sundays of March,
 * September and October (France changed clocks in September until 1995), and every 29 hours
 * through the year (an odd step, so every hour of the day is met).
 */
function instantsOf(year: number): number[] {
  const times: number[] = [];
  for (const month of [2, 8, 9]) {
    const sunday = lastSunday(year, month);
    for (let t = Date.UTC(year, month, sunday - 1); t < Date.UTC(year, month, sunday + 2); t += 15 * 60_000) times.push(t);
  }
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 29 * 3_600_000) times.push(t);
  return times;
}

describe('Paris local time', () => {
  it('agrees with the time-zone database at every clock change and through the year, 1990–2040', () => {
    const mismatches: string[] = [];
    for (let year = 1990; year <= 2040; year++) {
      for (const t of instantsOf(year)) {
        const ours = toParisDateTime(new Date(t));
        if (ours !== reference(t)) mismatches.push(`${new Date(t).toISOString()}: ${ours} vs ${reference(t)}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('turns a Paris wall-clock time back into the same instant', () => {
    const mismatches: string[] = [];
    for (const year of [1990, 1996, 2017, 2024, 2031]) {
      for (const t of instantsOf(year)) {
        const text = toParisDateTime(new Date(t));
        const [date = '', time = ''] = text.split('T');
        const [y, mo, d] = date.split('-').map(Number);
        const [h, mi, s] = time.slice(0, 8).split(':').map(Number);
        const back = fromParisParts({ year: y ?? 0, month: mo ?? 0, day: d ?? 0, hour: h ?? 0, minute: mi ?? 0, second: s ?? 0 });
        // In the autumn overlap a wall-clock time names two instants: the first (summer time) is the answer.
        const sameInstant = back.getTime() === t;
        const overlap = back.getTime() === t - 3_600_000 && toParisDateTime(back).slice(0, 19) === text.slice(0, 19);
        if (!sameInstant && !overlap) mismatches.push(`${text} came back as ${toParisDateTime(back)}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('reads an hour of the autumn overlap as summer time and an hour of the spring gap an hour later', () => {
    expect(toParisDateTime(fromParisParts({ year: 2024, month: 10, day: 27, hour: 2, minute: 30, second: 0 }))).toBe('2024-10-27T02:30:00+02:00');
    expect(toParisDateTime(fromParisParts({ year: 2024, month: 3, day: 31, hour: 2, minute: 30, second: 0 }))).toBe('2024-03-31T03:30:00+02:00');
    expect(toParisDateTime(fromParisParts({ year: 1990, month: 9, day: 30, hour: 2, minute: 30, second: 0 }))).toBe('1990-09-30T02:30:00+02:00');
  });

  it('dates an instant by its Paris calendar day', () => {
    expect(toParisDate(new Date('2017-12-07T23:30:00Z'))).toBe('2017-12-08');
    expect(toParisDate(new Date('2024-06-30T21:59:59Z'))).toBe('2024-06-30');
    expect(toParisDate(new Date('2024-06-30T22:00:00Z'))).toBe('2024-07-01');
  });
});

describe('Paris local time from the time-zone database', () => {
  it('agrees with it before the EU rule too: the wartime and post-war years, and summer time from 1976', () => {
    const mismatches: string[] = [];
    for (const year of [1940, 1942, 1944, 1945, 1950, 1975, 1976, 1980, 1985]) {
      for (const t of instantsOf(year)) {
        const ours = toParisDateTime(new Date(t));
        if (ours !== reference(t)) mismatches.push(`${new Date(t).toISOString()}: ${ours} vs ${reference(t)}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // 1942: German time (+02:00) all winter, which no EU-style rule gives.
    expect(toParisDateTime(new Date('1942-01-15T12:00:00Z'))).toBe(reference(Date.parse('1942-01-15T12:00:00Z')));
  });
});
