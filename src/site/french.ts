/** French wording of dates and counts, fixed here rather than taken from ICU so every build reads the same. */
import { toParisDateTime } from '../extract/paris-time.js';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** The local wall-clock time of an ISO date-time ("…T10:30…"), which the archive writes in Paris time. */
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})/;

/** "décembre" for month 12. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "décembre 2017" for "2017-12". */
export function renderMonth(yearMonth: string): string {
  return `${monthName(Number(yearMonth.slice(5, 7)))} ${yearMonth.slice(0, 4)}`;
}

/** "8 décembre 2017" for "2017-12-08" ("1er" for the first of the month). */
export function renderFrenchDate(date: string): string {
  const day = Number(date.slice(8, 10));
  return `${day === 1 ? '1er' : day} ${monthName(Number(date.slice(5, 7)))} ${date.slice(0, 4)}`;
}

/** "à 10 h 30" when an ISO value carries a time of day, else "". */
function renderFrenchTime(iso: string | null): string {
  const m = iso ? LOCAL_TIME.exec(iso) : null;
  return m ? `à ${Number(m[1])} h ${m[2]}` : '';
}

/** "8 décembre 2017 à 10 h 30" for a day ("YYYY-MM-DD") and the ISO value it comes from; the day alone when that value has no time (or is null). */
export function renderFrenchDateTime(date: string, iso: string | null): string {
  const time = renderFrenchTime(iso);
  return time ? `${renderFrenchDate(date)} ${time}` : renderFrenchDate(date);
}

/** "1 article", "12 articles". */
export function renderCount(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} ${n <= 1 ? singular : plural}`;
}

/** "7 décembre 2026 à 0 h 24" for an instant ("2026-12-06T23:24:54.494Z"), seen from Paris; the value itself if it is not one. */
export function renderFrenchInstant(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const paris = toParisDateTime(new Date(time));
  return renderFrenchDateTime(paris.slice(0, 10), paris);
}
