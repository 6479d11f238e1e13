/**
 * Europe/Paris local time. The site's dates are French local time (SITE.md): an article published at
 * 00:30 on 8 December is dated 8 December, not 7 December in UTC.
 *
 * The offset comes from the time-zone database shipped with Node (through `Intl`), not from a rule
 * written here: an archive is kept for decades, and if France or the EU change their clock rules
 * (ending clock changes has been debated), the database follows and every later article stays dated
 * right. Loading ICU's time-zone data costs some 40 ms, paid once per process: batch `extract`
 * spreads it over many pages, and a run that dates nothing never pays it.
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

const HOUR_MS = 3_600_000;

/**
 * The one Europe/Paris formatter: a lazily created constant, built on first use (so a process that
 * dates nothing does not load the time-zone data) and never changed afterwards.
 */
const parisFormatter = lazyConstant(
  () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
);

/** A value created by `create` on the first call and returned as is by every call after. */
function lazyConstant<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}

/** Paris wall-clock parts of an instant (ms since the epoch), to the second, from the time-zone database. */
function toParisPartsAt(time: number): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of parisFormatter().formatToParts(time)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** Paris's offset from UTC at an instant (ms since the epoch), in minutes (60 or 120 today). */
function parisOffsetMinutes(time: number, parts = toParisPartsAt(time)): number {
  return Math.round((wallClockAsUtc(parts) - Math.floor(time / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time would be if it were UTC. */
function wallClockAsUtc(p: LocalParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** The instant of a Paris wall-clock time (in the autumn overlap, the first of the two; in the spring gap, an hour later). */
export function fromParisParts(p: LocalParts): Date {
  const asUtc = wallClockAsUtc(p);
  // The offset at the guessed instant is right except within an hour of a change; a second pass settles it.
  let instant = asUtc - parisOffsetMinutes(asUtc) * 60_000;
  instant = asUtc - parisOffsetMinutes(instant) * 60_000;
  const e = toParisPartsAt(instant - HOUR_MS);
  return new Date(e.hour === p.hour && e.minute === p.minute && e.day === p.day ? instant - HOUR_MS : instant);
}

/** "2017-12-08T00:30:00+01:00": an instant written as Paris local time with its offset. */
export function toParisDateTime(instant: Date): string {
  const p = toParisPartsAt(instant.getTime());
  const offset = parisOffsetMinutes(instant.getTime(), p);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${renderDate(p.year, p.month, p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2017-12-08": the Paris calendar date of an instant. */
export function toParisDate(instant: Date): string {
  const p = toParisPartsAt(instant.getTime());
  return renderDate(p.year, p.month, p.day);
}

/** "YYYY-MM-DD" from numbers. */
export function renderDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
