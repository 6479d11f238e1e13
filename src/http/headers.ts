/** Request and response headers: lower-case names, one string per name. */
import type { IncomingHttpHeaders } from 'node:http';
import { ACCEPT_HEADER, type Accept } from './content-type.js';
import type { Headers, Validators } from './types.js';

/** 1*DIGIT: the grammar of both Content-Length (RFC 9110 §8.6) and Retry-After's delta-seconds (§10.2.3). */
export const DIGITS_ONLY = /^\d+$/;

/** Statuses that redirect with a Location header (RFC 9110 §15.4); 300 and 304 do not. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The validators a response carries (ETag, Last-Modified), to send back on the next request. */
export function validatorsOf(headers: Headers): Validators {
  return { etag: headers.etag, lastModified: headers['last-modified'] };
}

/** The codings we can decode ourselves (node:zlib); undici leaves `request()` bodies encoded. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Response headers as a plain record: lower-case names, repeated headers joined by ", " (RFC 9110 §5.3). */
export function toHeaders(raw: IncomingHttpHeaders | Record<string, string | string[] | undefined>): Headers {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** What the request needs to say about itself. */
export interface RequestHeaderInput {
  readonly userAgent: string;
  readonly accept: Accept;
  readonly validators?: Validators | undefined;
}

/**
 * The headers of a GET request. Validators become conditional headers (RFC 9110 §13.1): the ETag
 * as If-None-Match, Last-Modified as If-Modified-Since (a server that knows both checks the ETag).
 */
export function toRequestHeaders(input: RequestHeaderInput): Headers {
  const headers: Record<string, string> = {
    'user-agent': input.userAgent,
    accept: ACCEPT_HEADER[input.accept],
    'accept-encoding': ACCEPT_ENCODING,
    // The site is French; asking for French keeps a multilingual Joomla from serving another language.
    'accept-language': 'fr-FR,fr;q=0.9',
  };
  if (input.validators?.etag) headers['if-none-match'] = input.validators.etag;
  if (input.validators?.lastModified) headers['if-modified-since'] = input.validators.lastModified;
  return headers;
}
