/**
 * WARC files "as other tools write them", built with warcio's own writer so the tests need no
 * binary fixtures: GNU wget's `--warc-file` (WARC/1.0, target URIs in angle brackets, the payload
 * kept as it came over the wire: chunked and gzip-compressed, sha1 base32 digests, request +
 * response + metadata + resource records) and Webrecorder's browsertrix (WARC/1.1 with revisits).
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { payloadDigest } from '../../src/warc/digest.js';
import { toChunked } from './helpers.js';

const WGET_DIGEST = { algo: 'sha-1', prefix: 'sha1:', base32: true } as const;

/** How the records of a file are compressed. */
export type Packing = 'gzip-per-record' | 'gzip-whole-file' | 'plain';

/** Serialises records into a WARC file's bytes. */
export async function packRecords(records: WARCRecord[], packing: Packing, digest?: typeof WGET_DIGEST): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const record of records) {
    parts.push(Buffer.from(await WARCSerializer.serialize(record, { gzip: packing === 'gzip-per-record', digest })));
  }
  const all = Buffer.concat(parts);
  return packing === 'gzip-whole-file' ? gzipSync(all) : all;
}

/** A wget-style capture of one page whose server answered chunked + gzip. */
export async function wgetStyleWarc(url: string, html: string, packing: Packing): Promise<Buffer> {
  const date = '2026-11-20T09:15:42Z';
  const v = 'WARC/1.0' as const;
  // wget 1.x wraps the target URI in angle brackets (warcio's fixUp undoes it when reading).
  const target = { 'WARC-Target-URI': `<${url}>` };
  const { pathname, host } = new URL(url);
  const info = WARCRecord.createWARCInfo(
    { filename: 'beauvais.warc.gz', date, warcVersion: v },
    { software: 'Wget/1.21.4 (linux-gnu)', format: 'WARC File Format 1.0', robots: 'classic', 'wget-arguments': `"--warc-file=beauvais" "${url}"` },
  );
  const requestId = '<urn:uuid:6a1e0f4c-0000-4000-8000-00000000000a>';
  const request = WARCRecord.create({
    type: 'request', date, warcVersion: v, statusline: `GET ${pathname} HTTP/1.1`,
    warcHeaders: { ...target, 'WARC-Record-ID': requestId },
    httpHeaders: { 'User-Agent': 'Wget/1.21.4', Accept: '*/*', 'Accept-Encoding': 'gzip', Host: host, Connection: 'Keep-Alive' },
  });
  const payload = toChunked(gzipSync(Buffer.from(html, 'utf8')), 64);
  const response = WARCRecord.create(
    {
      type: 'response', date, warcVersion: v, statusline: 'HTTP/1.1 200 OK',
      warcHeaders: { ...target, 'WARC-Concurrent-To': requestId, 'WARC-IP-Address': '192.0.2.10' },
      httpHeaders: { Date: 'Fri, 20 Nov 2026 09:15:42 GMT', Server: 'Apache', 'Content-Type': 'text/html; charset=utf-8', 'Transfer-Encoding': 'chunked', 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' },
    },
    [payload],
  );
  const manifest = WARCRecord.create(
    { type: 'metadata', date, warcVersion: v, url: 'metadata://gnu.org/software/wget/warc/MANIFEST.txt', warcHeaders: { 'Content-Type': 'text/plain' } },
    [Buffer.from('<urn:uuid:6a1e0f4c-0000-4000-8000-00000000000a>\n')],
  );
  const log = WARCRecord.create(
    { type: 'resource', date, warcVersion: v, url: 'metadata://gnu.org/software/wget/warc/wget.log', warcHeaders: { 'Content-Type': 'text/plain' } },
    [Buffer.from(`--2026-11-20 09:15:42--  ${url}\nHTTP request sent, awaiting response... 200 OK\n`)],
  );
  return packRecords([info, request, response, manifest, log], packing, WGET_DIGEST);
}

/** A browsertrix-style WARC/1.1: a response, a revisit with HTTP headers, a header-less revisit, a brotli page. */
export async function browsertrixStyleWarc(site: string, html: string): Promise<Buffer> {
  const v = 'WARC/1.1' as const;
  const info = WARCRecord.createWARCInfo({ filename: 'rec.warc.gz', warcVersion: v }, { software: 'Browsertrix-Crawler 1.4.0 (with warcio.js 2.4.0)' });
  const headers = { 'content-type': 'text/html; charset=utf-8', 'x-orig-content-encoding': 'gzip', 'content-length': String(Buffer.byteLength(html)) };
  const response = WARCRecord.create(
    { type: 'response', url: `${site}/a.html`, date: '2026-11-21T08:00:00.000Z', warcVersion: v, httpHeaders: headers, warcHeaders: { 'WARC-Record-ID': '<urn:uuid:11111111-1111-4111-8111-111111111111>' } },
    [Buffer.from(html)],
  );
  const digest = payloadDigest(Buffer.from(html));
  const revisit = WARCRecord.create({
    type: 'revisit', url: `${site}/b.html`, date: '2026-11-21T08:00:05.000Z', warcVersion: v, httpHeaders: headers,
    refersToUrl: `${site}/a.html`, refersToDate: '2026-11-21T08:00:00.000Z', warcHeaders: { 'WARC-Payload-Digest': digest },
  });
  const bare = WARCRecord.create({ type: 'revisit', url: `${site}/c.html`, date: '2026-11-21T08:00:06.000Z', warcVersion: v, refersToUrl: `${site}/a.html` });
  const brotli = WARCRecord.create(
    { type: 'response', url: `${site}/br.html`, date: '2026-11-21T08:00:07.000Z', warcVersion: v, httpHeaders: { 'content-type': 'text/html', 'content-encoding': 'br' } },
    [brotliCompressSync(Buffer.from(html))],
  );
  return packRecords([info, response, revisit, bare, brotli], 'gzip-per-record');
}
