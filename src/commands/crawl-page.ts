/**
 * One frontier item of a crawl: fetch it, read its links, extract and archive its article.
 * Everything here reports through the crawl's counters; nothing throws for a bad page.
 */
import type { ArchiveStore } from '../archive/store.js';
import type { WarcRef } from '../archive/types.js';
import type { CrawlConfig } from '../config.js';
import type { Frontier, FrontierItem } from '../discover/frontier.js';
import { parseFeed } from '../discover/feeds.js';
import { parseSitemap } from '../discover/sitemaps.js';
import { articleIdFromUrl } from '../discover/urls.js';
import { failureKind, HttpStatusError, NotHtmlError, type BeauvaisError } from '../errors.js';
import type { Article } from '../extract/types.js';
import { validatorsOf } from '../http/headers.js';
import type { Fetcher, FetchOk } from '../http/types.js';
import type { Logger } from '../log.js';
import type { ArchiveRecord } from '../output/record.js';
import type { PageAnalysis, PageInput } from './analyse-page.js';
import { refreshMedia, type MediaArchiver } from './crawl-media.js';
import type { CrawlStats } from './crawl-stats.js';
import { isNews } from './news-policy.js';
import { saveArticle } from './save-article.js';
import type { SinceGate } from './since-gate.js';

export interface PageDeps {
  readonly config: CrawlConfig;
  readonly fetcher: Fetcher;
  readonly store: ArchiveStore;
  readonly frontier: Frontier;
  readonly since: SinceGate;
  readonly stats: CrawlStats;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  /** Called with each new or updated article's record (stdout with --json, the dry-run plan). */
  readonly emit: (record: ArchiveRecord) => Promise<void>;
  /** Parses a fetched page and extracts its links and article (on a worker thread when possible). */
  readonly analyse: (input: PageInput) => Promise<PageAnalysis>;
  /**
   * A page with no article (a listing, a static page) was read whole and had this ETag. The crawler
   * keeps it as the page's validator only if the run then reads every link (crawler.ts).
   */
  readonly onPageWithoutArticle: (url: string, etag: string) => void;
  /** Where the WARC records of this response are, once written (WARC recording on). */
  readonly warcRefFor?: ((result: FetchOk) => Promise<WarcRef | undefined>) | undefined;
  /** Downloads each archived article's media (media archiving on). */
  readonly media?: MediaArchiver | undefined;
}

/** Processes one frontier item; resolves when its writes are done, never rejects for a bad page. */
export async function crawlItem(item: FrontierItem, deps: PageDeps): Promise<void> {
  switch (item.kind) {
    case 'sitemap':
      return crawlSitemap(item, deps);
    case 'feed':
      return crawlFeed(item, deps);
    case 'article':
    case 'listing':
      return crawlPage(item, deps);
    default:
      return undefined;
  }
}

async function crawlSitemap(item: FrontierItem, deps: PageDeps): Promise<void> {
  const result = await deps.fetcher.fetch(item.url, { accept: 'any', signal: deps.signal });
  if (result.kind !== 'ok') return reportDiscoveryMiss(item.url, result, deps);
  deps.stats.fetched += 1;
  const { urls, sitemaps } = parseSitemap(result.body, result.finalUrl);
  for (const url of sitemaps) deps.frontier.add(url, 'sitemap');
  for (const { loc } of urls) deps.frontier.add(loc);
}

async function crawlFeed(item: FrontierItem, deps: PageDeps): Promise<void> {
  const result = await deps.fetcher.fetch(item.url, { accept: 'any', signal: deps.signal });
  if (result.kind !== 'ok') return reportDiscoveryMiss(item.url, result, deps);
  deps.stats.fetched += 1;
  for (const entry of parseFeed(result.body.toString('utf8'), result.finalUrl)) deps.frontier.add(entry.url, 'article');
}

/** Sitemaps and feeds are aids: a missing one (404) is normal, other failures count. */
function reportDiscoveryMiss(url: string, result: Awaited<ReturnType<Fetcher['fetch']>>, deps: PageDeps): void {
  if (result.kind !== 'failed' || deps.signal.aborted) return;
  if (result.error instanceof HttpStatusError && !result.error.retryable) {
    deps.logger.debug(`no ${url} (${result.error.status})`);
    return;
  }
  deps.stats.failed += 1;
  deps.logger.warn(result.error.message);
}

async function crawlPage(item: FrontierItem, deps: PageDeps): Promise<void> {
  const { config, store, stats } = deps;
  const previous = store.urlState(item.url);
  // Articles, and URLs that gave one last time (an id-less page, an old address redirecting to one),
  // are asked conditionally. So are listings that carry validators: a complete run gave them, after
  // reading every link they hold, so a 304 means links already known and revisited (seedFrontier).
  const conditional = !config.full && (item.kind === 'article' || previous?.articleId !== undefined || (previous?.validators !== undefined && config.since === undefined));
  const validators = conditional ? previous?.validators : undefined;
  const result = await deps.fetcher.fetch(item.url, { validators, accept: 'html', signal: deps.signal });
  if (result.kind === 'failed') {
    await reportPageFailure(item.url, result.error, deps);
    deps.since.onArticle(item.url, null);
    return;
  }
  if (result.kind === 'not-modified') {
    stats.notModified += 1;
    // A 304 is a successful fetch: it clears a failure left by an earlier run (validators and article kept).
    const mediaFailed = deps.media && previous?.articleId ? await refreshMedia(previous.articleId, result.fetchedAt, { ...deps, media: deps.media }) : 0;
    await store.recordFetch(item.url, mediaFailed > 0 ? { validators: {} } : {});
    deps.since.onArticle(item.url, null);
    return;
  }
  stats.fetched += 1;
  if (result.finalUrl !== item.url) deps.frontier.add(result.finalUrl, item.kind);
  const { links, extraction } = await deps.analyse({
    body: result.body,
    url: result.finalUrl,
    headers: result.headers,
    base: config.baseUrl.href,
  });
  const queued = links.links.filter((url) => deps.frontier.add(url) === 'queued');
  for (const feed of links.feeds) deps.frontier.add(feed, 'feed');
  if (extraction.kind === 'not-article' || !isNews(extraction.article, item.kind === 'article')) {
    // A URL that gave an article before, now answering with no article, is an error page served as 200.
    if (previous?.articleId) {
      const reason = extraction.kind === 'not-article' ? extraction.reason : 'no longer a dated article';
      await reportPageFailure(item.url, new HttpStatusError(item.url, result.status), deps, reason);
    } else if (item.kind === 'article' && extraction.kind === 'not-article') {
      await reportNotExtracted(item.url, extraction.reason, deps);
    } else {
      // No validators kept: sent back with an article URL's next request, an error page's Last-Modified
      // or ETag could earn a 304 for the real article and hide it for good.
      await store.recordFetch(item.url, { validators: {}, articleId: null });
      // A listing's ETag (an exact match, unlike a date) may become its validator at the end of the run.
      const etag = result.headers.etag;
      if (item.kind !== 'article' && etag) deps.onPageWithoutArticle(item.url, etag);
    }
    deps.since.onListing(links.next, queued.filter((url) => articleIdFromUrl(url) !== null));
    deps.since.onArticle(item.url, null);
    return;
  }
  await archiveArticle(item.url, extraction.article, result, deps);
}

async function archiveArticle(url: string, article: Article, result: FetchOk, deps: PageDeps): Promise<void> {
  const { config, store, stats } = deps;
  deps.since.onArticle(url, article.publishedAt);
  if (config.since && article.publishedAt && article.publishedAt.slice(0, 10) < config.since) {
    stats.skippedOld += 1;
    // Not archived, so no validators: a later run without --since must get the page, not a 304.
    await store.recordFetch(url, { validators: {}, articleId: article.id });
    return;
  }
  const aliases = new Set([...deps.frontier.aliasesOf(article.id), url, result.finalUrl, ...result.redirects]);
  aliases.delete(article.url);
  const media = await deps.media?.archive(article.markdown);
  // Cut short by SIGINT/SIGTERM mid-media: saved by the next run, which fetches it first, with all its files.
  if (media && deps.signal.aborted) return recordInterrupted(url, deps, 'interrupted while its media were fetched');
  const input = { article, fetchedAt: result.fetchedAt, aliases: [...aliases].sort(), warc: await deps.warcRefFor?.(result), media: media?.media };
  const saved = await saveArticle(store, input, stats, deps.emit);
  if (saved.change === 'duplicate') {
    deps.logger.info(`duplicate: ${url} has the same text as article ${saved.duplicateOf ?? '?'}; not written again`);
  }
  // A media file that failed is retried by fetching the page again in full next run.
  await store.recordFetch(url, { validators: media?.failed ? {} : validatorsOf(result.headers), articleId: article.id });
}

/**
 * A page reached as an article (an article-shaped URL, a feed entry, an id-bearing link) that gave
 * none: a template the extractor cannot read must not leave the archive empty while the run reports
 * success. Counted, said on stderr, kept as failed so that the next run asks again, exit 3.
 */
async function reportNotExtracted(url: string, reason: string, deps: PageDeps): Promise<void> {
  if (deps.signal.aborted) return recordInterrupted(url, deps);
  deps.stats.notExtracted += 1;
  deps.logger.warn(`not extracted: ${url}: ${reason} (reached as an article; will be retried by the next run)`);
  await deps.store.recordFailure(url, `not extracted: ${reason}`);
}

/** Cut short by SIGINT/SIGTERM, not failed: remembered like the pages not reached, fetched first next run. */
async function recordInterrupted(url: string, deps: PageDeps, reason = 'interrupted while it was fetched'): Promise<void> {
  await deps.store.recordFailure(url, reason);
}

/** Gone, not HTML or off-site: reported and skipped. Anything else failed and is retried next run. */
async function reportPageFailure(url: string, error: BeauvaisError, deps: PageDeps, detail?: string): Promise<void> {
  if (deps.signal.aborted) return recordInterrupted(url, deps);
  const kind = failureKind(error, [NotHtmlError]);
  if (kind !== 'retry') {
    deps.stats.skipped += 1;
    deps.logger.info(`skipped: ${error.message}`);
    // Known from an earlier run and now gone: not asked again every run (a link to it still is).
    if (kind === 'gone') await deps.store.recordGone(url);
    return;
  }
  deps.stats.failed += 1;
  const reason = detail ? `${url}: ${detail}` : error.message;
  deps.logger.warn(`failed: ${reason} (will be retried by the next run)`);
  await deps.store.recordFailure(url, reason);
}

