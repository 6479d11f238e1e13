/** The counters of one crawl, and the summary line printed on stderr at the end. */
import { renderSummaryLine } from '../output/summary.js';
import type { SaveCounts } from './save-article.js';

export interface CrawlStats extends SaveCounts {
  /** Pages and discovery files answered 2xx. */
  fetched: number;
  /** Conditional requests answered 304. */
  notModified: number;
  /** Pages that still failed after their retries (retried by the next run). */
  failed: number;
  /** Pages reached as articles that gave no article (a template the extractor cannot read): retried next run. */
  notExtracted: number;
  /** Pages that are gone (404/410), not HTML, or redirect off the site: reported, not retried. */
  skipped: number;
  skippedByRobots: number;
  /** Articles older than --since. */
  skippedOld: number;
  /** Media files downloaded (200) and their bytes. */
  mediaFetched: number;
  mediaBytes: number;
  /** Media asked with their validators and answered 304. */
  mediaNotModified: number;
  startedAt: number;
}

/** Pages the next run must ask again: failed after their retries, or reached as articles and not extracted. */
export function countFailures(stats: CrawlStats): number {
  return stats.failed + stats.notExtracted;
}

/** Fresh counters. */
export function createStats(startedAt: number): CrawlStats {
  return {
    fetched: 0, notModified: 0, new: 0, updated: 0, unchanged: 0, duplicates: 0,
    failed: 0, notExtracted: 0, skipped: 0, skippedByRobots: 0, skippedOld: 0, mediaFetched: 0, mediaBytes: 0, mediaNotModified: 0, startedAt,
  };
}

/** The one-line summary (stderr); `extra` qualifies it: "(dry run) ", "(interrupted by SIGINT) ". */
export function renderSummary(stats: CrawlStats, now: number, extra = ''): string {
  const seconds = ((now - stats.startedAt) / 1000).toFixed(1);
  return renderSummaryLine(`crawl ${extra}`.trimEnd(), [
    ['fetched', stats.fetched],
    ['304', stats.notModified],
    ['new', stats.new],
    ['updated', stats.updated],
    ['unchanged', stats.unchanged],
    ['duplicates', stats.duplicates],
    ['failed', stats.failed],
    ...(stats.notExtracted ? [['not extracted', stats.notExtracted] as const] : []),
    ['skipped', stats.skipped],
    ['skipped by robots', stats.skippedByRobots],
    ...(stats.skippedOld ? [['older than --since', stats.skippedOld] as const] : []),
    ...(stats.mediaFetched || stats.mediaNotModified
      ? [['media', `${stats.mediaFetched} (${stats.mediaBytes} bytes)`] as const, ['media 304', stats.mediaNotModified] as const]
      : []),
    ['in', `${seconds} s`],
  ]);
}
