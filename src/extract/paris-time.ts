/**
 * Europe/Paris local time without a date library: `Intl.DateTimeFormat` knows the zone's rules, so a
 * UTC instant becomes Paris wall-clock time with its offset (+01:00 in winter, +02:00 in summer), and
 * a Paris wall-clock time becomes an instant. The site's dates are French local time (SITE.md): an
 * article published at 00:30 on 8 December is dated 8 December, not 7 December in UTC.
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

/** An immutable formatter (building one costs far more than using it). */
const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris wall-clock parts of an instant. */
function toParisParts(instant: Date): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of PARIS.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** Paris's offset from UTC at an instant, in minutes (60 or 120). */
function parisOffsetMinutes(instant: Date): number {
  const p = toParisParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a Paris wall-clock time (in the autumn overlap, the first of the two; in the spring gap, an hour later). */
export function fromParisParts(p: LocalParts): Date {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // The offset at the guessed instant is right except within an hour of a change; a second pass settles it.
  let instant = new Date(asUtc - parisOffsetMinutes(new Date(asUtc)) * 60_000);
  instant = new Date(asUtc - parisOffsetMinutes(instant) * 60_000);
  const earlier = new Date(instant.getTime() - 3_600_000);
  const e = toParisParts(earlier);
  return e.hour === p.hour && e.minute === p.minute && e.day === p.day ? earlier : instant;
}

/** "2017-12-08T00:30:00+01:00": an instant written as Paris local time with its offset. */
export function toParisDateTime(instant: Date): string {
  const p = toParisParts(instant);
  const offset = parisOffsetMinutes(instant);
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
