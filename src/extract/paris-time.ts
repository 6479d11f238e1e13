/**
 * Europe/Paris local time without a date library. The site's dates are French local time (SITE.md):
 * an article published at 00:30 on 8 December is dated 8 December, not 7 December in UTC.
 *
 * Since 1996 France follows the EU rule: summer time (+02:00) from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October, +01:00 otherwise. That rule is computed here;
 * only instants before 1996 (other rules, and before 1976 no summer time) ask `Intl.DateTimeFormat`,
 * whose time-zone data costs 30–45 ms to load: every `extract` in a researcher's shell loop paid it.
 */

/** Wall-clock parts in Paris. */
export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The first instant the EU rule covers: 1996-01-01T00:00:00Z. */
const EU_RULE_FROM = Date.UTC(1996, 0, 1);
const HOUR_MS = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0-based) of a year: when EU clocks change. */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Paris's offset from UTC at an instant (ms since the epoch), in minutes (60 or 120). */
function parisOffsetMinutes(time: number): number {
  if (time < EU_RULE_FROM) return legacyOffsetMinutes(time);
  const year = new Date(time).getUTCFullYear();
  return time >= lastSundayOneUtc(year, 2) && time < lastSundayOneUtc(year, 9) ? 120 : 60;
}

/** Paris wall-clock parts of an instant (at `offset`, when the caller has it already). */
function toParisParts(instant: Date, offset = parisOffsetMinutes(instant.getTime())): LocalParts {
  const local = new Date(instant.getTime() + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * Before 1996: the offset as the system's time-zone data has it. The formatter is built per call, not
 * kept: news dates that old are rare, and the common path stays free of module state.
 */
function legacyOffsetMinutes(time: number): number {
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(time)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return Math.round((asUtc - Math.floor(time / 1000) * 1000) / 60_000);
}

/** The instant of a Paris wall-clock time (in the autumn overlap, the first of the two; in the spring gap, an hour later). */
export function fromParisParts(p: LocalParts): Date {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // The offset at the guessed instant is right except within an hour of a change; a second pass settles it.
  let instant = asUtc - parisOffsetMinutes(asUtc) * 60_000;
  instant = asUtc - parisOffsetMinutes(instant) * 60_000;
  const e = toParisParts(new Date(instant - HOUR_MS));
  return new Date(e.hour === p.hour && e.minute === p.minute && e.day === p.day ? instant - HOUR_MS : instant);
}

/** "2017-12-08T00:30:00+01:00": an instant written as Paris local time with its offset. */
export function toParisDateTime(instant: Date): string {
  const offset = parisOffsetMinutes(instant.getTime());
  const p = toParisParts(instant, offset);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${renderDate(p.year, p.month, p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2017-12-08": the Paris calendar date of an instant. */
export function toParisDate(instant: Date): string {
  const p = toParisParts(instant);
  return renderDate(p.year, p.month, p.day);
}

/** "YYYY-MM-DD" from numbers. */
export function renderDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
