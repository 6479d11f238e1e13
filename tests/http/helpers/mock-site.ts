/**
 * A fetcher wired to an undici MockAgent that plays www.beauvais.fr: no socket is opened, every
 * request must match an interceptor, and the test can ask which interceptors were never used.
 */
import { MockAgent } from 'undici';
import { isInScope } from '../../../src/discover/urls.js';
import { createFetcher, type FetcherOptions } from '../../../src/http/fetch.js';
import type { Exchange, Fetcher } from '../../../src/http/types.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { createRecordingLogger, type RecordingLogger } from './recording-logger.js';

export const SITE = 'https://www.beauvais.fr';
export const BASE = new URL(`${SITE}/`);
export const USER_AGENT = 'beauvais-archive/0.0.0-test (+https://github.com/beauvais-archive/beauvais-archive; archive of www.beauvais.fr news)';
export const HTML = { 'content-type': 'text/html; charset=utf-8' } as const;

export interface MockSite {
  readonly agent: MockAgent;
  /** Interceptors for https://www.beauvais.fr. */
  readonly site: ReturnType<MockAgent['get']>;
  readonly clock: FakeClock;
  readonly logger: RecordingLogger;
  readonly exchanges: Exchange[];
  readonly fetcher: Fetcher;
}

/** A fresh MockAgent, fake clock and fetcher (random fixed at 0.5, so backoffs are half their ceiling). */
export function createMockSite(overrides: Partial<FetcherOptions> = {}, clock: FakeClock = createFakeClock()): MockSite {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const logger = createRecordingLogger();
  const exchanges: Exchange[] = [];
  const fetcher = createFetcher({
    dispatcher: agent,
    userAgent: USER_AGENT,
    timeoutMs: 1_000,
    isInScope: (url) => isInScope(url, BASE),
    clock,
    logger,
    random: () => 0.5,
    onExchange: (exchange) => exchanges.push(exchange),
    ...overrides,
  });
  return { agent, site: agent.get(SITE), clock, logger, exchanges, fetcher };
}
