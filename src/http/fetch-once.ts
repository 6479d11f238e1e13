/**
 * One GET request and its response, no retry and no redirect: those belong to the fetcher. It
 * watches two deadlines itself (headers, then the gap between body chunks) on top of undici's
 * own headersTimeout/bodyTimeout, so a stalled server and a stalled mock are both cut off.
 */
import { STATUS_CODES } from 'node:http';
import { request, type Dispatcher } from 'undici';
import type { Clock } from '../clock.js';
import type { Writable } from 'node:stream';
import { ArchiveWriteError, BeauvaisError, NotHtmlError, TimeoutError } from '../errors.js';
import { isAcceptedType, type Accept } from './content-type.js';
import { toFetchError } from './fetch-error.js';
import { toHeaders } from './headers.js';
import { readBody } from './read-body.js';
import type { BodySink, Exchange, Headers, StreamedExchange } from './types.js';

/** What every request of one fetcher shares. */
export interface OnceConfig {
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly clock: Clock;
  readonly onExchange?: ((exchange: Exchange) => void) | undefined;
}

/** One request to send. */
export interface OnceRequest {
  readonly url: string;
  readonly headers: Headers;
  readonly accept: Accept;
  readonly signal?: AbortSignal | undefined;
  readonly sink?: BodySink | undefined;
}

/** A complete response, whatever its status. */
export interface OnceResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: Buffer;
  readonly fetchedAt: string;
  /** The exchange of a body streamed to the request's sink, handed back rather than to `onExchange` (see StreamedExchange). */
  readonly streamed?: StreamedExchange | undefined;
}

/** A response, or the reason there is none. */
export type OnceOutcome = { readonly kind: 'response'; readonly response: OnceResponse } | { readonly kind: 'error'; readonly error: BeauvaisError };

/**
 * Sends one GET and reads its body. Never throws for network or HTTP problems; rejects only with
 * the caller's abort reason when `request.signal` aborts.
 */
export async function fetchOnce(config: OnceConfig, req: OnceRequest): Promise<OnceOutcome> {
  const { url } = req;
  const startedAt = new Date(config.clock.now()).toISOString();
  const deadline = createDeadline(config.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, deadline.signal]) : deadline.signal;
  try {
    deadline.arm('headers');
    const res = await request(url, {
      dispatcher: config.dispatcher,
      method: 'GET',
      headers: req.headers,
      signal,
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
    });
    const fetchedAt = new Date(config.clock.now()).toISOString();
    const status = res.statusCode;
    const headers = toHeaders(res.headers);
    const success = status >= 200 && status < 300;
    if (success && !isAcceptedType(headers['content-type'], req.accept)) {
      // A PDF or an image where a page was expected: drop the connection rather than download it.
      res.body.destroy();
      return { kind: 'error', error: new NotHtmlError(url, headers['content-type'] ?? '') };
    }
    let sink: Writable | undefined;
    if (success && req.sink) {
      try {
        sink = req.sink(headers);
      } catch (error) {
        if (!(error instanceof BeauvaisError)) throw error;
        res.body.destroy();
        return { kind: 'error', error };
      }
    }
    let body: Buffer;
    if (status === 304) {
      // No body by definition (RFC 9110 §15.4.5): a re-crawl is mostly these, so no stream is set up.
      await res.body.dump();
      body = EMPTY;
    } else {
      deadline.arm('body');
      const reading = readBody(res.body, {
        url,
        contentEncoding: headers['content-encoding'],
        contentLength: headers['content-length'],
        maxBytes: config.maxBodyBytes,
        onChunk: () => deadline.arm('body'),
        sink,
      });
      // The body of an error or redirect page only matters to the WARC record: a broken one must
      // not hide the status, which is what decides retry or failure.
      body = success ? await reading : await reading.catch(() => EMPTY);
    }
    req.signal?.throwIfAborted();
    const statusText = res.statusText || STATUS_CODES[status] || '';
    const exchange: StreamedExchange = { url, method: 'GET', requestHeaders: req.headers, status, statusText, responseHeaders: headers, startedAt };
    // A streamed body is not in memory: its exchange goes back to the caller, who has the bytes it kept.
    if (sink) return { kind: 'response', response: { status, statusText, headers, body, fetchedAt, streamed: exchange } };
    config.onExchange?.({ ...exchange, body });
    return { kind: 'response', response: { status, statusText, headers, body, fetchedAt } };
  } catch (cause) {
    if (req.signal?.aborted) throw req.signal.reason;
    // The sink could not write (a full or read-only disk): the archive's failure, not the network's.
    if (cause instanceof ArchiveWriteError) throw cause;
    const phase = deadline.expired();
    const error = phase ? new TimeoutError(url, phase, config.timeoutMs, cause) : toFetchError(cause, url, config.timeoutMs);
    return { kind: 'error', error };
  } finally {
    deadline.clear();
  }
}

const EMPTY = Buffer.alloc(0);

/** A re-armable timer that aborts its signal when a phase overruns, remembering which phase it was. */
function createDeadline(timeoutMs: number) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let expiredPhase: 'headers' | 'body' | undefined;
  const clear = () => clearTimeout(timer);
  return {
    signal: controller.signal,
    arm(phase: 'headers' | 'body') {
      clear();
      timer = setTimeout(() => {
        expiredPhase = phase;
        controller.abort();
      }, timeoutMs);
    },
    clear,
    expired: () => expiredPhase,
  };
}
