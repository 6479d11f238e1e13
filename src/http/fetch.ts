/**
 * The fetcher: the one component that does network I/O. It sends GETs through an injected undici
 * dispatcher, follows redirects itself so that every hop is checked against the crawl scope before
 * it is requested, retries what may succeed later (honouring Retry-After), and returns every outcome
 * as a value: ok, not-modified or failed with a typed reason.
 */
import { Agent, type Dispatcher } from 'undici';
import type { Clock } from '../clock.js';
import { HttpStatusError, NetworkError, OffSiteRedirectError, RedirectLoopError, type BeauvaisError } from '../errors.js';
import type { Logger } from '../log.js';
import { fetchOnce, type OnceConfig, type OnceRequest, type OnceResponse } from './fetch-once.js';
import { REDIRECT_STATUSES, toRequestHeaders } from './headers.js';
import { parseRetryAfter, retryDelay } from './retry.js';
import type { RequestGate } from './schedule.js';
import type { Exchange, FetchOptions, FetchResult, Fetcher } from './types.js';

/** Everything a fetcher needs, injected. */
export interface FetcherOptions {
  /** undici dispatcher: a MockAgent in unit tests, `createDispatcher()` in production. */
  readonly dispatcher: Dispatcher;
  readonly userAgent: string;
  /** Deadline for the response headers, and again for each gap between body chunks. */
  readonly timeoutMs: number;
  /** Largest body read, on the wire and decoded (default 10 MiB). */
  readonly maxBodyBytes?: number;
  /** Redirects followed per fetch (default 5). */
  readonly maxRedirects?: number;
  /** Retries after the first attempt of each request (default 3). */
  readonly retries?: number;
  /** Whether a redirect target belongs to the site; a hop outside is never requested. */
  readonly isInScope: (url: URL) => boolean;
  /** Per-host politeness: every request waits its turn, and 429/503 pause the whole host. */
  readonly gate?: RequestGate | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Jitter source in [0, 1) (default Math.random). */
  readonly random?: () => number;
  /**
   * Called with every complete exchange (redirects and error pages included), for WARC recording;
   * but a body streamed to a sink comes back on its FetchOk's `exchange` instead.
   */
  readonly onExchange?: (exchange: Exchange) => void;
}

/** Options of the production dispatcher. */
export interface DispatcherOptions {
  /** Connections per origin: the page concurrency, so no task waits for a socket. */
  readonly connections: number;
  /** TCP/TLS connect deadline (default 10 s). */
  readonly connectTimeoutMs?: number;
}

/** Default cap on a body: Joomla pages weigh tens of kilobytes; 10 MiB is generous and bounded. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;


/** The production dispatcher: keep-alive connections reused across requests to the site. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  return new Agent({
    connections: options.connections,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connect: { timeout: options.connectTimeoutMs ?? 10_000 },
  });
}

/** A fetcher over the given dispatcher; see FetcherOptions for what each option does. */
export function createFetcher(options: FetcherOptions): Fetcher {
  const config: FetcherConfig = {
    dispatcher: options.dispatcher,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    clock: options.clock,
    onExchange: options.onExchange,
    userAgent: options.userAgent,
    maxRedirects: options.maxRedirects ?? 5,
    retries: options.retries ?? 3,
    isInScope: options.isInScope,
    gate: options.gate,
    logger: options.logger,
    random: options.random ?? Math.random,
  };
  return { fetch: (url, fetchOptions = {}) => fetchFollowing(config, url, fetchOptions) };
}

interface FetcherConfig extends OnceConfig {
  readonly userAgent: string;
  readonly maxRedirects: number;
  readonly retries: number;
  readonly isInScope: (url: URL) => boolean;
  readonly gate: RequestGate | undefined;
  readonly logger: Logger;
  readonly random: () => number;
}

/**
 * Fetches `url`, following in-scope redirects: one result for the whole chain. An abort resolves it
 * at once as failed (a NetworkError caused by the signal's reason): callers check their signal.
 */
async function fetchFollowing(config: FetcherConfig, url: string, options: FetchOptions): Promise<FetchResult> {
  const tally = { attempts: 0 };
  const failed = (error: BeauvaisError): FetchResult => ({ kind: 'failed', url, error, attempts: tally.attempts });
  try {
    return await followRedirects(config, url, options, tally, failed);
  } catch (error) {
    // The gate, the sleep and the request reject when the signal aborts; besides, only a sink that
    // cannot write throws (its ArchiveWriteError: the archive's failure, for the caller to stop on).
    if (options.signal?.aborted) return failed(new NetworkError(url, options.signal.reason));
    throw error;
  }
}

/** The redirect loop of fetchFollowing: each hop checked against the scope before it is requested. */
async function followRedirects(
  config: FetcherConfig,
  url: string,
  options: FetchOptions,
  tally: { attempts: number },
  failed: (error: BeauvaisError) => FetchResult,
): Promise<FetchResult> {
  const accept = options.accept ?? 'html';
  const headers = toRequestHeaders({ userAgent: config.userAgent, accept, validators: options.validators });
  const redirects: string[] = [];
  let current = url;
  for (;;) {
    const hop = await fetchRetrying(config, { url: current, headers, accept, signal: options.signal, sink: options.sink }, tally);
    if (hop.error) return failed(hop.error);
    const { status, headers: responseHeaders, body, fetchedAt, streamed } = hop.response;
    if (status === 304) return { kind: 'not-modified', url, finalUrl: current, status, headers: responseHeaders, fetchedAt };
    if (status >= 200 && status < 300) {
      return { kind: 'ok', url, finalUrl: current, redirects, status, headers: responseHeaders, body, fetchedAt, exchange: streamed };
    }
    const next = REDIRECT_STATUSES.has(status) ? toRedirectTarget(responseHeaders.location, current) : undefined;
    // A 3xx without a usable Location (or a 300 Multiple Choices) cannot be followed.
    if (!next) return failed(new HttpStatusError(current, status));
    if (!config.isInScope(next)) {
      return failed(new OffSiteRedirectError(current, next.href, status));
    }
    redirects.push(current);
    if (redirects.includes(next.href) || redirects.length > config.maxRedirects) {
      return failed(new RedirectLoopError(url, [...redirects, next.href]));
    }
    config.logger.debug(`redirect ${status}: ${current} → ${next.href}`);
    current = next.href;
  }
}

/** The absolute URL a Location header points to, or undefined if it is missing or not http(s). */
function toRedirectTarget(location: string | undefined, base: string): URL | undefined {
  if (!location) return undefined;
  try {
    const target = new URL(location, base);
    return target.protocol === 'http:' || target.protocol === 'https:' ? target : undefined;
  } catch {
    return undefined;
  }
}

type HopResult = { readonly response: OnceResponse; readonly error?: undefined } | { readonly error: BeauvaisError };

/**
 * One URL, retried while the failure is retryable and retries remain. 2xx, 3xx and 304 are
 * answers; 4xx and 5xx become HttpStatusError, of which 408, 429 and 5xx are retried.
 */
async function fetchRetrying(config: FetcherConfig, request: OnceRequest, tally: { attempts: number }): Promise<HopResult> {
  const { clock, logger } = config;
  const { url, signal } = request;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    await config.gate?.waitTurn(signal);
    const started = clock.now();
    tally.attempts += 1;
    const outcome = await fetchOnce(config, request);
    let error: BeauvaisError;
    if (outcome.kind === 'response') {
      const statusError = toStatusError(url, outcome.response, clock.now());
      logger.debug(`GET ${url} → ${outcome.response.status} (${clock.now() - started} ms)`);
      if (!statusError) return { response: outcome.response };
      error = statusError;
    } else {
      error = outcome.error;
      logger.debug(`GET ${url} → ${error.message} (${clock.now() - started} ms)`);
    }
    if (!error.retryable || attempt >= config.retries) return { error };
    const retryAfterMs = error instanceof HttpStatusError ? error.retryAfterMs : undefined;
    const delayMs = retryDelay(attempt, retryAfterMs, config.random);
    // 429 and 503 speak for the whole server: every request to the host waits, not only this one.
    if (error.status === 429 || error.status === 503) config.gate?.pause(delayMs);
    logger.debug(`retry ${attempt + 1}/${config.retries} of ${url} in ${delayMs} ms`);
    await clock.sleep(delayMs, signal);
  }
}

/** The HttpStatusError a 4xx/5xx response stands for (with its Retry-After), or undefined for an answer. */
function toStatusError(url: string, response: OnceResponse, nowMs: number): HttpStatusError | undefined {
  if (response.status < 400) return undefined;
  return new HttpStatusError(url, response.status, parseRetryAfter(response.headers['retry-after'], nowMs));
}
