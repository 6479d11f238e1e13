/**
 * Retry timing, pure: exponential backoff with full jitter, and the server's own Retry-After, which
 * always wins (RFC 9110 §10.2.3) up to a cap, so a misconfigured server cannot stall a crawl for a day.
 */
import { DIGITS_ONLY } from './headers.js';

/** The longest wait a Retry-After header may impose before the retry. */
export const MAX_RETRY_AFTER_MS = 120_000;

/** Any letter: an HTTP-date has a month name, a malformed number has none. */
const HAS_LETTER = /[a-z]/i;

/**
 * The wait before retry number `attempt` (0 for the first retry): "full jitter" (AWS architecture
 * blog, 2015) draws uniformly in [0, min(cap, base · 2^attempt)), which spreads a herd of clients
 * better than a fixed doubling.
 */
export function backoffDelay(attempt: number, random: () => number, baseMs = 500, capMs = 30_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/**
 * The delay asked by a Retry-After value, in milliseconds: delta-seconds ("120") or an HTTP-date
 * ("Wed, 21 Oct 2015 07:28:00 GMT", measured from `nowMs`; a date in the past means now). Undefined
 * for a missing or unreadable value, which then falls back to the backoff.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (DIGITS_ONLY.test(text)) return Number(text) * 1000;
  // An HTTP-date always names a month; without letters V8's lenient Date.parse would read "1.5" or
  // "-5" as dates in 2001. Date.parse accepts the IMF-fixdate and both obsolete forms (RFC 9110 §5.6.7).
  if (!HAS_LETTER.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The wait before the next attempt: the server's Retry-After (capped) if it gave one, else the backoff. */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, random: () => number): number {
  return retryAfterMs === undefined ? backoffDelay(attempt, random) : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
}
