/**
 * What a build keeps of each article for the next one: its summary (what listings show) and its
 * search words, under the identity of its archive file (inode, size, modification time). The store
 * replaces a file by renaming a new one over it, so a rewritten article always has a new identity; an
 * unchanged one is neither read nor parsed again, which keeps a rebuild after a crawl cheap.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { isMissing, readInside, writeAtomic } from '../archive/atomic-write.js';
import type { SiteSummary } from './model.js';

/** The cache's name in the site folder. */
const SITE_CACHE = '.beauvais-site-cache.json';

/** What is kept of one article. */
export interface CachedArticle {
  /** The archive file's identity when it was read. */
  readonly stamp: string;
  /** The hash of its entry: its pages' key in the manifest. */
  readonly key: string;
  /** Its number in the search index. */
  readonly id: number;
  readonly summary: SiteSummary;
  /** The search shards its words are in (search-index.ts, toShardList). */
  readonly shards: string;
}

/** The listing pages of a build (home, dates, years, months, sections) and the hash of the summaries they show. */
export interface CachedListings {
  readonly key: string;
  readonly files: readonly string[];
}

/** The last build's articles, every archive file it saw (readable or not) in id order, and its listings. */
interface SiteCache {
  readonly sources: readonly string[];
  readonly articles: ReadonlyMap<string, CachedArticle>;
  readonly listings: CachedListings;
}

const EMPTY: SiteCache = { sources: [], articles: new Map(), listings: { key: '', files: [] } };

/**
 * The identity of an archive file: a rewrite (temporary file renamed over it) changes it; "" if it is
 * gone. Synchronous: a rebuild asks it of every file, and 20,000 stat calls through the thread pool
 * cost several times what they cost inline.
 */
export function stampOf(outDir: string, source: string): string {
  try {
    const s = statSync(path.join(outDir, ...source.split('/')), { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (error) {
    // Removed since the folder was listed: reading it reports the error.
    if (isMissing(error)) return '';
    throw error;
  }
}

/** What the last build kept; nothing when there is no usable cache. */
export async function readSiteCache(siteDir: string, tool: string): Promise<SiteCache> {
  const bytes = await readInside(siteDir, SITE_CACHE);
  if (bytes === undefined) return EMPTY;
  try {
    const data = JSON.parse(bytes.toString('utf8')) as { tool?: unknown; sources?: unknown; articles?: unknown; listings?: CachedListings };
    // Another version of the renderer may summarise differently: its cache is not used.
    if (data.tool !== tool || !Array.isArray(data.sources) || !Array.isArray(data.articles) || !Array.isArray(data.listings?.files)) return EMPTY;
    const articles = data.articles as CachedArticle[];
    return { sources: data.sources as string[], articles: new Map(articles.map((a) => [a.summary.source, a])), listings: data.listings };
  } catch {
    // A damaged cache only costs reading every article again.
    return EMPTY;
  }
}

/** Saves what this build kept, atomically, in id order. */
export async function writeSiteCache(siteDir: string, tool: string, cache: SiteCache): Promise<void> {
  const body = [...cache.articles.values()].sort((a, b) => a.id - b.id).map((a) => JSON.stringify(a)).join(',\n');
  const head = `{"tool":${JSON.stringify(tool)},"sources":${JSON.stringify(cache.sources)},"listings":${JSON.stringify(cache.listings)}`;
  await writeAtomic(path.join(siteDir, SITE_CACHE), `${head},"articles":[\n${body}\n]}\n`);
}
