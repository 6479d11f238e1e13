/**
 * Media of a crawl: each archived article's images and documents, downloaded through the crawl's
 * fetcher (same scheduler, delay, robots rules and redirects kept on the site), streamed to disk by
 * the archive store, checked (Content-Type before the body, magic bytes after) and kept once per
 * content. A URL is downloaded at most once per run, whichever articles link it.
 */
import type { ArchiveStore, MediaRef } from '../archive/types.js';
import type { MediaWrite } from '../archive/media-files.js';
import { toMediaKeys } from '../archive/save-plan.js';
import { isSameValue } from '../archive/state.js';
import type { CrawlConfig } from '../config.js';
import { BodyTooLargeError, failureKind, MediaTypeError, type BeauvaisError } from '../errors.js';
import type { RobotsPolicy } from '../http/robots.js';
import { validatorsOf } from '../http/headers.js';
import type { Exchange, Fetcher, FetchOk } from '../http/types.js';
import type { Logger } from '../log.js';
import { discoverMedia, type MediaCandidate } from '../media/discover.js';
import { confirmFormat, isCompatibleType, mediaNameOf } from '../media/types.js';
import { booleanSetting, megabytesSetting, type ArchiveSettings } from './archive-settings.js';
import type { CrawlStats } from './crawl-stats.js';
import { saveArticle } from './save-article.js';
import type { ArchiveRecord } from '../output/record.js';
import { toPlainText } from '../extract/plain-text.js';
import { unlinkMedia } from '../media/link.js';

const MB = 1024 * 1024;
/** Default cap on one media file (--media-max-mb). */
const DEFAULT_MEDIA_MAX_MB = 50;
/** Default cap on the media bytes of one run (--media-run-max-mb). */
const DEFAULT_MEDIA_RUN_MAX_MB = 2048;

/** Whether a run archives media, and its caps. */
export interface MediaSettings {
  readonly enabled: boolean;
  readonly maxFileBytes: number;
  readonly maxRunBytes: number;
}

/** The media settings of a run: the command line wins, else `<out>/archive.yaml`, else the defaults. */
export function mediaSettings({ file, data }: ArchiveSettings, config: CrawlConfig): MediaSettings {
  const megabytes = (flag: number | undefined, key: string, fallback: number) => (flag === undefined ? megabytesSetting(file, data, key) : flag * MB) ?? fallback * MB;
  return {
    enabled: config.media ?? booleanSetting(file, data, 'media') ?? false,
    maxFileBytes: megabytes(config.mediaMaxMb, 'mediaMaxMB', DEFAULT_MEDIA_MAX_MB),
    maxRunBytes: megabytes(config.mediaRunMaxMb, 'mediaRunMaxMB', DEFAULT_MEDIA_RUN_MAX_MB),
  };
}

/** What opening the archiver of a crawl takes. */
export interface OpenMediaOptions extends Omit<MediaDeps, 'fetcher'> {
  /** --dry-run: nothing is downloaded. */
  readonly dryRun: boolean;
  /** The crawl's fetcher with another body cap (same dispatcher, gate, scope and exchange listener). */
  readonly fetcherFor: (maxBodyBytes: number) => Fetcher;
}

/** The crawl's media archiver, or undefined when media are off (or the run is dry: nothing is downloaded). */
export function openMediaArchiver(options: OpenMediaOptions): MediaArchiver | undefined {
  const { dryRun, fetcherFor, ...deps } = options;
  if (!deps.settings.enabled) return undefined;
  if (dryRun) {
    deps.logger.info('dry run: no media file is downloaded');
    return undefined;
  }
  return createMediaArchiver({ ...deps, fetcher: fetcherFor(deps.settings.maxFileBytes) });
}

/** What the media of one article came to. */
export interface MediaOutcome {
  /** The files archived, in body order. */
  readonly media: MediaRef[];
  /** How many failed (counted in the crawl's failures; retried by the next run). */
  readonly failed: number;
}

/** Everything the media archiver needs, injected. */
export interface MediaDeps {
  /** A fetcher sharing the crawl's dispatcher and request gate, with the media size cap. */
  readonly fetcher: Fetcher;
  readonly store: ArchiveStore;
  readonly robots: RobotsPolicy;
  readonly base: URL;
  readonly settings: MediaSettings;
  readonly stats: CrawlStats;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  /** --full: ask without validators. */
  readonly full: boolean;
  /**
   * WARC recording on: takes each streamed media exchange, its payload read back from the file kept
   * (the fetcher's own listener takes the others: redirects, errors, 304).
   */
  readonly record?: ((exchange: Exchange) => void) | undefined;
}

/** The media archiver of one crawl. */
export interface MediaArchiver {
  /** Downloads (or finds already archived) the media an article's Markdown links to. */
  archive(markdown: string): Promise<MediaOutcome>;
}

type Download = { readonly kind: 'kept'; readonly ref: MediaRef } | { readonly kind: 'skipped' } | { readonly kind: 'failed' };

/** A media archiver; each URL is downloaded once per run, whichever articles link it. */
function createMediaArchiver(deps: MediaDeps): MediaArchiver {
  const downloads = new Map<string, Promise<Download>>();
  const run = { bytes: 0, capReported: false };
  const downloadOnce = (candidate: MediaCandidate): Promise<Download> => {
    let pending = downloads.get(candidate.url);
    if (!pending) {
      pending = download(candidate, deps, run);
      downloads.set(candidate.url, pending);
    }
    return pending;
  };
  return {
    async archive(markdown) {
      // One file after another: the run's byte cap is then exact, and one article never floods the site.
      const outcomes: Download[] = [];
      for (const candidate of discoverMedia(markdown, deps.base)) outcomes.push(await downloadOnce(candidate));
      const media = outcomes.flatMap((o) => (o.kind === 'kept' ? [o.ref] : []));
      return { media, failed: outcomes.filter((o) => o.kind === 'failed').length };
    },
  };
}

async function download(candidate: MediaCandidate, deps: MediaDeps, run: { bytes: number; capReported: boolean }): Promise<Download> {
  const { url, format } = candidate;
  const { logger, stats } = deps;
  if (!deps.robots.isAllowed(url)) {
    logger.debug(`robots.txt disallows ${url}`);
    stats.skippedByRobots += 1;
    return { kind: 'skipped' };
  }
  if (run.bytes >= deps.settings.maxRunBytes) {
    if (!run.capReported) logger.warn(`media: this run reached --media-run-max-mb (${deps.settings.maxRunBytes} bytes); the other files wait for the next run`);
    run.capReported = true;
    return { kind: 'skipped' };
  }
  let write: MediaWrite | undefined;
  const expected = format?.ext.toUpperCase() ?? 'an image';
  const known = deps.full ? undefined : deps.store.mediaState(url);
  const result = await deps.fetcher.fetch(url, {
    accept: 'any',
    signal: deps.signal,
    validators: known?.validators,
    sink: (headers) => {
      // Checked before the body is read: an HTML error page is not downloaded as a "PDF".
      if (!isCompatibleType(headers['content-type'], format)) throw new MediaTypeError(url, expected, `Content-Type ${headers['content-type'] ?? ''}`);
      void write?.abort();
      write = deps.store.media.open();
      return write.stream;
    },
  });
  if (result.kind !== 'ok') {
    await write?.abort();
    if (result.kind === 'failed') return reportFailure(result.error, deps);
    // 304: the file kept last time is still the one.
    if (!known) return { kind: 'skipped' };
    stats.mediaNotModified += 1;
    return { kind: 'kept', ref: { url, ...known.file } };
  }
  const confirmed = write ? confirmFormat(write.head(), format) : undefined;
  if (!write || !confirmed) {
    await recordStreamed(result, undefined, deps);
    await write?.abort();
    return reportFailure(new MediaTypeError(url, expected, 'its first bytes say otherwise'), deps);
  }
  const stored = await write.commit(mediaNameOf(new URL(url)), confirmed.ext);
  await recordStreamed(result, stored.path, deps);
  run.bytes += stored.bytes;
  stats.mediaFetched += 1;
  stats.mediaBytes += stored.bytes;
  const file = { path: stored.path, sha256: stored.sha256, type: confirmed.types[0]!, bytes: stored.bytes };
  // A changed file is a new content, so a new file: the old one stays for the versions that name it.
  await deps.store.recordMedia(url, { validators: validatorsOf(result.headers), file });
  return { kind: 'kept', ref: { url, ...file } };
}

/**
 * Hands the streamed exchange of a download to the WARC recorder, with the kept file's bytes as its
 * payload (read back once: bounded by --media-max-mb); a refused file is recorded without its payload.
 */
async function recordStreamed(result: FetchOk, path: string | undefined, deps: MediaDeps): Promise<void> {
  const { exchange } = result;
  if (!exchange || !deps.record) return;
  deps.record({ ...exchange, body: path === undefined ? Buffer.alloc(0) : await deps.store.media.read(path) });
}

/** Gone, too large or off the site: reported and skipped. Anything else failed and is retried next run. */
function reportFailure(error: BeauvaisError, deps: MediaDeps): Download {
  if (deps.signal.aborted) return { kind: 'skipped' };
  if (failureKind(error, [BodyTooLargeError]) !== 'retry') {
    deps.stats.skipped += 1;
    deps.logger.info(`media skipped: ${error instanceof BodyTooLargeError ? `${error.message} (--media-max-mb)` : error.message}`);
    return { kind: 'skipped' };
  }
  deps.stats.failed += 1;
  deps.logger.warn(`media failed: ${error.message} (will be retried by the next run)`);
  return { kind: 'failed' };
}

/** What refreshing an article's media needs from the crawl. */
export interface RefreshDeps {
  readonly store: ArchiveStore;
  readonly media: MediaArchiver;
  readonly stats: CrawlStats;
  readonly emit: (record: ArchiveRecord) => Promise<void>;
}

/**
 * The media of an article whose page answered 304: its archived body's files are asked again with
 * their validators (304: nothing to do), a changed or newly reachable file is kept, and the article
 * is saved again only if its media changed (the previous version goes to its history). Returns the
 * number of media that failed.
 */
export async function refreshMedia(id: string, fetchedAt: string, deps: RefreshDeps): Promise<number> {
  const archived = await deps.store.readArticle(id);
  if (!archived) return 0;
  const { entry } = archived;
  const markdown = unlinkMedia(entry.markdown);
  const { media, failed } = await deps.media.archive(markdown);
  // The usual case: the same files as archived, nothing to save (and the file is not read again).
  if (isSameValue(toMediaKeys(media), toMediaKeys(entry.media ?? []))) return failed;
  const text = toPlainText(markdown);
  const article = { ...entry, dateSource: entry.dateSource === 'first-seen' ? null : entry.dateSource, markdown, text };
  // The page itself was a 304 (counted as such): only a new version for its media is counted again.
  const counts = { new: 0, updated: 0, unchanged: 0, duplicates: 0 };
  await saveArticle(deps.store, { article, fetchedAt, aliases: [], warc: entry.warc, media }, counts, deps.emit);
  deps.stats.updated += counts.updated;
  return failed;
}
