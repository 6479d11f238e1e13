/**
 * Bytes to text, once per page. The charset is chosen the way browsers do (WHATWG "encoding
 * sniffing", via encoding-sniffer): a byte-order mark, then the HTTP `charset`, then `<meta charset>`
 * or `http-equiv` in the first kilobyte. ISO-8859-1 is read as windows-1252, as browsers do, so the
 * ’ « » € œ of old Joomla pages (bytes 0x80–0x9F) come out right. UTF-8 is decoded by TextDecoder;
 * every other charset by iconv-lite: Node 20's TextDecoder maps windows-1252 to plain latin-1 and
 * loses exactly those characters.
 */
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import { stripBom } from '../bom.js';
import { toMediaType } from '../http/content-type.js';

// iconv-lite is required on first use, not imported: loading it and building its codec index take
// 15–25 ms, paid by every `extract` in a shell loop, and UTF-8 pages (nearly all of them) never need it.
const require = createRequire(import.meta.url);
const iconv = (): typeof import('iconv-lite') => require('iconv-lite') as typeof import('iconv-lite');

/** A decoded page body and the charset used. */
export interface DecodedHtml {
  readonly html: string;
  /** Lower-case WHATWG name: "utf-8", "windows-1252", "utf-16le"… */
  readonly encoding: string;
}

/** The `charset` parameter of a Content-Type header value, if any (RFC 9110 §8.3.2). */
export function parseCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/iu.exec(contentType ?? '');
  const label = (match?.[1] ?? match?.[2] ?? '').trim();
  return label === '' ? undefined : label;
}

/** Whether a Content-Type may hold a page (absent, HTML, XHTML, text, or the catch-all octet-stream). */
export function isHtmlContentType(contentType: string | undefined): boolean {
  const type = toMediaType(contentType);
  return type === '' || type === 'application/octet-stream' || type.startsWith('text/') || type.includes('html') || type.endsWith('+xml') || type.endsWith('/xml');
}

/** Labels of the single-byte Latin charsets (as the sniffer names them) that old French pages declare. */
const SINGLE_BYTE_LATIN: ReadonlySet<string> = new Set(['windows-1252', 'iso-8859-1', 'iso-8859-15']);

/** The WHATWG prescan reads the first kilobyte; a late declaration is looked for this far. */
const SNIFFED_BYTES = 1024;
const LATE_DECLARATION_BYTES = 64 * 1024;

function sniff(bytes: Buffer, charset: string | undefined, maxBytes: number): Sniffer {
  const sniffer = new Sniffer({ maxBytes, ...(charset ? { transportLayerEncodingLabel: charset } : {}) });
  sniffer.write(bytes);
  return sniffer;
}

/** Decodes a page body: BOM, then the HTTP charset, then the document's own declaration; never throws. */
export function decodeHtml(body: Uint8Array | string, contentType?: string): DecodedHtml {
  if (typeof body === 'string') return { html: stripBom(body), encoding: 'utf-8' };
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const charset = parseCharset(contentType);
  // A scan of the whole body, asked up to three times below: done once, when first asked.
  let utf8: boolean | undefined;
  const validUtf8 = () => (utf8 ??= isUtf8(bytes));
  let sniffer = sniff(bytes, charset, SNIFFED_BYTES);
  // A declaration after the first kilobyte (behind a long head of scripts, or an archive's banner) is
  // still the page's own word on its charset, as Chromium reads it: looked for when nothing came first.
  if (sniffer.resultType === ResultType.DEFAULT && !validUtf8()) sniffer = sniff(bytes, charset, LATE_DECLARATION_BYTES);
  let encoding = sniffer.encoding.toLowerCase();
  // Nothing declared: a browser in a French locale would assume windows-1252, but an undeclared modern
  // page is almost always UTF-8; bytes that are valid UTF-8 are read as such.
  if (sniffer.resultType === ResultType.DEFAULT) encoding = validUtf8() ? 'utf-8' : 'windows-1252';
  if (encoding !== 'utf-8' && !iconv().encodingExists(encoding)) encoding = 'windows-1252';
  // Declared Latin (by HTTP or the page) but valid UTF-8: Latin text with accents is never valid UTF-8
  // ("é" alone is 0xE9), so these bytes are UTF-8 under a wrong label; reading them as Latin adds "Ã©".
  if (SINGLE_BYTE_LATIN.has(encoding) && validUtf8()) encoding = 'utf-8';
  // Both strip a leading BOM and replace invalid sequences with U+FFFD instead of throwing; for UTF-8
  // they give the same text, byte for byte, so which one ran never shows in the output.
  const html = encoding === 'utf-8' ? new TextDecoder().decode(bytes) : iconv().decode(bytes, encoding);
  return { html, encoding };
}


/** Magic numbers of the binary files a web server may hand out in place of a page. */
// Seen through whichever charset decoded them: 0x89 is "‰" in windows-1252 and U+FFFD in UTF-8.
const BINARY_MAGIC = /^(?:%PDF-|[\u2030\u0089\uFFFD]PNG|GIF8[79]a|(?:\u00FF\u00D8|\uFFFD\uFFFD)[\u00FF\uFFFD]|PK\u0003\u0004|Rar!)/u;
/** Control characters that do not occur in text. */
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/gu;

/**
 * Whether decoded text is really a binary file (PDF, image, archive): a known magic number, or
 * control characters (NUL included) making more than 1% of the first kilobyte. One stray NUL is not
 * enough: a CMS that let one into a title still serves an article, which must not be lost for it.
 */
export function isBinaryText(text: string): boolean {
  const head = text.slice(0, 1024);
  if (BINARY_MAGIC.test(head.trimStart())) return true;
  const controls = head.match(BINARY_CONTROL)?.length ?? 0;
  return controls > head.length / 100;
}
