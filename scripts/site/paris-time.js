/**
 * Europe/Paris wall-clock time without Intl (fast enough to call for every sidebar date): the EU
 * rule in force since 1996 puts summer time (UTC+2) between 01:00 UTC on the last Sunday of March and
 * 01:00 UTC on the last Sunday of October, winter time (UTC+1) otherwise.
 */

const HOUR = 3_600_000;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** @param {number} year @param {number} month 0-based @returns {number} epoch ms of that month's last Sunday, 01:00 UTC */
function lastSundayAt1Utc(year, month) {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * HOUR;
}

/**
 * The offset of Paris from UTC at an instant, in hours (1 or 2).
 * @param {number} epochMs
 * @returns {1 | 2}
 */
export function parisOffsetHours(epochMs) {
  const year = new Date(epochMs).getUTCFullYear();
  return epochMs >= lastSundayAt1Utc(year, 2) && epochMs < lastSundayAt1Utc(year, 9) ? 2 : 1;
}

/** @param {number} n */
const pad = (n) => String(n).padStart(2, '0');

/**
 * Paris local fields of an instant (read through the UTC getters of a shifted Date).
 * @param {number} epochMs
 */
function parisFields(epochMs) {
  const offset = parisOffsetHours(epochMs);
  const local = new Date(epochMs + offset * HOUR);
  return { local, offset };
}

/**
 * ISO 8601 local date-time with its offset, as Joomla prints in `time[datetime]`: "2017-12-08T10:30:00+01:00".
 * @param {number} epochMs
 */
export function toParisIso(epochMs) {
  const { local, offset } = parisFields(epochMs);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+0${offset}:00`
  );
}

/**
 * The Paris calendar date: "2017-12-08" (what an archive names the file by).
 * @param {number} epochMs
 */
export function toParisDate(epochMs) {
  return toParisIso(epochMs).slice(0, 10);
}

/**
 * The French date shown on the page: "8 décembre 2017".
 * @param {number} epochMs
 */
export function toFrenchDate(epochMs) {
  const { local } = parisFields(epochMs);
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
}

/**
 * An HTTP date (RFC 9110 IMF-fixdate), whole seconds: "Fri, 08 Dec 2017 09:30:00 GMT".
 * @param {number} epochMs
 */
export function toHttpDate(epochMs) {
  return new Date(Math.floor(epochMs / 1000) * 1000).toUTCString();
}
