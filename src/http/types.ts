/** What the fetcher hands to the rest of the pipeline: a value, never a thrown error. */
import type { Writable } from 'node:stream';
import type { BeauvaisError } from '../errors.js';

/** Response headers with lower-case names (repeated headers joined by ", "). */
export type Headers = Readonly<Record<string, string>>;

/** HTTP validators remembered per URL for conditional requests (RFC 9110 §13). */
export interface Validators {
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
}

/** A 2xx response with its whole (decompressed, size-capped) body. */
export interface FetchOk {
  readonly kind: 'ok';
  /** The URL asked for. */
  readonly url: string;
  /** The URL that answered, after in-scope redirects (equal to `url` without redirects). */
  readonly finalUrl: string;
  /** Every URL of the redirect chain before `finalUrl`. */
  readonly redirects: readonly string[];
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
  /** When the response arrived (ISO 8601, UTC). */
  readonly fetchedAt: string;
  /** With a sink: this response's exchange, which the fetcher's `onExchange` did not get (see StreamedExchange). */
  readonly exchange?: StreamedExchange | undefined;
}

/** A 304 answer to a conditional request: nothing to parse, nothing to write. */
export interface FetchNotModified {
  readonly kind: 'not-modified';
  readonly url: string;
  readonly finalUrl: string;
  readonly status: 304;
  readonly headers: Headers;
  readonly fetchedAt: string;
}

/** A request that failed for good (after its retries), with the typed reason. */
export interface FetchFailed {
  readonly kind: 'failed';
  readonly url: string;
  readonly error: BeauvaisError;
  /** How many attempts were made. */
  readonly attempts: number;
}

export type FetchResult = FetchOk | FetchNotModified | FetchFailed;

/** One request/response exchange as it went over the wire, for WARC recording. */
export interface Exchange {
  readonly url: string;
  readonly method: 'GET';
  readonly requestHeaders: Headers;
  readonly status: number;
  readonly statusText: string;
  /** Response headers as received (before decompression changed the body). */
  readonly responseHeaders: Headers;
  /** The decoded (decompressed) payload. */
  readonly body: Buffer;
  readonly startedAt: string;
}

/**
 * The exchange of a body streamed to a sink, without the body: the fetcher never holds it, so it hands
 * the exchange back on the result instead of to `onExchange`, and the caller records it with the
 * bytes it kept (or none, if it refused them).
 */
export type StreamedExchange = Omit<Exchange, 'body'>;

/** Options of one fetch call. */
export interface FetchOptions {
  /** Validators of a previous fetch: sends If-None-Match / If-Modified-Since. */
  readonly validators?: Validators | undefined;
  /** What the caller accepts; an HTML page request fails with NotHtmlError on a PDF. */
  readonly accept?: 'html' | 'xml' | 'text' | 'any';
  /**
   * Stops the fetch promptly, including backoff sleeps and the wait for the host's turn. The fetch
   * then resolves as failed with a NetworkError whose cause is `signal.reason`: callers that abort
   * check their signal before counting the failure.
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Streams a 2xx body into a Writable instead of holding it in memory (media files). Called for each
   * attempt with the response headers, before the body is read; throwing a BeauvaisError refuses the
   * response (its body is not read). The result's `body` is then empty, and its `exchange` is set.
   */
  readonly sink?: BodySink | undefined;
}

/** Where a streamed body goes; see FetchOptions.sink. */
export type BodySink = (headers: Headers) => Writable;

/** The one component that does network I/O. */
export interface Fetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
}
