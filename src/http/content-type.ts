/** What each kind of fetch accepts, judged from the Content-Type header before reading the body. */
import type { FetchOptions } from './types.js';

/** The kinds of content a caller may ask for. */
export type Accept = NonNullable<FetchOptions['accept']>;

/** The Accept request header sent for each kind (RFC 9110 §12.5.1). */
export const ACCEPT_HEADER: Readonly<Record<Accept, string>> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  xml: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
  text: 'text/plain,*/*;q=0.1',
  any: '*/*',
};

/** HTML media types: Joomla serves text/html; XHTML templates exist. */
const HTML_TYPE = /^(text\/html|application\/xhtml\+xml)$/;
/** XML media types: sitemaps, RSS, Atom (application/xml, text/xml, application/rss+xml…). */
const XML_TYPE = /(^|[/+])xml$/;
/** Any text type. */
const TEXT_TYPE = /^text\//;

/** The media type of a Content-Type value, lower-cased, without parameters ("text/html; charset=utf-8" → "text/html"). */
export function toMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/**
 * Whether a response of this Content-Type is what the caller asked for. A missing Content-Type is
 * accepted: the page decoder sniffs the bytes, and refusing it would lose pages of sloppy servers.
 */
export function isAcceptedType(contentType: string | undefined, accept: Accept): boolean {
  const type = toMediaType(contentType);
  if (type === '' || accept === 'any') return true;
  if (accept === 'html') return HTML_TYPE.test(type);
  // Feeds are often mislabelled text/html or text/plain, so an XML request takes any text too.
  if (accept === 'xml') return XML_TYPE.test(type) || TEXT_TYPE.test(type);
  return TEXT_TYPE.test(type);
}
