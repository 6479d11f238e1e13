/**
 * robots.txt (RFC 9309): parsing with robots-parser (longest match wins, Allow wins a tie, `*` and
 * `$` patterns, groups matched case-insensitively on the product token), and fetching with the
 * RFC's status rules: 2xx parsed, 4xx allow all, 5xx or unreachable disallow all.
 */
import robotsParserModule from 'robots-parser';
import { stripBom } from '../bom.js';
import { HttpStatusError, OffSiteRedirectError, RedirectLoopError, RobotsUnavailableError } from '../errors.js';
import type { Fetcher } from './types.js';
import { PRODUCT_TOKEN } from './user-agent.js';

/** What robots.txt lets us do. */
export interface RobotsPolicy {
  /** Whether our user agent may fetch this absolute URL. */
  isAllowed(url: string): boolean;
  /** The Crawl-delay of our group, in milliseconds (not in RFC 9309, but widely honoured). */
  readonly crawlDelayMs: number | undefined;
  /** Absolute URLs of the Sitemap lines, in file order. */
  readonly sitemaps: readonly string[];
  /** Where the policy comes from: the file, its absence (4xx, too many redirects), or --ignore-robots. */
  readonly source: 'robots.txt' | 'unavailable' | 'ignored';
}

/**
 * robots-parser is CommonJS whose `module.exports` is the function, but its d.ts declares an ES
 * default export: under NodeNext TypeScript sees `{ default: fn }` where Node hands us `fn`.
 */
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/**
 * The policy of a robots.txt text for `userAgent` (a full User-Agent string or the bare token: only
 * the product token before "/" is matched, as RFC 9309 §2.2.1 asks).
 */
export function parseRobots(robotsUrl: string, text: string, userAgent: string): RobotsPolicy {
  const robots = robotsParser(robotsUrl, stripBom(text));
  const token = toProductToken(userAgent);
  const delaySeconds = robots.getCrawlDelay(token);
  return {
    isAllowed(url) {
      const target = toRobotsTarget(url, robotsUrl);
      if (!target) return false;
      // RFC 9309 §2.2.2: the robots.txt URL itself is implicitly allowed.
      if (target.pathname === '/robots.txt') return true;
      return robots.isAllowed(target.href, token) ?? false;
    },
    crawlDelayMs: delaySeconds !== undefined && Number.isFinite(delaySeconds) && delaySeconds >= 0 ? delaySeconds * 1000 : undefined,
    sitemaps: robots.getSitemaps().flatMap((sitemap) => toAbsolute(sitemap, robotsUrl)?.href ?? []),
    source: 'robots.txt',
  };
}

/** The policy of `--ignore-robots`: everything allowed, no delay, no sitemaps. */
export function allowAllPolicy(): RobotsPolicy {
  return allowAll('ignored');
}

/**
 * Fetches and reads the site's robots.txt, following RFC 9309 §2.3.1:
 * - 2xx: parsed as UTF-8, rules applied in the context of the site even after a redirect;
 * - redirects: followed up to the fetcher's limit (5) within the site; more than that, or one to
 *   another host, means "unavailable" (§2.3.1.2 allows it), which the RFC treats like a 4xx. The
 *   RFC would follow an off-site redirect, but this tool never contacts another host;
 * - 4xx (unavailable): no rules, everything allowed (§2.3.1.3);
 * - 429, 5xx, network failure or timeout after the fetcher's retries (unreachable): throws
 *   RobotsUnavailableError, and the crawler treats the site as disallowed for the run (§2.3.1.4).
 *   429 is counted here, not with the 4xx: a server asking us to slow down is no permission.
 */
export async function fetchRobots(fetcher: Fetcher, baseUrl: URL, userAgent: string): Promise<RobotsPolicy> {
  const robotsUrl = new URL('/robots.txt', baseUrl).href;
  const result = await fetcher.fetch(robotsUrl, { accept: 'any' });
  if (result.kind === 'ok') return parseRobots(robotsUrl, result.body.toString('utf8'), userAgent);
  if (result.kind === 'not-modified') throw new RobotsUnavailableError(robotsUrl, new Error('unexpected 304 to an unconditional request'));
  const { error } = result;
  if (error instanceof RedirectLoopError || error instanceof OffSiteRedirectError) return allowAll('unavailable');
  if (error instanceof HttpStatusError && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 429) {
    return allowAll('unavailable');
  }
  throw new RobotsUnavailableError(robotsUrl, error);
}

/** A policy that allows everything. */
function allowAll(source: RobotsPolicy['source']): RobotsPolicy {
  return { isAllowed: () => true, crawlDelayMs: undefined, sitemaps: [], source };
}

/** The product token of a User-Agent: "beauvais-archive/0.1.0 (+https://…)" → "beauvais-archive". */
function toProductToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/, 1)[0] || PRODUCT_TOKEN;
}

/**
 * The URL to judge, moved onto the robots.txt origin. robots-parser answers nothing for another
 * origin, but the crawl treats the `www.` twin and both schemes as one site (discover/urls.ts), so
 * the same path there is judged by the same rules rather than left unjudged.
 */
function toRobotsTarget(url: string, robotsUrl: string): URL | undefined {
  const absolute = toAbsolute(url, robotsUrl);
  return absolute && new URL(absolute.pathname + absolute.search, robotsUrl);
}

/** An absolute URL resolved against `base`, or undefined if unparseable. */
function toAbsolute(href: string, base: string): URL | undefined {
  try {
    return new URL(href.trim(), base);
  } catch {
    return undefined;
  }
}
