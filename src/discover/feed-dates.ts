/**
 * Dates as feeds and sitemaps write them, to ISO 8601, keeping the offset the source states.
 *
 * RSS 2.0 uses RFC 822 dates ("Fri, 08 Dec 2017 10:30:00 +0100", Joomla's `toRFC822()`); Atom uses
 * RFC 3339; sitemaps use W3C Datetime, which also allows "2017" and "2017-12". No time zone is
 * converted here: the article extractor decides the Paris date, this only reads faithfully.
 */

/** W3C Datetime / RFC 3339: a year, a month, a day, an optional time and optional offset. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?$/i;

/** RFC 822 / 2822: optional weekday, day, month name, 2- or 4-digit year, time, optional zone. */
const RFC822_DATE = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822's named zones, plus the European ones French servers print although RFC 822 lacks them. */
const ZONES: Readonly<Record<string, string>> = {
  gmt: 'Z', ut: 'Z', utc: 'Z', z: 'Z',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
  cet: '+01:00', cest: '+02:00',
};

/** A feed or sitemap date as ISO 8601 ("2017-12-08", "2017-12-08T10:30:00+01:00"); null if it is not a real date. */
export function parseFeedDate(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return null;
  return fromIso(trimmed) ?? fromRfc822(trimmed);
}

function fromIso(text: string): string | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [, year = '', month, day, hour, minute, second, fraction, zone] = m;
  if (month === undefined) return year;
  if (!isValidDay(Number(year), Number(month), Number(day ?? '1'))) return null;
  if (day === undefined) return `${year}-${month}`;
  if (hour === undefined || minute === undefined) return `${year}-${month}-${day}`;
  const time = toTime(hour, minute, second ?? '00');
  if (time === null) return null;
  return `${year}-${month}-${day}T${time}${fraction ?? ''}${zone === undefined ? '' : toOffset(zone)}`;
}

function fromRfc822(text: string): string | null {
  const m = RFC822_DATE.exec(text);
  if (!m) return null;
  const [, day = '', monthName = '', yearText = '', hour = '', minute = '', second = '00', zoneText] = m;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  // RFC 2822 §4.3: two-digit years below 50 are 20xx, the others 19xx.
  const year = yearText.length === 2 ? (Number(yearText) < 50 ? 2000 : 1900) + Number(yearText) : Number(yearText);
  if (month === 0 || !isValidDay(year, month, Number(day))) return null;
  const time = toTime(hour, minute, second);
  if (time === null) return null;
  let zone = '';
  if (zoneText !== undefined) {
    const named = ZONES[zoneText.toLowerCase()];
    if (/^[+-]\d{4}$/.test(zoneText)) zone = toOffset(zoneText);
    else if (named !== undefined) zone = named;
    else return null; // An unknown zone would make the time a guess.
  }
  return `${year}-${pad(month)}-${pad(Number(day))}T${time}${zone}`;
}

/** "HH:MM:SS" when the parts are a real time of day (a leap second allowed), else null. */
function toTime(hour: string, minute: string, second: string): string | null {
  const [h, m, s] = [Number(hour), Number(minute), Number(second)];
  if (h > 23 || m > 59 || s > 60) return null;
  return `${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** "+0100" → "+01:00"; "Z" and "+00:00" stay as they are. */
function toOffset(zone: string): string {
  if (/^z$/i.test(zone)) return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
