/**
 * `crawl`: resolves the options, opens the archive (lock), reads robots.txt, seeds the frontier and
 * runs the crawler; then saves the state, prints the summary and maps the outcome to an exit code.
 */
import { type ArchiveStore, openArchive } from '../archive/store.js';
import { type CrawlConfig, type RawOptions, resolveCrawlConfig } from '../config.js';
import { createFrontier, type Frontier } from '../discover/frontier.js';
import { RobotsUnavailableError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { allowAllPolicy, type RobotsPolicy } from '../http/robots.js';
import { openSiteFetcher, type SiteFetcher } from '../http/site-fetcher.js';
import { renderUserAgent } from '../http/user-agent.js';
import type { Logger } from '../log.js';
import { createProgress } from '../output/progress.js';
import type { ArchiveRecord } from '../output/record.js';
import { readVersion } from '../version.js';
import { type CommandContext, writeOut } from './context.js';
import { createAnalyser } from './analyser-pool.js';
import { countFailures, createStats, renderSummary } from './crawl-stats.js';
import { readArchiveSettings } from './archive-settings.js';
import { mediaSettings, openMediaArchiver } from './crawl-media.js';
import { openCrawlRecorder, type WarcRecorder } from './crawl-warc.js';
import { runCrawler } from './crawler.js';

/** Runs `crawl` and returns its exit code (0, 1, 3, 130, 143; usage errors are thrown). */
export async function runCrawlCommand(raw: RawOptions, ctx: CommandContext): Promise<number> {
  const config = resolveCrawlConfig(raw, renderUserAgent(readVersion()));
  const progress = createProgress(ctx.stderr, config.logLevel, ctx.clock);
  const { logger } = progress;
  const interruption = listenForInterruption(ctx.signal);
  const stats = createStats(ctx.clock.now());
  let site: SiteFetcher | undefined;
  let outcome: number = ExitCode.ok;
  try {
    const store = await openArchive(config.outDir, { clock: ctx.clock, logger, dryRun: config.dryRun });
    let warc: WarcRecorder | undefined;
    try {
      // archive.yaml is read once, before any request: a bad setting stops the run before it starts.
      const archive = await readArchiveSettings(config.outDir);
      const mediaConfig = mediaSettings(archive, config);
      // Opened once the lock is held: two crawls never append to one archive's WARC files.
      warc = await openCrawlRecorder(config, archive, ctx.clock, logger);
      site = openSiteFetcher({
        site: config.baseUrl,
        userAgent: config.userAgent,
        timeoutMs: config.timeoutMs,
        delayMs: config.delayMs,
        retries: config.retries,
        maxBodyBytes: config.maxBodyBytes,
        dispatcher: ctx.dispatcher,
        connections: config.concurrency,
        clock: ctx.clock,
        logger,
        onExchange: warc?.onExchange,
      });
      const { fetcher } = site;
      const robots = await readRobots(site, config, logger);
      if (!robots) return (outcome = ExitCode.fatal);
      const media = openMediaArchiver({
        settings: mediaConfig, store, robots, stats, logger,
        base: config.baseUrl,
        full: config.full,
        dryRun: config.dryRun,
        signal: interruption.signal,
        record: warc?.onExchange,
        fetcherFor: site.withMaxBodyBytes,
      });
      // The requests are already spaced by the larger of the two; said only when robots.txt's is.
      if (robots.crawlDelayMs !== undefined && robots.crawlDelayMs > config.delayMs) {
        logger.info(`robots.txt asks for a Crawl-delay of ${robots.crawlDelayMs / 1000} s: honoured`);
      }
      // --since pages through the listings for recent articles only: it does not revisit the archive.
      const frontier = seedFrontier(config, robots, store.failedUrls(), config.since === undefined ? store.knownUrls() : []);
      const analyser = await createAnalyser();
      try {
        await runCrawler({
          config, fetcher, store, frontier, robots, stats, logger,
          signal: interruption.signal,
          analyse: analyser.analyse,
          emit: (record) => emitRecord(record, config, ctx),
          onProgress: (done, known) => progress.update(done, known, countFailures(stats)),
          warcRefFor: warc?.refFor,
          media,
        });
      } finally {
        await analyser.close();
      }
      await mergeAliases(frontier, store);
    } finally {
      try {
        await warc?.close();
      } finally {
        await store.close();
      }
    }
    if (interruption.signal.aborted) outcome = interruption.signal.reason === 'SIGTERM' ? ExitCode.sigterm : ExitCode.sigint;
    else if (countFailures(stats) > 0) outcome = ExitCode.partial;
    return outcome;
  } finally {
    progress.stop();
    interruption.dispose();
    await site?.close();
    if (config.logLevel !== 'quiet' || outcome !== ExitCode.ok) {
      const label = interruption.signal.aborted ? `(interrupted by ${String(interruption.signal.reason)}) ` : config.dryRun ? '(dry run) ' : '';
      ctx.stderr.write(renderSummary(stats, ctx.clock.now(), label));
    }
  }
}

/** robots.txt, or null when it is unavailable (RFC 9309: assume complete disallow; the run stops). */
async function readRobots(site: SiteFetcher, config: CrawlConfig, logger: Logger): Promise<RobotsPolicy | null> {
  if (config.ignoreRobots) {
    logger.warn('--ignore-robots: robots.txt is not read');
    return allowAllPolicy();
  }
  const robots = await site.readRobots();
  if (!(robots instanceof RobotsUnavailableError)) return robots;
  logger.error(`${robots.message}; nothing was fetched. Run again later, or use --ignore-robots.`);
  return null;
}

/**
 * The start points: URLs that failed last time first, then the home page and sitemaps, then every
 * page the previous runs know. Revisiting known pages directly is what lets an unchanged listing
 * answer 304 without being read again (crawl-page.ts): its links are among them.
 */
function seedFrontier(config: CrawlConfig, robots: RobotsPolicy, failed: readonly string[], known: readonly string[]): Frontier {
  const frontier = createFrontier({ base: config.baseUrl });
  for (const url of failed) frontier.add(url);
  frontier.add(config.baseUrl.href, 'listing');
  for (const sitemap of robots.sitemaps) frontier.add(sitemap, 'sitemap');
  frontier.add(new URL('/sitemap.xml', config.baseUrl).href, 'sitemap');
  for (const url of known) frontier.add(url);
  return frontier;
}

/** stdout: the record with --json; in a dry run without --json, what would be written (change, path, url). */
async function emitRecord(record: ArchiveRecord, config: CrawlConfig, ctx: CommandContext): Promise<void> {
  if (config.json) await writeOut(ctx.stdout, `${JSON.stringify(record)}\n`);
  else if (config.dryRun) await writeOut(ctx.stdout, `${record.change}\t${record.path}\t${record.url}\n`);
}

/** Aliases found after an article was saved (another category path later in the crawl) join its file. */
async function mergeAliases(frontier: Frontier, store: ArchiveStore): Promise<void> {
  for (const [id, urls] of frontier.aliasGroups()) await store.addAliases(id, urls);
}

/** SIGINT/SIGTERM (or the context's signal) abort the crawl; a second signal exits at once. */
function listenForInterruption(external: AbortSignal | undefined): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (external) {
    const onAbort = () => controller.abort(external.reason);
    external.addEventListener('abort', onAbort, { once: true });
    // A caller's signal outlives the crawl (a program running several): leave no listener on it.
    return { signal: controller.signal, dispose: () => external.removeEventListener('abort', onAbort) };
  }
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(name === 'SIGTERM' ? ExitCode.sigterm : ExitCode.sigint);
    controller.abort(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
