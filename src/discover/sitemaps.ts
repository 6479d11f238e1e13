/**
 * Sitemaps (sitemaps.org protocol): `urlset` and `sitemapindex` XML, gzip-compressed or not, the
 * plain-text form (one URL per line), and feeds used as sitemaps, which the protocol also allows.
 * Pure, and never throws: a missing or garbage sitemap is normal on a CMS site and gives empty lists.
 */
import { gunzipSync } from 'node:zlib';
import { stripBom } from '../bom.js';
import { parseFeedDate } from './feed-dates.js';
import { isFeedXml, parseFeed } from './feeds.js';
import { isAbsoluteUrl, parseHref, uniqueUrls } from './urls.js';
import { childNode, childrenOf, childText, isNode, parseXml } from './xml.js';

/** One page listed by a sitemap. */
export interface SitemapUrl {
  /** Absolute URL (not normalised: the frontier does that). */
  readonly loc: string;
  /** W3C Datetime as given ("2017-12-08", "2017-12-08T10:30:00+01:00"); null if absent or not a date. */
  readonly lastmod: string | null;
}

/** What a sitemap lists: pages, and (for an index) further sitemaps. */
export interface ParsedSitemap {
  readonly urls: SitemapUrl[];
  readonly sitemaps: string[];
}

/** The gzip magic number (RFC 1952 §2.3.1). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** The protocol caps a sitemap at 50 MB uncompressed; a larger inflation is a gzip bomb, not a sitemap. */
const MAX_UNCOMPRESSED_BYTES = 52_428_800;

/** The pages and child sitemaps a sitemap lists, in document order, without duplicates; empty lists for garbage. */
export function parseSitemap(body: string | Buffer, sitemapUrl: string): ParsedSitemap {
  const text = toText(body);
  if (text === null) return empty();
  const trimmed = stripBom(text).trimStart();
  if (trimmed === '') return empty();
  if (trimmed.startsWith('<')) return fromXml(trimmed, sitemapUrl);
  return fromPlainText(trimmed);
}

/** The body as text: gunzipped when it starts with the gzip magic, decoded as UTF-8 (the protocol's only charset). */
function toText(body: string | Buffer): string | null {
  if (typeof body === 'string') return body;
  if (body[0] !== GZIP_MAGIC[0] || body[1] !== GZIP_MAGIC[1]) return body.toString('utf8');
  try {
    return gunzipSync(body, { maxOutputLength: MAX_UNCOMPRESSED_BYTES }).toString('utf8');
  } catch {
    return null;
  }
}

function fromXml(text: string, sitemapUrl: string): ParsedSitemap {
  if (isFeedXml(text)) {
    const urls = parseFeed(text, sitemapUrl).map((entry) => ({ loc: entry.url, lastmod: entry.publishedAt }));
    return { urls, sitemaps: [] };
  }
  const root = parseXml(text);
  if (!root) return empty();
  const urlset = childNode(root, 'urlset');
  const index = childNode(root, 'sitemapindex');
  const urls: SitemapUrl[] = [];
  const seen = new Set<string>();
  for (const entry of urlset ? childrenOf(urlset, 'url') : []) {
    if (!isNode(entry)) continue;
    const loc = toLoc(childText(entry, 'loc'), sitemapUrl);
    if (loc === null || seen.has(loc)) continue;
    seen.add(loc);
    urls.push({ loc, lastmod: parseFeedDate(childText(entry, 'lastmod')) });
  }
  const sitemaps = uniqueUrls(
    (index ? childrenOf(index, 'sitemap') : []).map((entry) => (isNode(entry) ? toLoc(childText(entry, 'loc'), sitemapUrl) : null)),
  );
  return { urls, sitemaps };
}

/** One URL per line; a line must be a full URL (sitemaps.org: "must fully specify the URL"). */
function fromPlainText(text: string): ParsedSitemap {
  const locs = text.split(/\r?\n|\r/).map((line) => line.trim()).map((line) => (isAbsoluteUrl(line) ? toLoc(line, line) : null));
  return { urls: uniqueUrls(locs).map((loc) => ({ loc, lastmod: null })), sitemaps: [] };
}

/** A `<loc>` as an absolute http(s) URL; relative ones (against the protocol, but seen) resolve against the sitemap. */
function toLoc(text: string | null, sitemapUrl: string): string | null {
  return text === null ? null : (parseHref(text, sitemapUrl)?.href ?? null);
}

/** A fresh empty result (never a shared one: callers may push into its lists). */
function empty(): ParsedSitemap {
  return { urls: [], sitemaps: [] };
}
