/**
 * What `rebuild` reads out of WARC files: per article, its most recent real capture (a 200 HTML
 * response, never a revisit or a 304) and every URL that led to it. Two passes over the files: the
 * first keeps only each record's metadata (which response is the latest for its URL, the redirects,
 * the URLs that sitemaps and feeds list), the second decodes just the chosen responses, file by file,
 * so a large capture is never held in memory. Aliases are gathered as the crawl gathers them: a
 * frontier fed with every URL the captured pages, sitemaps and feeds link to, plus redirect chains.
 */
import { createFrontier, type Frontier } from '../discover/frontier.js';
import { tallyOrigin } from '../discover/site-of.js';
import { parseFeed } from '../discover/feeds.js';
import { parseSitemap } from '../discover/sitemaps.js';
import { classifyUrl, isInScope, normaliseUrl, parseHref } from '../discover/urls.js';
import { analysePage } from './analyse-page.js';
import { isNews } from './news-policy.js';
import type { Article } from '../extract/types.js';
import { isAcceptedType } from '../http/content-type.js';
import { REDIRECT_STATUSES, validatorsOf } from '../http/headers.js';
import type { Validators } from '../http/types.js';
import type { Logger } from '../log.js';
import { readWarcFile, readWarcResponses, type StoredResponse } from '../warc/index.js';

/** One article as its latest capture shows it. */
export interface CapturedArticle {
  readonly article: Article;
  /** The capture's WARC-Date, as ISO 8601 UTC: the version's fetchedAt. */
  readonly capturedAt: string;
  /** The normalised URL the capture answered (the state's key for it). */
  readonly url: string;
  /** The WARC file (as listed) and the response record the article was extracted from. */
  readonly file: string;
  readonly recordId: string;
  /** Every URL that reached the article: captured URLs, links, redirect chains. */
  readonly aliases: readonly string[];
  readonly validators: Validators;
}

/** What the passes saw, for the summary. */
export interface CaptureCounts {
  /** HTTP response and revisit records read. */
  records: number;
  /** Records of URLs outside the site (another host or port): ignored. */
  otherHosts: number;
  /** Their origins ("http://127.0.0.1:8080") and how many records each had. */
  readonly otherOrigins: Map<string, number>;
  /** Revisits, non-200 answers, non-HTML, robots.txt, feeds and sitemaps, older captures of a URL. */
  skipped: number;
  /** Pages decoded and extracted (the latest 200 HTML capture of each URL). */
  pages: number;
  /** Of those, pages that are not articles (listings, error templates). */
  notArticles: number;
}

/** A response chosen in the first pass: where it is and when it was taken. */
interface Chosen {
  readonly file: string;
  readonly recordId: string;
  readonly time: number;
}


/** Fresh counters. */
export function createCaptureCounts(): CaptureCounts {
  return { records: 0, otherHosts: 0, otherOrigins: new Map(), skipped: 0, pages: 0, notArticles: 0 };
}

/** The articles of the WARC files, one per id (its latest capture), oldest capture first. */
export async function readCapturedArticles(
  files: readonly string[],
  base: URL,
  logger: Logger,
  counts: CaptureCounts,
): Promise<CapturedArticle[]> {
  const frontier = createFrontier({ base, maxQueued: Number.MAX_SAFE_INTEGER });
  const redirectsTo = new Map<string, Set<string>>();
  const chosen = await chooseResponses(files, base, { frontier, redirectsTo, logger, counts });

  const latest = new Map<string, CapturedArticle>();
  const urlsById = new Map<string, Set<string>>();
  const byFile = new Map<string, Map<string, Chosen>>();
  for (const c of chosen.values()) byFile.set(c.file, (byFile.get(c.file) ?? new Map<string, Chosen>()).set(c.recordId, c));
  for (const file of files) {
    const wanted = byFile.get(file);
    if (!wanted) continue;
    for await (const stored of readWarcFile(file, { logger, select: (id) => wanted.has(id) })) {
      const time = wanted.get(stored.recordId)?.time ?? 0;
      wanted.delete(stored.recordId);
      const captured = extractCapture(stored, time, base, frontier, counts);
      if (!captured) continue;
      const { id } = captured.article;
      const urls = urlsById.get(id) ?? new Set<string>();
      urlsById.set(id, urls);
      for (const url of [stored.url, ...redirectChainTo(stored.url, redirectsTo)]) urls.add(url);
      const seen = latest.get(id);
      if (!seen || Date.parse(seen.capturedAt) <= time) latest.set(id, captured);
    }
  }
  return [...latest.values()]
    .map((c) => ({ ...c, aliases: [...new Set([...frontier.aliasesOf(c.article.id), ...(urlsById.get(c.article.id) ?? [])])].sort() }))
    .sort((a, b) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt));
}

interface ScanState {
  readonly frontier: Frontier;
  /** Redirect target → the URLs that redirected to it. */
  readonly redirectsTo: Map<string, Set<string>>;
  readonly logger: Logger;
  readonly counts: CaptureCounts;
}

/** First pass: normalised URL → its latest 200 HTML response; redirects and listed URLs on the way. */
async function chooseResponses(files: readonly string[], base: URL, scan: ScanState): Promise<Map<string, Chosen>> {
  const { frontier, counts } = scan;
  const chosen = new Map<string, Chosen>();
  for await (const stored of readWarcResponses(files, { logger: scan.logger })) {
    counts.records += 1;
    const url = parseHref(stored.url, base);
    if (!url || !isInScope(url, base)) {
      counts.otherHosts += 1;
      tallyOrigin(counts.otherOrigins, stored.url);
      continue;
    }
    frontier.add(url.href);
    const time = Date.parse(stored.date);
    if (stored.kind === 'response' && REDIRECT_STATUSES.has(stored.status)) rememberRedirect(stored, scan.redirectsTo);
    if (stored.kind !== 'response' || stored.status !== 200 || Number.isNaN(time)) {
      counts.skipped += 1;
      continue;
    }
    const kind = classifyUrl(url);
    if (kind === 'sitemap' || kind === 'feed') addListedUrls(stored, kind, frontier);
    const key = normaliseUrl(url, base);
    if (kind === 'sitemap' || kind === 'feed' || kind === 'robots' || kind === 'asset' || key === null || !isAcceptedType(stored.headers['content-type'], 'html')) {
      counts.skipped += 1;
      continue;
    }
    const previous = chosen.get(key);
    // The most recent capture wins; an older one of the same URL is not extracted at all.
    if (previous && previous.time > time) {
      counts.skipped += 1;
      continue;
    }
    if (previous) counts.skipped += 1;
    chosen.set(key, { file: stored.file, recordId: stored.recordId, time });
  }
  return chosen;
}

/** Second pass, one page: its links join the frontier; its article, if it has one, is returned. */
function extractCapture(stored: StoredResponse, time: number, base: URL, frontier: Frontier, counts: CaptureCounts): CapturedArticle | null {
  counts.pages += 1;
  const { links, extraction } = analysePage({ body: stored.body, url: stored.url, headers: stored.headers, base: base.href });
  for (const link of links.links) frontier.add(link);
  for (const feed of links.feeds) frontier.add(feed, 'feed');
  const listed = frontier.kindOf(normaliseUrl(stored.url, base) ?? stored.url) === 'article';
  if (extraction.kind === 'not-article' || !isNews(extraction.article, listed)) {
    counts.notArticles += 1;
    return null;
  }
  return {
    article: extraction.article,
    capturedAt: new Date(time).toISOString(),
    url: normaliseUrl(stored.url, base) ?? stored.url,
    file: stored.file,
    recordId: stored.recordId,
    aliases: [],
    validators: validatorsOf(stored.headers),
  };
}

/** Sitemap locations and feed entries are URLs of the site, hence possible aliases (as in the crawl). */
function addListedUrls(stored: StoredResponse, kind: 'sitemap' | 'feed', frontier: Frontier): void {
  try {
    if (kind === 'sitemap') {
      const { urls, sitemaps } = parseSitemap(stored.body, stored.url);
      for (const url of sitemaps) frontier.add(url, 'sitemap');
      for (const { loc } of urls) frontier.add(loc);
    } else {
      for (const entry of parseFeed(stored.body.toString('utf8'), stored.url)) frontier.add(entry.url, 'article');
    }
  } catch {
    // A broken sitemap or feed only costs aliases.
  }
}

function rememberRedirect(stored: StoredResponse, redirectsTo: Map<string, Set<string>>): void {
  const target = parseHref(stored.headers.location ?? '', stored.url);
  if (!target) return;
  const sources = redirectsTo.get(target.href) ?? new Set<string>();
  sources.add(stored.url);
  redirectsTo.set(target.href, sources);
}

/** Every URL that redirected, directly or through other hops, to `url`. */
function redirectChainTo(url: string, redirectsTo: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const found = new Set<string>();
  const pending = [url];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const source of redirectsTo.get(next) ?? []) {
      if (source === url || found.has(source)) continue;
      found.add(source);
      pending.push(source);
    }
  }
  return [...found];
}
