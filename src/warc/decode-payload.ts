/**
 * The real payload of a response record written by another tool. wget stores the bytes exactly as
 * they came over the wire, so the payload may still be chunked (Transfer-Encoding) and compressed
 * (Content-Encoding). warcio's AsyncIterReader de-chunks and inflates gzip/deflate; it does not know
 * brotli (warcio.js issue #4), which node:zlib decodes here.
 */
import { brotliDecompressSync } from 'node:zlib';
import { AsyncIterReader } from 'warcio';
import { toPayloadHeaders } from './payload-headers.js';

/** A payload ready to parse, and headers that describe it. */
export interface DecodedPayload {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

/** Undoes the transfer and content codings of a stored HTTP payload (`headers`: lower-case names). */
export async function toDecodedPayload(raw: Uint8Array, headers: Readonly<Record<string, string>>): Promise<DecodedPayload> {
  const coding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  const chunked = (headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked');
  const encoded = coding !== '' && coding !== 'identity';
  if (!encoded && !chunked) return { body: Buffer.from(raw), headers: { ...headers } };

  let body: Buffer;
  try {
    if (coding === 'br') {
      const dechunked = chunked ? await new AsyncIterReader([raw], null, true).readFully() : raw;
      body = brotliDecompressSync(dechunked);
    } else {
      // warcio falls back to the bytes as they are when they do not inflate.
      body = Buffer.from(await new AsyncIterReader([raw], encoded ? coding : null, chunked).readFully());
    }
  } catch {
    return { body: Buffer.from(raw), headers: { ...headers } };
  }
  // Nothing was undone (a lying header): keep the headers that describe the bytes as they are.
  if (body.equals(raw)) return { body, headers: { ...headers } };
  return { body, headers: toPayloadHeaders(headers, body.length) };
}
