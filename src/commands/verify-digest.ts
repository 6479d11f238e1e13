/**
 * Whether a stored response's payload matches its `WARC-Payload-Digest`, for `verify`. Our own files
 * always hash the payload as stored (SHA-256, hex). Other tools write SHA-1 or SHA-256, in hex or
 * base32, and some (wget, Heritrix) hash the bytes as they came over the wire, chunked or compressed,
 * which the reader has since decoded: such a digest cannot be recomputed, and is not held against them.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isOwnWarcFileName, type StoredResponse } from '../warc/index.js';

/** `WARC-Payload-Digest` forms that can be recomputed: SHA-1 or SHA-256, hex or RFC 4648 base32. */
const DIGEST = /^(sha-?1|sha-?256):([0-9a-z]+)=*$/i;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Why a response's payload does not match its WARC-Payload-Digest; null when it does or cannot be compared. */
export function payloadProblem(record: StoredResponse): string | null {
  const own = isOwnWarcFileName(path.basename(record.file));
  const declared = record.payloadDigest;
  if (!declared) return own ? `WARC record ${record.recordId} has no WARC-Payload-Digest` : null;
  const matches = digestMatches(declared, record.body);
  if (matches === null) return own ? `WARC record ${record.recordId} has a digest this tool cannot check: ${declared}` : null;
  if (matches) return null;
  // The reader undid a coding (x-orig-* headers): the digest may be of the wire bytes.
  const decoded = 'x-orig-content-encoding' in record.headers || 'x-orig-transfer-encoding' in record.headers;
  if (!own && decoded) return null;
  return `the payload of WARC record ${record.recordId} does not match its digest ${declared}`;
}

/** Whether `body` has the declared digest; null when its algorithm or encoding is not one we know. */
function digestMatches(declared: string, body: Uint8Array): boolean | null {
  const match = DIGEST.exec(declared.trim());
  if (!match?.[1] || !match[2]) return null;
  const digest = createHash(match[1].toLowerCase().replace('-', '')).update(body).digest();
  const value = match[2].toUpperCase();
  if (value.length === digest.length * 2) return value === digest.toString('hex').toUpperCase();
  return value === toBase32(digest);
}

/** RFC 4648 base32 without padding, as Heritrix and wget write SHA-1 digests. */
function toBase32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    for (; bits >= 5; bits -= 5) out += BASE32[(value >>> (bits - 5)) & 31];
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

/** Whether two digests use one algorithm ("sha256:…" and "sha256:…"), so they can be compared as text. */
export function isSameAlgorithm(a: string, b: string): boolean {
  return a.split(':', 1)[0]?.toLowerCase() === b.split(':', 1)[0]?.toLowerCase();
}

