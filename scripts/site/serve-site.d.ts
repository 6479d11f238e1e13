/**
 * Types of serve-site.js: a generated site on a real loopback socket, for the benchmark, the
 * end-to-end tests and the fault-injection suite.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Site } from './generate-site.js';

/**
 * What the `faults` hook may do with a request instead of (or around) the normal answer.
 * Every action except 'hang' and 'hang-after-headers' comes after `latencyMs`, like a normal answer.
 *
 * - `'pass'` (or returning undefined): the normal answer.
 * - `{ status, headers?, body? }`: exactly this response (e.g. `{ status: 503, headers: { 'retry-after': '2' } }`).
 * - `{ redirect, status? }`: a redirect (302 by default) to `redirect`, which may be relative or on another host.
 * - `{ delayMs }`: the normal answer, `delayMs` later than usual (for header timeouts on the client).
 * - `{ slowBody: { chunkBytes, intervalMs } }`: the normal headers at once, then the body trickled
 *   in `chunkBytes` pieces every `intervalMs` (for body timeouts).
 * - `'hang'`: never answers; the connection stays open until the client gives up or the server closes.
 * - `'hang-after-headers'`: the normal status and headers (with the full Content-Length), then nothing.
 * - `'reset-before'`: the connection is reset (TCP RST) before any byte of the response: ECONNRESET.
 * - `'reset-mid-body'`: the normal headers and half the body, then a TCP RST.
 * - `'short-body'`: the normal headers (full Content-Length), half the body, then a clean close (FIN):
 *   fewer bytes than announced.
 * - `'corrupt-gzip'`: the normal status and headers plus `Content-Encoding: gzip` (whatever the client
 *   asked), and a gzip body whose deflate stream is overwritten: decompression must fail (a 304 becomes 200).
 */
export type FaultAction =
  | 'pass'
  | { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string | Uint8Array }
  | { readonly redirect: string; readonly status?: 301 | 302 | 303 | 307 | 308 }
  | { readonly delayMs: number }
  | { readonly slowBody: { readonly chunkBytes: number; readonly intervalMs: number } }
  | 'hang'
  | 'hang-after-headers'
  | 'reset-before'
  | 'reset-mid-body'
  | 'short-body'
  | 'corrupt-gzip';

/** What the `faults` hook knows about a request. */
export interface FaultContext {
  /** 1 for the first request of this exact URL (path and query) since the start or `resetLog()`, 2 for the second… */
  readonly nth: number;
  /** 0-based index of this request among all requests the server received. */
  readonly index: number;
  readonly site: Pick<Site, 'route'>;
}

export interface ServeOptions {
  /** Added before every answer (default 0), with real timers. */
  readonly latencyMs?: number;
  /** Chooses a fault for a request; undefined or 'pass' gives the normal answer. */
  readonly faults?: (req: IncomingMessage, ctx: FaultContext) => FaultAction | undefined | Promise<FaultAction | undefined>;
  /** Keep the request log (default true). */
  readonly log?: boolean;
  /** Gzip 200 answers when the request's Accept-Encoding allows it (default false: most clients of the bench do not ask). */
  readonly gzip?: boolean;
}

/** One request as the server saw it. */
export interface LoggedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  /** The path alone. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The status sent; null if none was (hang, reset before the answer). */
  status: number | null;
  /** When the request arrived: epoch milliseconds, sub-millisecond precision. */
  readonly at: number;
  /** When the response ended or the connection closed; null while in flight. */
  doneAt: number | null;
}

export interface ServedSite {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Every request since the start or `resetLog()`, in arrival order (a live array). */
  readonly requests: LoggedRequest[];
  /** The most requests in flight at once (arrived, response not yet closed). */
  readonly peakConcurrency: number;
  /** Requests in flight now. */
  readonly inFlight: number;
  /** Empties the log, the per-URL counts of `FaultContext.nth` and the peak (to what is in flight now). */
  resetLog(): void;
  /** Stops listening and destroys every connection, hanging ones included. */
  close(): Promise<void>;
}

/** Serves `site.route()` on 127.0.0.1, port 0; 404 for unknown paths, 405 for methods other than GET and HEAD. */
export function serveSite(site: Pick<Site, 'route'>, options?: ServeOptions): Promise<ServedSite>;
