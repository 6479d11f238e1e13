/** Shared helpers of the WARC tests: temp archives, exchanges, a fake clock, independent readers. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import type { Clock } from '../../src/clock.js';
import type { Exchange } from '../../src/http/types.js';
import type { Logger } from '../../src/log.js';

/** A fresh `<out>` folder; `cleanup` removes it. */
export async function makeTempOut(): Promise<{ out: string; cleanup: () => Promise<void> }> {
  const out = await mkdtemp(path.join(tmpdir(), 'beauvais-warc-'));
  return { out, cleanup: () => rm(out, { recursive: true, force: true }) };
}

/** A clock frozen at `iso`. */
export function fixedClock(iso: string): Clock {
  const t = Date.parse(iso);
  return { now: () => t, sleep: async () => undefined };
}

/** A logger that remembers its warnings. */
export function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, error: (m) => warnings.push(m), warn: (m) => warnings.push(m), info() {}, debug() {} };
}

/** An HTML 200 exchange as the fetcher would hand it over (gzip on the wire, decoded body). */
export function htmlExchange(url: string, html: string, startedAt = '2026-11-26T10:00:01.250Z', extra: Partial<Exchange> = {}): Exchange {
  const body = Buffer.from(html, 'utf8');
  return {
    url,
    method: 'GET',
    requestHeaders: { 'user-agent': 'beauvais-archive/0.1.0', accept: 'text/html', 'accept-encoding': 'gzip, br' },
    status: 200,
    statusText: 'OK',
    responseHeaders: {
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': 'gzip',
      'content-length': '123',
      etag: '"v1"',
    },
    body,
    startedAt,
    ...extra,
  };
}

/** A 304 answer to a conditional request. */
export function notModifiedExchange(url: string, startedAt: string): Exchange {
  return {
    url,
    method: 'GET',
    requestHeaders: { 'user-agent': 'beauvais-archive/0.1.0', 'if-none-match': '"v1"' },
    status: 304,
    statusText: 'Not Modified',
    responseHeaders: { etag: '"v1"', date: 'Thu, 26 Nov 2026 10:05:00 GMT' },
    body: Buffer.alloc(0),
    startedAt,
  };
}

/** A parsed record with its raw block (HTTP headers excluded when parsed) read out. */
export interface ParsedRecord {
  readonly record: WARCRecord;
  readonly payload: Buffer;
}

/** Every record of a WARC file, read with warcio's own WARCParser (parseHttp: false → whole block). */
export async function parseWithWarcio(file: string, parseHttp = true): Promise<ParsedRecord[]> {
  const records: ParsedRecord[] = [];
  for await (const record of new WARCParser([await readFile(file)], { parseHttp })) {
    records.push({ record, payload: Buffer.from(await record.readFully(false)) });
  }
  return records;
}

/** One gzip member of a file: where it starts and ends, and what it inflates to. */
export interface GzipMember {
  readonly start: number;
  readonly end: number;
  readonly data: Buffer;
}

/**
 * Splits a file into its gzip members with node:zlib alone (not warcio's pako): parse the RFC 1952
 * header, inflate the raw deflate stream, which stops at its own end, then check the trailer's CRC-32
 * and size. Throws on anything that is not a sequence of whole members.
 */
export function scanGzipMembers(file: Buffer): GzipMember[] {
  const members: GzipMember[] = [];
  let pos = 0;
  while (pos < file.length) {
    if (file[pos] !== 0x1f || file[pos + 1] !== 0x8b || file[pos + 2] !== 8) throw new Error(`no gzip member at ${pos}`);
    const flags = file[pos + 3] ?? 0;
    let at = pos + 10;
    if (flags & 4) at += 2 + file.readUInt16LE(at); // FEXTRA
    if (flags & 8) at = file.indexOf(0, at) + 1; // FNAME
    if (flags & 16) at = file.indexOf(0, at) + 1; // FCOMMENT
    if (flags & 2) at += 2; // FHCRC
    const inflated = inflateRawSync(file.subarray(at), { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    const trailer = at + inflated.engine.bytesWritten;
    if (file.readUInt32LE(trailer) !== crc32(inflated.buffer)) throw new Error(`bad CRC in the member at ${pos}`);
    if (file.readUInt32LE(trailer + 4) !== inflated.buffer.length % 2 ** 32) throw new Error(`bad size in the member at ${pos}`);
    members.push({ start: pos, end: trailer + 8, data: inflated.buffer });
    pos = trailer + 8;
  }
  return members;
}

/** RFC 9112 §7.1 chunked transfer coding of `data`, in chunks of `size` bytes. */
export function toChunked(data: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) {
    const chunk = data.subarray(i, i + size);
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}
