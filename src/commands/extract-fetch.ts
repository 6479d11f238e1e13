/**
 * The page URLs of one `extract` run, fetched as a crawl fetches: one site only (a URL of another
 * host is never requested), robots.txt honoured, request starts spaced by `--delay` (or the
 * Crawl-delay, when larger), host-wide backoff on 429/503. Loaded only when an input is a URL, so
 * `extract` of saved pages never loads the HTTP stack.
 */
import { isInScope, parseHref } from '../discover/urls.js';
import { BeauvaisError, RobotsDisallowedError, RobotsUnavailableError } from '../errors.js';
import type { RobotsPolicy } from '../http/robots.js';
import { openSiteFetcher } from '../http/site-fetcher.js';
import { renderUserAgent } from '../http/user-agent.js';
import type { Logger } from '../log.js';
import { readVersion } from '../version.js';
import type { CommandContext } from './context.js';

/** A fetched page, ready for extraction. */
export interface FetchedPage {
  readonly body: Uint8Array;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly fetchedAt: string;
}

/** Fetches the pages of one site; `close` releases the connections it opened. */
export interface PageFetcher {
  /** The page, or a typed error saying why not (another host, robots.txt, HTTP, network). */
  fetchPage(url: string): Promise<FetchedPage | BeauvaisError>;
  close(): Promise<void>;
}

/** What the fetcher of an extract run is configured with. */
export interface PageFetcherOptions {
  /** The one site whose pages may be requested. */
  readonly site: URL;
  readonly timeoutMs: number;
  readonly delayMs: number;
}

/** A polite fetcher for the pages of `options.site`. */
export function createPageFetcher(options: PageFetcherOptions, ctx: CommandContext, logger: Logger): PageFetcher {
  // Body size and redirect limits: the fetcher's defaults, as in a crawl.
  const site = openSiteFetcher({
    site: options.site,
    userAgent: renderUserAgent(readVersion()),
    timeoutMs: options.timeoutMs,
    delayMs: options.delayMs,
    retries: 2,
    dispatcher: ctx.dispatcher,
    connections: 1,
    clock: ctx.clock,
    logger,
  });
  // Read once, at the first URL.
  let robots: Promise<RobotsPolicy | RobotsUnavailableError> | undefined;
  return {
    async fetchPage(url) {
      const target = parseHref(url, options.site);
      if (!target) return new BeauvaisError('not a URL', { url });
      if (!isInScope(target, options.site)) {
        return new BeauvaisError(`not on ${options.site.origin}, the site of this run: not fetched (one site per run)`, { url });
      }
      const policy = await (robots ??= site.readRobots());
      if (policy instanceof RobotsUnavailableError) return policy;
      if (!policy.isAllowed(url)) return new RobotsDisallowedError(url);
      const result = await site.fetcher.fetch(url, { accept: 'any', signal: ctx.signal });
      if (result.kind === 'failed') return result.error;
      if (result.kind === 'not-modified') return new BeauvaisError(`unexpected 304 for ${url}`, { url });
      return { body: result.body, url: result.finalUrl, headers: { ...result.headers }, fetchedAt: result.fetchedAt };
    },
    close: () => site.close(),
  };
}
