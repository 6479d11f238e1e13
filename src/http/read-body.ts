/**
 * Reads a response body as a stream, never whole: counts bytes as they come, decodes the content
 * coding with node:zlib, and stops the moment either the wire bytes or the decoded bytes pass the
 * cap (a 50 MB page or a gzip bomb costs at most the cap in memory).
 */
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { BodyTooLargeError, NetworkError } from '../errors.js';
import { DIGITS_ONLY } from './headers.js';

/** How to read one body. */
export interface ReadBodyOptions {
  readonly url: string;
  /** The Content-Encoding header, if any ("gzip", "br", "gzip, br"). */
  readonly contentEncoding: string | undefined;
  /** The Content-Length header, if any: fewer bytes than announced means the body was cut. */
  readonly contentLength: string | undefined;
  readonly maxBytes: number;
  /** Called for every chunk received (the caller re-arms its idle timer). */
  readonly onChunk?: () => void;
  /** Where the decoded bytes go instead of memory; the body returned is then empty. */
  readonly sink?: Writable | undefined;
}

/** The decoded body; throws BodyTooLargeError or NetworkError, or whatever the source stream failed with. */
export async function readBody(source: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { url, maxBytes } = options;
  const expected = parseContentLength(options.contentLength);
  if (expected !== undefined && expected > maxBytes) {
    // Announced too large: refuse before reading a byte.
    source.destroy();
    throw new BodyTooLargeError(url, maxBytes);
  }
  let decoders: Transform[];
  try {
    decoders = toDecoders(options.contentEncoding, url);
  } catch (error) {
    source.destroy();
    throw error;
  }
  let wireBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      wireBytes += chunk.length;
      options.onChunk?.();
      done(wireBytes > maxBytes ? new BodyTooLargeError(url, maxBytes) : null, chunk);
    },
  });
  const chunks: Buffer[] = [];
  let decodedBytes = 0;
  const capped = (chunk: Buffer): Error | null => {
    decodedBytes += chunk.length;
    return decodedBytes > maxBytes ? new BodyTooLargeError(url, maxBytes) : null;
  };
  const tail = options.sink
    ? [new Transform({ transform: (chunk: Buffer, _encoding, done) => done(capped(chunk), chunk) }), options.sink]
    : [
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            const error = capped(chunk);
            if (!error) chunks.push(chunk);
            done(error);
          },
        }),
      ];
  try {
    await pipeline([source, counter, ...decoders, ...tail]);
  } catch (error) {
    // zlib errors (Z_DATA_ERROR, "unexpected end of file") mean a corrupt or truncated body.
    throw isZlibError(error) ? new NetworkError(url, error) : error;
  }
  if (expected !== undefined && wireBytes < expected) {
    throw new NetworkError(url, new Error(`body ended after ${wireBytes} of ${expected} bytes announced by Content-Length`));
  }
  return options.sink ? Buffer.alloc(0) : Buffer.concat(chunks, decodedBytes);
}

/** The Content-Length as a number, or undefined when absent or malformed. */
function parseContentLength(value: string | undefined): number | undefined {
  return value !== undefined && DIGITS_ONLY.test(value.trim()) ? Number(value) : undefined;
}

/**
 * One decoder per content coding, in decoding order: codings are listed in the order they were
 * applied (RFC 9110 §8.4), so they are undone from last to first.
 */
function toDecoders(contentEncoding: string | undefined, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip();
    // "deflate" is the zlib format (RFC 9110 §8.4.1.2); createUnzip also accepts a gzip stream sent under that name.
    if (coding === 'deflate') return zlib.createUnzip();
    if (coding === 'br') return zlib.createBrotliDecompress();
    throw new NetworkError(url, new Error(`unsupported content coding "${coding}"`));
  });
}

/** Whether an error came from node:zlib (codes Z_DATA_ERROR, Z_BUF_ERROR, ERR_BROTLI_…, ERR_ZLIB_…). */
function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(Z_|ERR_BROTLI|ERR_ZLIB)/.test(code);
}
