/**
 * What a build keeps of each article for the next one: its summary (what listings show) and its
 * search words, under the identity of its archive file (inode, size, modification time). The store
 * replaces a file by renaming a new one over it, so a rewritten article always has a new identity; an
 * unchanged one is neither read nor parsed again, which keeps a rebuild after a crawl cheap.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { isMissing, writeAtomic } from '../archive/atomic-write.js';
import type { SiteSummary } from './model.js';

/** The cache's name in the site folder. */
export const SITE_CACHE = '.beauvais-site-cache.json';

/** What is kept of one article. */
export interface CachedArticle {
  /** The archive file's identity when it was read. */
  readonly stamp: string;
  /** The hash of its entry: its pages' key in the manifest. */
  readonly key: string;
  readonly summary: SiteSummary;
  readonly weights: Readonly<Record<string, number>>;
}

/** The identity of an archive file: a rewrite (temporary file renamed over it) changes it. */
export async function stampOf(outDir: string, source: string): Promise<string> {
  const s = await stat(path.join(outDir, ...source.split('/')), { bigint: true });
  return `${s.ino}:${s.size}:${s.mtimeNs}`;
}

/** The articles the last build kept, by archive file; none when there is no usable cache. */
export async function readSiteCache(siteDir: string, tool: string): Promise<Map<string, CachedArticle>> {
  let text: string;
  try {
    text = await readFile(path.join(siteDir, SITE_CACHE), 'utf8');
  } catch (error) {
    if (isMissing(error)) return new Map();
    throw error;
  }
  try {
    const data = JSON.parse(text) as { tool?: unknown; articles?: unknown };
    // Another version of the renderer may summarise differently: its cache is not used.
    if (data.tool !== tool || typeof data.articles !== 'object' || data.articles === null) return new Map();
    return new Map(Object.entries(data.articles as Record<string, CachedArticle>));
  } catch {
    // A damaged cache only costs reading every article again.
    return new Map();
  }
}

/** Saves what this build kept, atomically, in archive file order. */
export async function writeSiteCache(siteDir: string, tool: string, articles: readonly CachedArticle[]): Promise<void> {
  const sorted = [...articles].sort((a, b) => (a.summary.source < b.summary.source ? -1 : 1));
  const body = sorted.map((a) => `${JSON.stringify(a.summary.source)}:${JSON.stringify(a)}`).join(',\n');
  await writeAtomic(path.join(siteDir, SITE_CACHE), `{"tool":${JSON.stringify(tool)},"articles":{\n${body}\n}}\n`);
}
