/**
 * The site `rebuild` archives when `--base-url` is not given, taken from what it reads rather than a
 * default that would silently match nothing (an archive crawled from a staging host, a mirror or a
 * local server): the archive's own state when `--out` holds one, else the `--base-url` this tool's
 * crawls wrote in the warcinfo records of the WARC files, else the one host the captured pages share.
 */
import type { ArchiveStore } from '../archive/types.js';
import { DEFAULT_BASE_URL, parseBaseUrl } from '../config.js';
import { siteOfUrls, toOriginCounts } from '../discover/site-of.js';
import { isInScope } from '../discover/urls.js';
import { isAcceptedType } from '../http/content-type.js';
import { readWarcinfo } from '../warc/read-warcinfo.js';
import { readWarcResponses } from '../warc/index.js';

/** The site to rebuild and where it was taken from (said on stderr). */
export interface RebuildSite {
  readonly base: URL;
  readonly source: string;
}

/** The warcinfo `software` field of this tool's WARC files: "beauvais-archive/<version>". */
const OWN_SOFTWARE = /^beauvais-archive\//u;

/** Chooses the site: `--base-url`, else the archive's, else the crawls', else the captures', else the default. */
export async function chooseRebuildSite(explicit: URL | undefined, store: ArchiveStore, files: readonly string[]): Promise<RebuildSite> {
  if (explicit) return { base: explicit, source: '--base-url' };
  const archived = siteOfUrls(store.knownUrls());
  if (archived) return { base: archived, source: `the archive in ${store.outDir}` };
  const crawled = await readCrawlBaseUrls(files);
  const crawledSite = siteOfUrls(crawled);
  // A baseUrl that is no URL (a hand-edited warcinfo) is passed over, as siteOfUrls passes it over.
  const crawledBase = crawledSite && crawled.find((url) => URL.canParse(url) && isInScope(new URL(url), crawledSite));
  if (crawledBase) return { base: parseBaseUrl(crawledBase), source: 'the crawl options in the WARC files' };
  const captured = siteOfUrls(await readCapturedPageUrls(files));
  if (captured) return { base: captured, source: 'the host of the captured pages' };
  return { base: parseBaseUrl(DEFAULT_BASE_URL), source: 'the default' };
}

/** The `baseUrl` of the crawl options in this tool's warcinfo records, one per file that has it. */
async function readCrawlBaseUrls(files: readonly string[]): Promise<string[]> {
  const bases: string[] = [];
  for (const file of files) {
    const fields = await readWarcinfo(file);
    if (!OWN_SOFTWARE.test(fields['software'] ?? '')) continue;
    const baseUrl = parseCrawlOptions(fields['crawl-options'])?.['baseUrl'];
    if (typeof baseUrl === 'string') bases.push(baseUrl);
  }
  return bases;
}

function parseCrawlOptions(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The URLs of the 200 HTML responses in the files: the pages a rebuild could archive. */
async function readCapturedPageUrls(files: readonly string[]): Promise<string[]> {
  const urls: string[] = [];
  for await (const stored of readWarcResponses(files)) {
    if (stored.kind === 'response' && stored.status === 200 && isAcceptedType(stored.headers['content-type'], 'html')) urls.push(stored.url);
  }
  return urls;
}

/**
 * Why a rebuild that kept no page of its site but skipped records of other hosts failed: the hosts
 * seen, most frequent first, and the `--base-url` that would have matched the most records.
 */
export function renderNoPageOfSite(site: RebuildSite, otherOrigins: ReadonlyMap<string, number>): string {
  const origins = toOriginCounts(otherOrigins);
  const seen = origins.slice(0, 5).map(({ origin, count }) => `${origin} (${count} records)`);
  if (origins.length > 5) seen.push(`${origins.length - 5} more`);
  return [
    `no page of ${site.base.origin} (the site, from ${site.source}) in the WARC files; records of other hosts were skipped: ${seen.join(', ')}.`,
    `To archive those pages, run again with --base-url ${origins[0]?.origin ?? site.base.origin}`,
  ].join(' ');
}
