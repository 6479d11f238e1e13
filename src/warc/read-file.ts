/**
 * Reads the HTTP responses and revisits of one WARC file (`.warc`, or `.warc.gz` as one gzip member
 * per record or as one member for the whole file) with warcio's WARCParser.
 *
 * A crawl that was killed can leave a torn record at the end. warcio does not report one: a torn
 * gzip member simply yields nothing, and a short plain record yields a short block. So every block
 * is read raw and checked against its Content-Length, and at the end the compressed bytes warcio
 * consumed are compared with the file's size. A torn record stops the file with a warning.
 */
import { open } from 'node:fs/promises';
import { LimitReader, AsyncIterReader, WARCParser, type WARCRecord } from 'warcio';
import { silentLogger, type Logger } from '../log.js';
import { toDecodedPayload } from './decode-payload.js';
import type { StoredResponse } from './types.js';

export interface ReadWarcOptions {
  /** Told about torn or unreadable files (default: silent). */
  readonly logger?: Logger | undefined;
}

export interface ReadWarcFileOptions extends ReadWarcOptions {
  /** Decode only the records whose id this accepts; the others are still read, never returned. */
  readonly select?: ((recordId: string) => boolean) | undefined;
}

/** Only these URIs are HTTP captures (Heritrix also writes `dns:` responses). */
const HTTP_URI = /^https?:\/\//i;

/** The responses and revisits of one WARC file, in file order; stops with a warning at a torn record. */
export async function* readWarcFile(file: string, options: ReadWarcFileOptions = {}): AsyncGenerator<StoredResponse> {
  const logger = options.logger ?? silentLogger;
  // Opened first, so a missing file is the caller's error rather than a warning.
  const handle = await open(file, 'r');
  const stream = handle.createReadStream();
  let fileBytes = 0;
  const reader = new AsyncIterReader(countBytes(stream, (n) => (fileBytes += n)));
  const parser = new WARCParser(reader);
  try {
    for (;;) {
      let record: WARCRecord | null;
      let raw: Uint8Array;
      try {
        record = await parser.parse();
        if (!record) break;
        // The LimitReader must be taken before reading: afterwards warcio hides it.
        const block = record.reader;
        raw = await record.readFully(false);
        if (!isWhole(record, block)) {
          logger.warn(`${file}: torn WARC record at offset ${parser.offset} (an interrupted crawl?); the rest of the file is ignored`);
          return;
        }
      } catch (error) {
        logger.warn(`${file}: unreadable WARC data after offset ${parser.offset} (${String(error)}); the rest of the file is ignored`);
        return;
      }
      const recordId = record.warcHeader('WARC-Record-ID') ?? '';
      if (!isHttpCapture(record) || (options.select && !options.select(recordId))) continue;
      yield await toStoredResponse(record, raw, file);
    }
    // A torn last gzip member leaves bytes warcio silently never inflated.
    if (reader.compressed && reader.getRawOffset() < fileBytes) {
      logger.warn(`${file}: torn gzip member at offset ${reader.getRawOffset()} of ${fileBytes} bytes (an interrupted crawl?); ignored`);
    }
  } finally {
    stream.destroy();
    await handle.close().catch(() => undefined);
  }
}

/** Whether the record has its mandatory headers and all the block its Content-Length announced. */
function isWhole(record: WARCRecord, block: unknown): boolean {
  if (!record.warcHeader('WARC-Record-ID') || !record.warcType || record.warcHeader('Content-Length') == null) return false;
  return !(block instanceof LimitReader && block.limit > 0);
}

function isHttpCapture(record: WARCRecord): boolean {
  return (record.warcType === 'response' || record.warcType === 'revisit') && HTTP_URI.test(record.warcTargetURI ?? '');
}

async function toStoredResponse(record: WARCRecord, raw: Uint8Array, file: string): Promise<StoredResponse> {
  const httpHeaders = toHeaderRecord(record.httpHeaders?.headers);
  const revisit = record.warcType === 'revisit';
  const decoded = revisit ? { body: Buffer.alloc(0), headers: httpHeaders } : await toDecodedPayload(raw, httpHeaders);
  return {
    url: record.warcTargetURI ?? '',
    status: Number(record.httpHeaders?.statusCode) || 0,
    headers: decoded.headers,
    body: decoded.body,
    date: record.warcDate ?? '',
    recordId: record.warcHeader('WARC-Record-ID') ?? '',
    file,
    kind: revisit ? 'revisit' : 'response',
    payloadDigest: record.warcPayloadDigest ?? null,
    revisit: revisit
      ? {
          profile: record.warcHeader('WARC-Profile') ?? null,
          url: record.warcRefersToTargetURI ?? null,
          date: record.warcRefersToDate ?? null,
          recordId: record.warcHeader('WARC-Refers-To') ?? null,
        }
      : null,
  };
}

/** Lower-case names; a repeated header (Set-Cookie) joined by ", " as the fetcher does. */
function toHeaderRecord(headers: Iterable<[string, string]> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers ?? []) {
    const lower = name.toLowerCase();
    out[lower] = lower in out ? `${out[lower]}, ${value}` : value;
  }
  return out;
}

async function* countBytes(source: AsyncIterable<Uint8Array>, count: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    count(chunk.length);
    yield chunk;
  }
}
