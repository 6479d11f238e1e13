/**
 * The crawl loop: take items from the frontier, at most `concurrency` at a time (p-limit through the
 * scheduler), until the frontier is empty, --max-pages is reached or the run is interrupted.
 * On interruption no new page starts, the pages in flight finish their writes, and the pages still
 * queued are remembered so that the next run fetches them first.
 */
import type { ArchiveStore } from '../archive/store.js';
import type { CrawlConfig } from '../config.js';
import type { Frontier } from '../discover/frontier.js';
import { createScheduler } from '../http/schedule.js';
import type { RobotsPolicy } from '../http/robots.js';
import { type PageDeps, crawlItem } from './crawl-page.js';
import { createSinceGate } from './since-gate.js';

export interface CrawlerDeps extends Omit<PageDeps, 'since' | 'onPageWithoutArticle'> {
  readonly robots: RobotsPolicy;
  /** Told after each item: pages done, pages known. */
  readonly onProgress?: ((done: number, known: number) => void) | undefined;
}

/** Crawls from the frontier's current content; resolves when done or interrupted. */
export async function runCrawler(deps: CrawlerDeps): Promise<void> {
  const { config, frontier, robots, stats, signal } = deps;
  const scheduler = createScheduler({ concurrency: config.concurrency });
  const since = createSinceGate(config.since, (url) => frontier.add(url, 'listing'));
  const listingEtags = new Map<string, string>();
  const pageDeps: PageDeps = { ...deps, since, onPageWithoutArticle: (url, etag) => listingEtags.set(url, etag) };
  const inflight = new Set<Promise<void>>();
  let started = 0;
  let done = 0;
  let fatal: unknown;
  const reachedMaxPages = () => config.maxPages !== undefined && started >= config.maxPages;

  while (!signal.aborted && fatal === undefined) {
    if (reachedMaxPages()) break;
    const item = frontier.next();
    if (!item) {
      if (inflight.size === 0) break;
      await Promise.race(inflight);
      continue;
    }
    if (!robots.isAllowed(item.url)) {
      stats.skippedByRobots += 1;
      deps.logger.debug(`robots.txt disallows ${item.url}`);
      since.onArticle(item.url, null);
      continue;
    }
    started += 1;
    const task: Promise<void> = scheduler
      .run(() => crawlItem(item, pageDeps))
      .catch((error: unknown) => {
        // crawlItem reports bad pages itself; what reaches here is fatal (the archive cannot be
        // written): stop taking pages, let the others finish, then rethrow.
        fatal ??= error;
      })
      .finally(() => {
        inflight.delete(task);
        done += 1;
        deps.onProgress?.(done, done + inflight.size + frontier.size);
      });
    inflight.add(task);
    if (inflight.size >= config.concurrency) await Promise.race(inflight);
  }
  await Promise.all([...inflight]);
  if (fatal !== undefined) throw fatal;
  if (signal.aborted) await rememberQueued(frontier, deps.store, config);
  // A run cut by --max-pages left links unfollowed (`started` no longer moves: this is why the loop ended).
  else if (!reachedMaxPages() && config.since === undefined) await keepListingValidators(listingEtags, deps.store);
}

/**
 * After a complete run (not interrupted, not cut by --max-pages or --since), every link of every
 * listing read has been followed, so the pages they lead to are known and revisited by the next run:
 * the listings may then be asked conditionally, and a 304 spares reading them again.
 */
async function keepListingValidators(etags: ReadonlyMap<string, string>, store: ArchiveStore): Promise<void> {
  for (const [url, etag] of etags) await store.recordFetch(url, { validators: { etag } });
}

/** Queued articles become "failed: interrupted" so that the next run starts with them. */
async function rememberQueued(frontier: Frontier, store: ArchiveStore, config: CrawlConfig): Promise<void> {
  if (config.dryRun) return;
  for (let item = frontier.next(); item; item = frontier.next()) {
    if (item.kind === 'article') await store.recordFailure(item.url, 'interrupted before it was fetched');
  }
}
