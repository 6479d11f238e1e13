/**
 * HTTP headers made consistent with a decoded payload. The fetcher hands us the body after undici
 * removed the chunking and the Content-Encoding, so the response record stores that decoded body;
 * keeping `Content-Encoding: gzip` or `Transfer-Encoding: chunked` would make every WARC reader try
 * to decode it a second time. Like Webrecorder's browsertrix-crawler, the original values are kept
 * under an `x-orig-` prefix and Content-Length is set to the stored length.
 */
import type { Headers } from '../http/types.js';

/** Headers that describe the bytes on the wire rather than the payload we store. */
const WIRE_HEADERS = ['content-encoding', 'transfer-encoding'] as const;
const ORIGINAL_PREFIX = 'x-orig-';

/** Lower-case headers describing `bodyLength` bytes of decoded payload; originals kept as x-orig-*. */
export function toPayloadHeaders(headers: Headers, bodyLength: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if ((WIRE_HEADERS as readonly string[]).includes(lower)) {
      // "identity" changes nothing: keep it as it was sent.
      if (value.trim().toLowerCase() === 'identity') out[lower] = value;
      else out[ORIGINAL_PREFIX + lower] = value;
    } else if (lower === 'content-length') {
      if (value.trim() !== String(bodyLength)) out[ORIGINAL_PREFIX + lower] = value;
    } else {
      out[lower] = value;
    }
  }
  out['content-length'] = String(bodyLength);
  return out;
}
