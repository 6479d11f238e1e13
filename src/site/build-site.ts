/**
 * Builds the reading-room site of an archive from its files alone (no network): the listing pages,
 * one page per article, a history page per changed article, the search index, the stylesheet and
 * script, and the kept media. Only `SiteWriter` touches the site folder.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import { ensureDir, isMissing, resolveInside } from '../archive/atomic-write.js';
import { acquireLock } from '../archive/lock.js';
import { listArchiveFiles, readArchiveItem } from '../archive/read-archive.js';
import { toPlainText } from '../extract/plain-text.js';
import { BeauvaisError, LockHeldError } from '../errors.js';
import type { Logger } from '../log.js';
import { renderFrenchDate } from './french.js';
import { createMarkdownRenderer } from './markdown.js';
import { compareNewestFirst, type SiteArticle, type SiteSummary, toSiteArticle, toSiteSummary } from './model.js';
import { renderArticlePage, type RenderMarkdown } from './page-article.js';
import { type ArticleVersion, renderHistoryPage } from './page-history.js';
import {
  renderDatesPage, renderHomePage, renderMonthPage, renderSectionPage, renderSectionsPage, renderYearPage, type SiteIndex, toMonthPage, toSiteIndex, toYearPage,
} from './page-lists.js';
import { renderSearchClient, renderSearchPage } from './search-client.js';
import { type ChangedDocument, writeSearchIndex } from './search-build.js';
import { addPostings, type Shard, sortShards, toShardList, toTermWeights } from './search-index.js';
import { type CachedArticle, type CachedListings, readSiteCache, stampOf, writeSiteCache } from './site-cache.js';
import { cleanSiteFolder, SiteWriter, type WriteSummary } from './site-writer.js';
import { SITE_CSS } from './style.js';

/** What to build, from where, to where. */
export interface SiteBuildOptions {
  readonly outDir: string;
  readonly siteDir: string;
  /** Empty the site folder first and render everything. */
  readonly clean: boolean;
  /** Names the renderer in the manifest: another version renders every page again. */
  readonly tool: string;
  readonly logger: Logger;
}

/** What a build did. */
export interface SiteBuildSummary extends WriteSummary {
  readonly articles: number;
  /** Articles whose pages were rendered (new or changed). */
  readonly rendered: number;
  /** Archive or history files that could not be read (reported, left out). */
  readonly unreadable: number;
}

/** Files written at once. */
const WRITE_CONCURRENCY = 8;

/** Builds or updates the site, one build per site folder at a time; returns what it did. */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildSummary> {
  await ensureDir(options.siteDir);
  const release = await lockSiteFolder(options.siteDir, options.logger);
  try {
    return await buildLocked(options);
  } finally {
    await release();
  }
}

/** The archive's own lock (lock.ts: a `.lock` folder and its owner's record), taken in the site folder. */
async function lockSiteFolder(siteDir: string, logger: Logger): Promise<() => Promise<void>> {
  try {
    return await acquireLock(siteDir, { logger });
  } catch (error) {
    if (error instanceof LockHeldError) throw new BeauvaisError(`another site build is running in ${siteDir} (lock ${error.lockPath}); try again when it has finished`, { cause: error });
    throw error;
  }
}

async function buildLocked(options: SiteBuildOptions): Promise<SiteBuildSummary> {
  if (options.clean) await cleanSiteFolder(options.siteDir);
  const writer = await SiteWriter.open(options.siteDir, options.tool);
  const cache = await readSiteCache(options.siteDir, options.tool);
  const sources = await listArchiveFiles(options.outDir);
  // An article's search number is its rank among the files: the last index can be patched when its
  // files are still the first ones, in the same order (a crawl adds articles at the end).
  const patchable = cache.sources.length > 0 && cache.sources.every((s, i) => sources[i] === s) && writer.hasPrevious('search/meta.js');
  const limit = pLimit(WRITE_CONCURRENCY);
  const renderMarkdown = createMarkdownRenderer();
  const summaries: (SiteSummary | null)[] = sources.map(() => null);
  const kept: CachedArticle[] = [];
  const changed: ChangedDocument[] = [];
  // From nothing, each article's postings go straight into the shards: no article's words are held.
  const shards = new Map<string, Shard>();
  let unreadable = 0;
  let rendered = 0;
  // A few articles at a time, each entry dropped once its pages are written: memory stays flat with the archive.
  const visit = async (source: string, id: number): Promise<void> => {
    const stamp = stampOf(options.outDir, source);
    const cached = cache.articles.get(source);
    const previous = cached?.id === id ? cached : undefined;
    if (patchable && previous && previous.stamp === stamp && writer.keepArticle(source, previous.key)) {
      summaries[id] = previous.summary;
      kept.push(previous);
      return;
    }
    const item = await readArchiveItem(options.outDir, source);
    if ('error' in item) {
      unreadable += 1;
      options.logger.error(`${item.path}: ${item.error}`);
      changed.push({ id, weights: null, shards: '', previousShards: previous?.shards ?? '' });
      return;
    }
    const article = toSiteArticle(source, item.entry);
    const key = createHash('sha256').update(JSON.stringify(item.entry)).digest('hex');
    // The search index and the history page's last diff both need the text: it is computed once.
    const text = toPlainText(item.entry.markdown);
    if (!writer.keepArticle(source, key)) {
      rendered += 1;
      // Awaited apart: `unreadable += await …` would add to the count read before the await, losing other visits' errors.
      const missingHistory = await writeArticlePages(writer, article, text, renderMarkdown, options);
      unreadable += missingHistory;
      writer.recordArticle(source, key, article.historyPage ? [article.page, article.historyPage] : [article.page]);
    }
    const weights = toTermWeights(article.title, text);
    const summary = toSiteSummary(article);
    summaries[id] = summary;
    const shardList = toShardList(weights);
    kept.push({ stamp, key, id, summary, shards: shardList });
    if (patchable) changed.push({ id, weights, shards: shardList, previousShards: previous?.shards ?? '' });
    else addPostings(shards, { id, weights });
  };
  await Promise.all(sources.map((source, id) => limit(() => visit(source, id))));
  const index = toSiteIndex(summaries.filter((s): s is SiteSummary => s !== null).sort(compareNewestFirst));
  const listings = await writeListings(writer, index, cache.listings, limit);
  const rows = summaries.map((s) => (s ? { page: s.page, title: s.title, date: renderFrenchDate(s.date), section: s.section } : null));
  const indexed = await writeSearchIndex(writer, rows, patchable ? { kind: 'patch', changed } : { kind: 'full', shards: sortShards(shards) });
  if (!indexed) await writeSearchIndex(writer, rows, { kind: 'full', shards: sortShards(await indexEveryArticle(options.outDir, sources, limit)) });
  await writeMedia(writer, index.articles, options);
  const summary = await writer.finish(options.tool);
  await writeSiteCache(options.siteDir, options.tool, { sources, articles: new Map(kept.map((k) => [k.summary.source, k])), listings });
  return { ...summary, articles: index.articles.length, rendered, unreadable };
}

/**
 * The postings of every readable article, read again from the archive: what a full index needs when
 * the last build's index could not be patched (the unchanged articles were not read this time).
 */
async function indexEveryArticle(outDir: string, sources: readonly string[], limit: LimitFunction): Promise<Map<string, Shard>> {
  const shards = new Map<string, Shard>();
  await Promise.all(sources.map((source, id) => limit(async () => {
    const item = await readArchiveItem(outDir, source);
    if ('entry' in item) addPostings(shards, { id, weights: toTermWeights(item.entry.title, toPlainText(item.entry.markdown)) });
  })));
  return shards;
}

/**
 * Writes the listing pages, the search page and the assets. They show only the articles' summaries:
 * when those are what the last build showed, its pages are kept without being rendered again.
 */
async function writeListings(writer: SiteWriter, index: SiteIndex, previous: CachedListings, limit: LimitFunction): Promise<CachedListings> {
  const key = createHash('sha256').update(JSON.stringify(index.articles)).digest('hex');
  if (key === previous.key && previous.files.every((f) => writer.hasPrevious(f))) {
    for (const file of previous.files) writer.keepPrevious(file);
    return previous;
  }
  const files: string[] = [];
  await Promise.all([...renderListings(index)].map(([path, html]) => {
    files.push(path);
    return limit(() => writer.write(path, html));
  }));
  return { key, files: files.sort() };
}

/** Every listing page, the search page and the assets. */
function* renderListings(index: SiteIndex): Iterable<[string, string]> {
  yield ['index.html', renderHomePage(index)];
  yield ['annees.html', renderDatesPage(index)];
  for (const year of index.byYear.keys()) yield [toYearPage(year), renderYearPage(index, year)];
  for (const month of index.byMonth.keys()) yield [toMonthPage(month), renderMonthPage(index, month)];
  yield ['rubriques/index.html', renderSectionsPage(index)];
  for (const page of index.bySection.keys()) yield [page, renderSectionPage(index, page)];
  yield ['recherche.html', renderSearchPage()];
  yield ['assets/site.css', SITE_CSS];
  yield ['assets/search.js', renderSearchClient()];
}

/** Writes an article's page and its history page (`text`: its plain text); returns how many history files could not be read. */
async function writeArticlePages(writer: SiteWriter, article: SiteArticle, text: string, renderMarkdown: RenderMarkdown, options: SiteBuildOptions): Promise<number> {
  await writer.write(article.page, renderArticlePage(article, renderMarkdown));
  if (!article.historyPage) return 0;
  const versions: ArticleVersion[] = [];
  let unreadable = 0;
  for (const file of article.entry.history) {
    const version = await readArchiveItem(options.outDir, file);
    if ('error' in version) {
      unreadable += 1;
      options.logger.error(`${file} (history of ${article.source}): ${version.error}`);
    } else {
      versions.push({ entry: version.entry, file });
    }
  }
  versions.push({ entry: article.entry, file: article.source, text });
  await writer.write(article.historyPage, renderHistoryPage(article, versions));
  return unreadable;
}

/** Copies each kept media file into the site (same path as under `<out>`); a missing one is reported. */
async function writeMedia(writer: SiteWriter, articles: readonly SiteSummary[], options: SiteBuildOptions): Promise<void> {
  const seen = new Set<string>();
  for (const media of articles.flatMap((a) => a.media)) {
    if (seen.has(media.path)) continue;
    seen.add(media.path);
    const source = resolveInside(options.outDir, media.path);
    // Keyed by its file's identity, as articles are: an unchanged copy is neither read nor written again.
    const stamp = stampOf(options.outDir, media.path);
    const known = `${media.sha256}:${stamp}`;
    if (stamp !== '' && writer.keepIfSame(media.path, known)) continue;
    const bytes = stamp === '' ? undefined : await readMedia(source);
    if (bytes) await writer.writeAs(media.path, bytes, known);
    else options.logger.warn(`${media.path}: kept media file is missing from the archive`);
  }
}

/** A media file's bytes; undefined when it is gone (removed since it was stamped). */
async function readMedia(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}
