/**
 * Validators and conditional requests as RFC 9110 §13 defines them: a strong ETag from the bytes,
 * If-None-Match first (weak comparison, `*` matches anything), If-Modified-Since only without it.
 */
import { createHash } from 'node:crypto';

/**
 * A strong entity tag: the start of the SHA-1 of the body, quoted.
 * @param {Uint8Array} body
 */
export function etagOf(body) {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
}

/**
 * Whether a GET with these request headers is answered 304 for a representation with these validators.
 * @param {Readonly<Record<string, string | string[] | undefined>>} headers request headers, lower-case names
 * @param {{ etag: string, lastModified: number }} current
 */
export function isNotModified(headers, current) {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    const tags = (Array.isArray(inm) ? inm.join(',') : inm).split(',').map((t) => t.trim());
    const bare = (/** @type {string} */ t) => t.replace(/^W\//, '');
    return tags.some((t) => t === '*' || bare(t) === bare(current.etag));
  }
  const ims = headers['if-modified-since'];
  if (typeof ims !== 'string') return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds: compare at that precision.
  return Number.isFinite(since) && Math.floor(current.lastModified / 1000) * 1000 <= since;
}
