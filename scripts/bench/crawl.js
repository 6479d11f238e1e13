/**
 * Parts b and c, crawl and re-crawl: the generated site (latency per response) served from this
 * process, our CLI and Crawlee's CheerioCrawler each crawling it in a child process, alternately
 * (ours, its re-crawl, Crawlee; ours, …), medians of the rounds. Each of our crawls is followed by a
 * re-crawl of the unchanged site into the same archive: conditional requests should make it cheap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSite } from '../site/generate-site.js';
import { serveSite } from '../site/serve-site.js';
import { cpuMs, failureNote, runNode } from './run-child.js';
import { countFiles, diffSnapshots, snapshotDir } from './snapshot.js';
import { collectGarbage, fmt, fmtMb, fmtMs, fmtPercent, fmtRatio, median } from './stats.js';
import { info, judged, skipped } from './results.js';
import { CLI } from './targets.js';

const PEER = fileURLToPath(new URL('./crawlee-peer.js', import.meta.url));
const CHILD_TIMEOUT_MS = 20 * 60_000;

/**
 * @typedef {import('./results.js').Row} Row
 * @typedef {import('./run-child.js').ChildRun} ChildRun
 * @typedef {{ run: ChildRun, requests: number, articles200: number, articles304: number, articleRequests: number, peak: number, files: number }} CrawlRun
 */

/**
 * Milliseconds of our extraction per article page of this site (warm median), for the CPU bound.
 * @param {import('../site/generate-site.js').Site} site @param {import('./targets.js').ExtractArticle} extract
 */
function extractionMsPerPage(site, extract) {
  const pages = site.articlePaths().slice(0, 40).map((p) => ({ url: `https://www.beauvais.fr${p}`, body: site.route(p)?.body ?? Buffer.alloc(0) }));
  const passes = [];
  for (let pass = 0; pass < 4; pass++) {
    collectGarbage();
    const started = performance.now();
    for (const page of pages) extract(page.body, page.url, { 'content-type': 'text/html; charset=utf-8' });
    passes.push((performance.now() - started) / pages.length);
  }
  return median(passes.slice(1));
}

/**
 * Runs one crawl child against the served site and reads the server's log of it.
 * @param {import('../site/serve-site.js').ServedSite} served @param {import('../site/generate-site.js').Site} site
 * @param {readonly string[]} args @param {string} outDir @param {{ cwd?: string, env?: Record<string, string> }} [spawnOptions]
 * @returns {Promise<CrawlRun>}
 */
async function crawlOnce(served, site, args, outDir, spawnOptions = {}) {
  served.resetLog();
  const run = await runNode(args, { ...spawnOptions, timeoutMs: CHILD_TIMEOUT_MS });
  const articleLog = served.requests.filter((r) => site.isArticlePath(r.url));
  return {
    run,
    requests: served.requests.length,
    articleRequests: articleLog.length,
    articles200: articleLog.filter((r) => r.status === 200).length,
    articles304: articleLog.filter((r) => r.status === 304).length,
    peak: served.peakConcurrency,
    files: countFiles(outDir, '.md'),
  };
}

/**
 * Runs parts b (crawl vs ideal and vs Crawlee) and c (re-crawl).
 * @param {{ articles: number, rounds: number, latencyMs: number, concurrency: number, parts: Set<string>, cliMissing: string | null,
 *   library: { extractArticle: import('./targets.js').ExtractArticle } | { missing: string }, cores: number, log: (line: string) => void }} o
 * @returns {Promise<Row[]>}
 */
export async function benchCrawl(o) {
  /** @type {Row[]} */
  const rows = [info('b', 'crawl site', `${o.articles} articles, ${o.latencyMs} ms latency per response, concurrency ${o.concurrency}, ${o.rounds} round(s)`)];
  const site = generateSite({ articles: o.articles, seed: 'bench-crawl' });
  const served = await serveSite(site, { latencyMs: o.latencyMs });
  const runPeer = o.parts.has('b');
  /** @type {CrawlRun[]} */
  const ours = [];
  /** @type {CrawlRun[]} */
  const again = [];
  /** @type {Array<{ archive: string[], bookkeeping: string[] }>} */
  const diffs = [];
  /** @type {CrawlRun[]} */
  const peer = [];
  try {
    for (let round = 0; round < o.rounds; round++) {
      if (!o.cliMissing) {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-ours-'));
        const crawlArgs = [CLI, 'crawl', '--base-url', served.url, '--out', dir, '--concurrency', String(o.concurrency), '--delay', '0', '--quiet'];
        const first = await crawlOnce(served, site, crawlArgs, dir);
        ours.push(first);
        o.log(`  b: round ${round + 1}: ours ${fmtMs(first.run.wallMs)}, ${first.requests} requests, ${first.files} files, exit ${first.run.code}`);
        const before = snapshotDir(dir);
        const second = await crawlOnce(served, site, crawlArgs, dir);
        again.push(second);
        diffs.push(diffSnapshots(before, snapshotDir(dir)));
        o.log(`  c: round ${round + 1}: re-crawl ${fmtMs(second.run.wallMs)}, ${second.articles304}/${second.articleRequests} article requests 304, exit ${second.run.code}`);
        rmSync(dir, { recursive: true, force: true });
      }
      if (runPeer) {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-crawlee-'));
        const out = path.join(dir, 'out');
        const run = await crawlOnce(served, site, [PEER, '--base-url', served.url, '--out', out, '--concurrency', String(o.concurrency)], out, {
          cwd: dir,
          env: { CRAWLEE_STORAGE_DIR: path.join(dir, 'storage') },
        });
        peer.push(run);
        o.log(`  b: round ${round + 1}: Crawlee ${fmtMs(run.run.wallMs)}, ${run.requests} requests, ${run.files} files, exit ${run.run.code}`);
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await served.close();
  }

  const wall = (/** @type {CrawlRun[]} */ runs) => median(runs.map((r) => r.run.wallMs));
  const rss = (/** @type {CrawlRun[]} */ runs) => Math.max(...runs.map((r) => r.run.usage?.maxRssKb ?? Number.NaN));
  if (peer.length > 0) {
    const failed = peer.find((r) => r.run.code !== 0);
    rows.push(info('b', 'Crawlee CheerioCrawler: wall', `${fmtMs(wall(peer))}, ${median(peer.map((r) => r.requests))} requests, peak ${Math.max(...peer.map((r) => r.peak))} in flight, ${fmtMb(rss(peer))} peak RSS, ${median(peer.map((r) => r.files))} files${failed ? `, ${failureNote(failed.run)}` : ''}`));
  }
  if (o.cliMissing) {
    rows.push(skipped('b', 'ours: crawl', o.cliMissing));
    if (o.parts.has('c')) rows.push(skipped('c', 'ours: re-crawl', o.cliMissing));
    return rows;
  }

  const failed = [...ours, ...again].find((r) => r.run.code !== 0);
  rows.push(judged('b', 'ours: crawl exit code', failed ? failureNote(failed.run) : '0', '0', !failed));
  const requests = median(ours.map((r) => r.requests));
  const articles200 = median(ours.map((r) => r.articles200));
  const latencyBound = (requests * o.latencyMs) / o.concurrency;
  const parseMs = 'extractArticle' in o.library ? extractionMsPerPage(site, o.library.extractArticle) : Number.NaN;
  const cpuBound = (parseMs * articles200) / o.cores;
  const ideal = Math.max(latencyBound, Number.isFinite(cpuBound) ? cpuBound : 0);
  rows.push(info('b', 'ideal bound', `${fmtMs(ideal)} = max(${requests} requests × ${o.latencyMs} ms / ${o.concurrency}, ${fmt(parseMs)} ms × ${articles200} pages / ${o.cores} cores)`));
  rows.push(info('b', 'ours: crawl wall', `${fmtMs(wall(ours))}, ${requests} requests (${articles200} article pages), ${median(ours.map((r) => r.files))} files`));
  rows.push(judged('b', 'ours wall / ideal', fmtRatio(wall(ours) / ideal), '≤ 1.15×', wall(ours) / ideal <= 1.15));
  rows.push(info('b', 'ours: peak requests in flight (server)', String(Math.max(...ours.map((r) => r.peak)))));
  rows.push(judged('b', 'ours: peak RSS', fmtMb(rss(ours)), '≤ 150 MB', rss(ours) <= 150 * 1024));
  if (peer.length > 0) {
    const ratio = wall(ours) / wall(peer);
    rows.push(judged('b', 'ours wall / Crawlee wall', fmtRatio(ratio), '≤ 0.5×', ratio <= 0.5));
  }
  if (!o.parts.has('c')) return rows;

  const articleRequests = again.reduce((n, r) => n + r.articleRequests, 0);
  const share304 = again.reduce((n, r) => n + r.articles304, 0) / Math.max(1, articleRequests);
  rows.push(judged('c', 're-crawl: article requests answered 304', fmtPercent(share304), '≥ 95 %', share304 >= 0.95));
  const written = Math.max(...diffs.map((d) => d.archive.length));
  const example = diffs.find((d) => d.archive.length > 0)?.archive.slice(0, 3).join(', ');
  rows.push(judged('c', 're-crawl: archive files written', `${written}${example ? ` (${example}…)` : ''}`, '0', written === 0));
  rows.push(info('c', 're-crawl: bookkeeping files changed', [...new Set(diffs.flatMap((d) => d.bookkeeping))].join(', ') || 'none'));
  const cpuShare = median(again.map((r, i) => cpuMs(r.run) / cpuMs(/** @type {CrawlRun} */ (ours[i]).run)));
  rows.push(judged('c', 're-crawl CPU / first-crawl CPU', `${fmtPercent(cpuShare)} (${fmtMs(median(again.map((r) => cpuMs(r.run))))} vs ${fmtMs(median(ours.map((r) => cpuMs(r.run))))})`, '≤ 10 %', cpuShare <= 0.1));
  rows.push(info('c', 're-crawl wall / first-crawl wall', `${fmtRatio(wall(again) / wall(ours))} (${fmtMs(wall(again))}, ${median(again.map((r) => r.requests))} requests)`));
  return rows;
}
