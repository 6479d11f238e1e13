/**
 * Part d, scale: a 20,000-article site with no latency, crawled once by our CLI. Peak RSS must stay
 * flat-ish (nothing may grow with the site but the frontier and the state), and so must the time per
 * page: the spacing of the last 1,000 article requests against the first 1,000, from the server's log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSite } from '../site/generate-site.js';
import { serveSite } from '../site/serve-site.js';
import { failureNote, runNode } from './run-child.js';
import { countFiles } from './snapshot.js';
import { fmt, fmtMb, fmtMs, fmtRatio } from './stats.js';
import { info, judged, skipped } from './results.js';
import { CLI } from './targets.js';

/**
 * Milliseconds per request over a run of log timestamps.
 * @param {readonly number[]} at
 */
const spacing = (at) => ((at.at(-1) ?? 0) - (at[0] ?? 0)) / Math.max(1, at.length - 1);

/**
 * Runs part d.
 * @param {{ articles: number, concurrency: number, cliMissing: string | null, log: (line: string) => void, withArchive?: (dir: string) => Promise<import('./results.js').Row[]> }} o
 *   `withArchive`: more measures on the crawled archive, before it is removed.
 * @returns {Promise<import('./results.js').Row[]>}
 */
export async function benchScale(o) {
  if (o.cliMissing) return [skipped('d', 'scale crawl', o.cliMissing)];
  const site = generateSite({ articles: o.articles, seed: 'bench-scale' });
  const served = await serveSite(site, { latencyMs: 0 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
  try {
    const run = await runNode([CLI, 'crawl', '--base-url', served.url, '--out', dir, '--concurrency', String(o.concurrency), '--delay', '0', '--quiet'], { timeoutMs: 60 * 60_000 });
    const at = served.requests.filter((r) => site.isArticlePath(r.url)).map((r) => r.at);
    const files = countFiles(dir, '.md');
    o.log(`  d: ${fmtMs(run.wallMs)}, ${served.requests.length} requests, ${at.length} article requests, ${files} files, exit ${run.code}`);
    const window = Math.min(1000, Math.floor(at.length / 2));
    const first = spacing(at.slice(0, window));
    const last = spacing(at.slice(at.length - window));
    const rss = run.usage?.maxRssKb ?? Number.NaN;
    const more = o.withArchive ? await o.withArchive(dir) : [];
    return [
      info('d', 'scale site', `${o.articles} articles, no latency, concurrency ${o.concurrency}`),
      judged('d', 'ours: crawl exit code', run.code === 0 ? '0' : failureNote(run), '0', run.code === 0),
      info('d', 'ours: scale crawl wall', `${fmtMs(run.wallMs)}, ${served.requests.length} requests, ${files} files, ${fmt((at.length / run.wallMs) * 1000)} article pages/s`),
      judged('d', 'ours: peak RSS at scale', fmtMb(rss), '≤ 200 MB', rss <= 200 * 1024),
      judged('d', `time per page, last ${window} / first ${window}`, `${fmtRatio(last / first)} (${fmt(last)} vs ${fmt(first)} ms)`, '≤ 1.2×', window > 0 && last / first <= 1.2),
      ...more,
    ];
  } finally {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
