/**
 * Dates as the site writes them, to ISO 8601 in Europe/Paris. Pure functions: structured values
 * (JSON-LD, meta, `<time datetime>`) and French text ("Publié le 1er mars 2016", "08/12/2017" — day
 * first, as in France). A date is never guessed: anything ambiguous, impossible or in the future is
 * rejected (null) so that the next source, or none, is used.
 */
import { fromParisParts, renderDate, toParisDate, toParisDateTime } from './paris-time.js';

/** A date read from the page. */
export interface DateValue {
  /** "2017-12-08" or "2017-12-08T00:30:00+01:00" (Paris local time with its offset). */
  readonly iso: string;
  /** Whether a time of day is known. */
  readonly hasTime: boolean;
  /** The instant (midnight UTC of the day for a date alone; compare dates with `iso`). */
  readonly instant: Date;
}

/** What a labelled date is. */
export type DateRole = 'published' | 'updated';

/** Joomla sites cannot predate the web; "0000-00-00" and the epoch are Joomla's "no date". */
const MIN_YEAR = 1995;
const MAX_YEAR = 2100;

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, jan: 1, février: 2, fevrier: 2, févr: 2, fevr: 2, fév: 2, fev: 2, mars: 3, mar: 3,
  avril: 4, avr: 4, mai: 5, juin: 6, juillet: 7, juil: 7, août: 8, aout: 8, aoû: 8, septembre: 9, sept: 9,
  sep: 9, octobre: 10, oct: 10, novembre: 11, nov: 11, décembre: 12, decembre: 12, déc: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
/** An optional time after a date: "10h30", "10 h", "10:30", "à 10h30", ", 10:30". */
const TIME = String.raw`(?:\s*(?:[,-]|à|a)?\s*(\d{1,2})\s*(?:h|:)\s*(\d{2})?(?::\d{2})?(?![\p{L}\d]))?`;
/** "8 décembre 2017", "1er mars 2016", "08 Décembre 2017 10:30", "8 déc. 2017". */
const FRENCH_DATE = new RegExp(String.raw`(?<![\p{L}\d])(\d{1,2})\s*(?:er|ᵉʳ|e)?\s+(${MONTH_NAMES})\.?\s+(\d{4})(?!\d)${TIME}`, 'iu');
/** "08/12/2017" and "8.12.2017": day first, as written in France. */
const NUMERIC_DATE = new RegExp(String.raw`(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.])${TIME}`, 'u');
/** "2017-12-08" written in the text. */
const ISO_TEXT_DATE = new RegExp(String.raw`(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])${TIME}`, 'u');
/** Structured values: "2017-12-08", "2017-12-08T10:30", "2017-12-08 10:30:00", with "Z" or "+01:00". */
const ISO_VALUE = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/iu;

/** Labels of a modification date; tested before the publication ones ("Mis à jour" vs "Mis en ligne"). */
const UPDATED_LABEL = /(?:mis|mise)\s+[àa]\s+jour|modifi[ée]e?|modification|actualis[ée]e?/iu;
/** Labels of a publication date. */
const PUBLISHED_LABEL = /publi[ée]e?|publication|mis\s+en\s+ligne|cr[ée]{2}e?|cr[ée]ation|[ée]crit\s+le|post[ée]e?\s+le|\bdate\b/iu;

/** Parses a structured date (JSON-LD, meta, `datetime`, microdata) into Paris time; null if unusable. */
export function parseDateValue(value: string | null | undefined): DateValue | null {
  const match = ISO_VALUE.exec((value ?? '').trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isValidDay(year, month, day)) return null;
  if (h === undefined) return dateOnly(year, month, day);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (!zone) return localDateTime(year, month, day, hour, minute, second);
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(zone);
  const instant = new Date(`${renderDate(year, month, day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`);
  if (Number.isNaN(instant.getTime())) return null;
  return { iso: toParisDateTime(instant), hasTime: true, instant };
}

/** The first French date in a text ("Publié le 1er mars 2016 à 10h30", "08/12/2017"); null if none. */
export function parseFrenchDate(text: string): DateValue | null {
  return findFrenchDate(text)?.value ?? null;
}

/** The first date of a text with the index where it starts. */
function findFrenchDate(text: string): { value: DateValue; index: number } | null {
  const candidates: { value: DateValue; index: number }[] = [];
  const named = FRENCH_DATE.exec(text);
  if (named) {
    const value = build(Number(named[3]), MONTHS[(named[2] ?? '').toLowerCase()] ?? 0, Number(named[1]), named[4], named[5]);
    if (value) candidates.push({ value, index: named.index });
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const value = build(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]), numeric[4], numeric[5]);
    if (value) candidates.push({ value, index: numeric.index });
  }
  const iso = ISO_TEXT_DATE.exec(text);
  if (iso) {
    const value = build(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4], iso[5]);
    if (value) candidates.push({ value, index: iso.index });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}

/**
 * Reads one line of text for a date and its role. A labelled line ("Mis à jour le …", "Publication :
 * …") says which date it is; an unlabelled one gives `null` as role. With `requireLabel`, only a line
 * that starts with a label counts (outside the info block, a date in a sentence is not the article's).
 */
export function parseDateLine(line: string, requireLabel = false): { role: DateRole | null; value: DateValue } | null {
  const found = findFrenchDate(line);
  if (!found) return null;
  const before = line.slice(0, found.index);
  const role: DateRole | null = UPDATED_LABEL.test(before) ? 'updated' : PUBLISHED_LABEL.test(before) ? 'published' : null;
  if (requireLabel) {
    // The label must open the line and sit right before the date ("Publié le vendredi 8 décembre 2017").
    const opens = /^\s*[\p{L}\s':’]{0,60}$/u.test(before) && before.trim().length > 0;
    if (role === null || !opens || line.trim().length > 160) return null;
  }
  return { role, value: found.value };
}

/** Whether a date lies after `now` (a date alone is compared with today's date in Paris). */
export function isFutureDate(value: DateValue, now: Date): boolean {
  return value.hasTime ? value.instant.getTime() > now.getTime() : value.iso > toParisDate(now);
}

/** Builds a date from French text parts; null when impossible. */
function build(year: number, month: number, day: number, hour?: string, minute?: string): DateValue | null {
  if (!isValidDay(year, month, day)) return null;
  if (hour === undefined) return dateOnly(year, month, day);
  const h = Number(hour);
  const m = Number(minute ?? 0);
  if (h > 23 || m > 59) return dateOnly(year, month, day);
  return localDateTime(year, month, day, h, m, 0);
}

function dateOnly(year: number, month: number, day: number): DateValue {
  return { iso: renderDate(year, month, day), hasTime: false, instant: new Date(Date.UTC(year, month - 1, day)) };
}

/** A wall-clock time without offset is Paris local time (the site's zone). */
function localDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number): DateValue {
  const instant = fromParisParts({ year, month, day, hour, minute, second });
  return { iso: toParisDateTime(instant), hasTime: true, instant };
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "+0100" and "+01" to "+01:00". */
function normaliseOffset(zone: string): string {
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5).padEnd(2, '0')}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
