/**
 * Which site a set of URLs belongs to, when nobody said: pure functions over URL strings, used by
 * `rebuild` to take its site from the archive or the captures it reads instead of a default that
 * would silently match nothing.
 */
import { isInScope } from './urls.js';

/** An origin ("http://127.0.0.1:8080") and how many URLs had it. */
export interface OriginCount {
  readonly origin: string;
  readonly count: number;
}

/** The origins of http(s) URLs with their counts, most frequent first (ties in first-seen order). */
export function countOrigins(urls: Iterable<string>): OriginCount[] {
  const tally = new Map<string, number>();
  for (const url of urls) tallyOrigin(tally, url);
  return toOriginCounts(tally);
}

/** A tally of origins as a list, most frequent first. */
export function toOriginCounts(tally: ReadonlyMap<string, number>): OriginCount[] {
  return [...tally].map(([origin, count]) => ({ origin, count })).sort((a, b) => b.count - a.count);
}

/**
 * The one site that all the URLs share (the `www.`/bare twins and both schemes count as one site,
 * as in a crawl's scope), as its most frequent origin; undefined when there are none, or several.
 */
export function siteOfUrls(urls: Iterable<string>): URL | undefined {
  const origins = countOrigins(urls);
  const first = origins[0];
  if (!first) return undefined;
  const site = new URL(first.origin);
  return origins.every(({ origin }) => isInScope(new URL(origin), site)) ? site : undefined;
}

/** Counts one URL's origin into a tally (a record of another host seen while reading captures). */
export function tallyOrigin(tally: Map<string, number>, url: string): void {
  const origin = originOf(url);
  if (origin !== null) tally.set(origin, (tally.get(origin) ?? 0) + 1);
}

function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
