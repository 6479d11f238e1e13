/**
 * The WARC records of one crawl, built with warcio (`WARCRecord.create`): a warcinfo record at the
 * head of each file, then per exchange a response (or revisit) record and the request record that
 * produced it, linked by WARC-Concurrent-To. Digests and Content-Length are computed by warcio's
 * serializer; only the revisit's payload digest is set here (warcio leaves revisits undigested).
 */
import { STATUS_CODES } from 'node:http';
import { WARCRecord } from 'warcio';
import type { Exchange } from '../http/types.js';
import { toPayloadHeaders } from './payload-headers.js';
import type { KnownPayload } from './types.js';

const WARC_VERSION = 'WARC/1.1';
/** WARC 1.1 §6.7.2: the payload equals an earlier record's (same WARC-Payload-Digest). */
export const PROFILE_IDENTICAL = 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest';
/** WARC 1.1 §6.7.3: the server answered 304 Not Modified to a conditional request. */
export const PROFILE_NOT_MODIFIED = 'http://netpreserve.org/warc/1.1/revisit/server-not-modified';

/** What the head of each file says about the crawl that wrote it. */
export interface WarcinfoFields {
  readonly fileName: string;
  readonly date: string;
  /** "name/version" of the tool. */
  readonly software: string;
  readonly crawlOptions: Readonly<Record<string, unknown>>;
}

/** The warcinfo record (WARC 1.1 §6.2) naming the tool, its version and the crawl options. */
export function toWarcinfoRecord(fields: WarcinfoFields): WARCRecord {
  return WARCRecord.createWARCInfo(
    { filename: fields.fileName, date: fields.date, warcVersion: WARC_VERSION },
    {
      software: fields.software,
      format: 'WARC File Format 1.1',
      conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      // One line of JSON: warc-fields are "name: value" lines, and JSON escapes any newline.
      'crawl-options': JSON.stringify(fields.crawlOptions, toJsonValue),
    },
  );
}

/** The response record: decoded body, headers made consistent with it. */
export function toResponseRecord(exchange: Exchange, recordId: string): WARCRecord {
  return WARCRecord.create(
    {
      url: exchange.url,
      date: exchange.startedAt,
      type: 'response',
      warcVersion: WARC_VERSION,
      warcHeaders: { 'WARC-Record-ID': recordId },
      statusline: renderStatusLine(exchange),
      httpHeaders: toPayloadHeaders(exchange.responseHeaders, exchange.body.length),
    },
    [exchange.body],
  );
}

/** A revisit record: the response's HTTP headers without its payload, pointing at the original. */
export function toRevisitRecord(
  exchange: Exchange,
  recordId: string,
  profile: typeof PROFILE_IDENTICAL | typeof PROFILE_NOT_MODIFIED,
  refersTo: KnownPayload | undefined,
  digest?: string,
): WARCRecord {
  const warcHeaders: Record<string, string> = { 'WARC-Record-ID': recordId };
  // warcio computes no payload digest for revisits; §6.7.2 requires the original's one.
  if (digest) warcHeaders['WARC-Payload-Digest'] = digest;
  // WARC 1.1 §5.14: WARC-Refers-To names the record holding the payload.
  if (refersTo) warcHeaders['WARC-Refers-To'] = refersTo.recordId;
  // A 304 has no payload: its headers go in as received. An identical payload keeps the
  // response's consistent headers, so header block + referred payload replay as one response.
  const httpHeaders =
    profile === PROFILE_NOT_MODIFIED
      ? { ...exchange.responseHeaders }
      : toPayloadHeaders(exchange.responseHeaders, exchange.body.length);
  const record = WARCRecord.create(
    {
      url: exchange.url,
      date: exchange.startedAt,
      type: 'revisit',
      warcVersion: WARC_VERSION,
      warcHeaders,
      statusline: renderStatusLine(exchange),
      httpHeaders,
      refersToUrl: refersTo?.url,
      refersToDate: refersTo?.date,
    },
    [],
  );
  // warcio always writes the identical-payload-digest profile; a 304 is the other one.
  record.warcHeaders.headers.set('WARC-Profile', profile);
  return record;
}

/** The request record, linked to its response by WARC-Concurrent-To (WARC 1.1 §5.7). */
export function toRequestRecord(exchange: Exchange, recordId: string, responseId: string): WARCRecord {
  const url = new URL(exchange.url);
  const headers: Record<string, string> = { ...exchange.requestHeaders };
  // undici adds Host itself, so the fetcher never sees it; HTTP/1.1 requires it (RFC 9112 §3.2).
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'host')) headers.host = url.host;
  return WARCRecord.create({
    url: exchange.url,
    date: exchange.startedAt,
    type: 'request',
    warcVersion: WARC_VERSION,
    warcHeaders: { 'WARC-Record-ID': recordId, 'WARC-Concurrent-To': responseId },
    statusline: `${exchange.method} ${url.pathname}${url.search} HTTP/1.1`,
    httpHeaders: headers,
  });
}

/** "HTTP/1.1 200 OK"; HTTP/2 has no reason phrase, so the standard one is used when empty. */
function renderStatusLine(exchange: Exchange): string {
  const reason = exchange.statusText || STATUS_CODES[exchange.status] || '';
  return `HTTP/1.1 ${exchange.status} ${reason}`.trimEnd();
}

/** JSON.stringify throws on a bigint and writes a RegExp as {}: keep both readable instead. */
function toJsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' || value instanceof RegExp ? String(value) : value;
}
