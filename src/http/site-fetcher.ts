/**
 * The fetcher of one site, set up the one way every command that fetches needs it: over the caller's
 * dispatcher or one of its own, every request to the host through one request gate, redirects kept
 * on the site, and robots.txt read through it, its Crawl-delay then spacing the requests.
 */
import type { Dispatcher } from 'undici';
import type { Clock } from '../clock.js';
import { isInScope } from '../discover/urls.js';
import { RobotsUnavailableError } from '../errors.js';
import type { Logger } from '../log.js';
import { createDispatcher, createFetcher, type FetcherOptions } from './fetch.js';
import { fetchRobots, type RobotsPolicy } from './robots.js';
import { createRequestGate } from './schedule.js';
import type { Exchange, Fetcher } from './types.js';

/** What the fetcher of a site is configured with. */
export interface SiteFetcherOptions {
  /** The one site whose pages may be requested: a redirect off it is never followed. */
  readonly site: URL;
  readonly userAgent: string;
  readonly timeoutMs: number;
  /** Minimum gap between request starts to the site (robots.txt's Crawl-delay wins when larger). */
  readonly delayMs: number;
  readonly retries: number;
  /** Largest body read (default: the fetcher's). */
  readonly maxBodyBytes?: number | undefined;
  /** The caller's dispatcher (a MockAgent in tests), left open by `close`; without it one is created. */
  readonly dispatcher?: Dispatcher | undefined;
  /** Connections of the dispatcher created when the caller gives none. */
  readonly connections: number;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Every exchange, for WARC recording (see FetcherOptions.onExchange). */
  readonly onExchange?: ((exchange: Exchange) => void) | undefined;
}

/** A site's fetcher, its robots.txt, and the connections to release. */
export interface SiteFetcher {
  readonly fetcher: Fetcher;
  /** The same fetcher (dispatcher, gate, scope, exchange listener) with another body cap: media files. */
  readonly withMaxBodyBytes: (maxBodyBytes: number) => Fetcher;
  /**
   * Reads robots.txt (RFC 9309 rules, see fetchRobots); its Crawl-delay, when larger than the delay,
   * spaces every later request. An unreachable robots.txt comes back as its error, for the caller
   * to report.
   */
  readRobots(): Promise<RobotsPolicy | RobotsUnavailableError>;
  /** Closes the dispatcher created here; the caller's stays open. */
  close(): Promise<void>;
}

/** The fetcher of `options.site`; see SiteFetcherOptions. */
export function openSiteFetcher(options: SiteFetcherOptions): SiteFetcher {
  const { site, clock } = options;
  const dispatcher = options.dispatcher ?? createDispatcher({ connections: options.connections });
  const gate = createRequestGate({ minGapMs: options.delayMs, clock });
  const fetcherOptions: FetcherOptions = {
    dispatcher,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    retries: options.retries,
    isInScope: (url) => isInScope(url, site),
    gate,
    clock,
    logger: options.logger,
    onExchange: options.onExchange,
  };
  const fetcher = createFetcher(fetcherOptions);
  return {
    fetcher,
    withMaxBodyBytes: (maxBodyBytes) => createFetcher({ ...fetcherOptions, maxBodyBytes }),
    async readRobots() {
      try {
        const policy = await fetchRobots(fetcher, site, options.userAgent);
        // The gate keeps the larger of its own gap and the Crawl-delay.
        if (policy.crawlDelayMs !== undefined) gate.setMinGap(policy.crawlDelayMs);
        return policy;
      } catch (error) {
        if (error instanceof RobotsUnavailableError) return error;
        throw error;
      }
    },
    async close() {
      if (!options.dispatcher) await dispatcher.close();
    },
  };
}
