/**
 * Typed errors, one small class per failure mode (the ky / Crawlee way). Each carries the URL and
 * HTTP status it concerns and its cause, and the class decides what happens next: `retryable`
 * tells the fetcher whether another attempt may succeed, and `exitCodeFor` maps the fatal ones.
 */

export interface ErrorDetails {
  url?: string | undefined;
  status?: number | undefined;
  cause?: unknown;
}

/** Base class of every error this tool raises on purpose. */
export class BeauvaisError extends Error {
  readonly url: string | undefined;
  readonly status: number | undefined;
  /** Whether the same request may succeed if tried again later. */
  readonly retryable: boolean = false;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.url = details.url;
    this.status = details.status;
  }
}

/** The server answered with a status we do not accept (4xx, 5xx, or an unexpected 3xx). */
export class HttpStatusError extends BeauvaisError {
  /** Delay asked by a Retry-After header, in milliseconds, if any. */
  readonly retryAfterMs: number | undefined;
  override readonly retryable: boolean;
  constructor(url: string, status: number, retryAfterMs?: number) {
    super(`HTTP ${status} for ${url}`, { url, status });
    this.retryAfterMs = retryAfterMs;
    // RFC 9110: 5xx and 429 are transient; 408 is a server-side timeout.
    this.retryable = status >= 500 || status === 429 || status === 408;
  }
}

/** No headers or no complete body within the configured time. */
export class TimeoutError extends BeauvaisError {
  override readonly retryable = true;
  constructor(url: string, phase: 'headers' | 'body', timeoutMs: number, cause?: unknown) {
    super(`timed out after ${timeoutMs} ms waiting for the ${phase} of ${url}`, { url, cause });
  }
}

/** The connection failed: refused, reset, DNS, truncated body, corrupt compression. */
export class NetworkError extends BeauvaisError {
  override readonly retryable = true;
  constructor(url: string, cause: unknown) {
    super(`network error for ${url}: ${describeCause(cause)}`, { url, cause });
  }
}

/** A redirect pointed outside the crawl scope (another host, port or scheme); never followed. */
export class OffSiteRedirectError extends BeauvaisError {
  readonly location: string;
  constructor(url: string, location: string, status: number) {
    super(`redirect from ${url} to ${location}, outside the site: not followed`, { url, status });
    this.location = location;
  }
}

/** Too many redirects, or a redirect loop. */
export class RedirectLoopError extends BeauvaisError {
  constructor(url: string, hops: readonly string[]) {
    super(`too many redirects or a loop from ${url} (${hops.length} hops)`, { url });
  }
}

/** The body exceeded the maximum size; it is cut and the page is not archived. */
export class BodyTooLargeError extends BeauvaisError {
  constructor(url: string, limitBytes: number) {
    super(`body of ${url} exceeds ${limitBytes} bytes`, { url });
  }
}

/** A response that is not HTML (PDF, image, binary) where a page was expected. */
export class NotHtmlError extends BeauvaisError {
  constructor(url: string, contentType: string) {
    super(`${url} is not an HTML page (${contentType || 'no content type'})`, { url });
  }
}

/** A media file whose Content-Type or first bytes contradict the format its link promised (an HTML error page served as a PDF). */
export class MediaTypeError extends BeauvaisError {
  constructor(url: string, expected: string, found: string) {
    super(`${url} is not ${expected} (${found}); not kept`, { url });
  }
}

/** robots.txt forbids this URL for our user agent (RFC 9309). */
export class RobotsDisallowedError extends BeauvaisError {
  constructor(url: string) {
    super(`robots.txt disallows ${url}`, { url });
  }
}

/** robots.txt could not be read (5xx or unreachable): RFC 9309 says assume complete disallow. */
export class RobotsUnavailableError extends BeauvaisError {
  constructor(url: string, cause?: unknown) {
    super(`robots.txt at ${url} is unavailable (${describeCause(cause)}): treating the whole site as disallowed for this run`, { url, cause });
  }
}

/** The page is not an article (a listing, an empty page, a 404 template, a PDF). */
export class NotAnArticleError extends BeauvaisError {
  constructor(url: string, readonly reason: string) {
    super(`${url} is not an article: ${reason}`, { url });
  }
}

/** Wrong command-line usage: bad option value, missing argument. Exit 2. */
export class UsageError extends BeauvaisError {}

/** Another crawl holds the archive's lock. Exit 1. */
export class LockHeldError extends BeauvaisError {
  constructor(readonly lockPath: string, cause?: unknown) {
    super(`another crawl is running on this archive (lock ${lockPath}); try again when it has finished`, { cause });
  }
}

/** The archive folder cannot be written (read-only, full disk, permissions). Exit 1. */
export class ArchiveWriteError extends BeauvaisError {
  constructor(readonly path: string, cause: unknown) {
    super(`cannot write ${path}: ${describeCause(cause)}`, { cause });
  }
}

/** The crawl state is unreadable and could not be recovered. Exit 1, the archive left untouched. */
export class StateCorruptError extends BeauvaisError {
  constructor(readonly path: string, detail: string, cause?: unknown) {
    super(`crawl state ${path} is corrupt: ${detail}`, { cause });
  }
}

/** `site --to` names a folder that is not empty and was not built by `site`: never written into, never cleaned. Exit 1. */
export class NotASiteFolderError extends BeauvaisError {}

/** What a failed fetch of a page or media file comes to: gone from the site, skipped for good, or retried by the next run. */
export type FailureKind = 'gone' | 'skipped' | 'retry';

/** Whether the server says the resource is no more (404 Not Found, 410 Gone): asking again will not help. */
export function isGone(error: BeauvaisError): boolean {
  return error instanceof HttpStatusError && (error.status === 404 || error.status === 410);
}

/**
 * How a failed fetch is handled: gone (404, 410), never followed off the site, or one of the caller's
 * `skippable` errors (what it refuses for good, such as a PDF where a page was expected) is skipped;
 * anything else may succeed later, so the next run retries it.
 */
export function failureKind(error: BeauvaisError, skippable: readonly (new (...args: never[]) => BeauvaisError)[] = []): FailureKind {
  if (isGone(error)) return 'gone';
  if (error instanceof OffSiteRedirectError || skippable.some((type) => error instanceof type)) return 'skipped';
  return 'retry';
}

/** A short human description of any thrown value (error code first: ECONNRESET says more than a stack). */
export function describeCause(cause: unknown): string {
  if (cause === undefined || cause === null) return 'unknown cause';
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
  }
  return String(cause);
}
