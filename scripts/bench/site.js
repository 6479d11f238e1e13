/**
 * Part f, the reading room: the site of a crawled archive (part d's, 20,000 articles), built from
 * nothing (wall time, peak RSS), then rebuilt after 10 articles changed. The incremental rebuild must
 * cost at most 5 % of the full build: a cron line `crawl && site` stays cheap.
 */
import { appendFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { failureNote, runNode } from './run-child.js';
import { countFiles } from './snapshot.js';
import { fmtMb, fmtMs, fmtRatio } from './stats.js';
import { info, judged, skipped } from './results.js';
import { CLI } from './targets.js';

/** Articles changed between the two builds. */
const CHANGED = 10;

/**
 * Every archive file under `dir` (YYYY/MM/*.md), sorted.
 * @param {string} dir
 */
function archiveFiles(dir) {
  const years = readdirSync(dir).filter((n) => /^\d{4}$/.test(n)).sort();
  return years.flatMap((y) => readdirSync(path.join(dir, y)).sort().flatMap((m) => readdirSync(path.join(dir, y, m)).filter((n) => n.endsWith('.md')).sort().map((n) => path.join(dir, y, m, n))));
}

/**
 * The search index's files: how many, their total size, and the largest shard (what one word of a query may load).
 * @param {string} siteDir
 */
function searchFiles(siteDir) {
  const dir = path.join(siteDir, 'search');
  const sizes = readdirSync(dir).map((n) => ({ n, size: statSync(path.join(dir, n)).size }));
  const shards = sizes.filter((f) => f.n.startsWith('t-'));
  const largest = shards.reduce((a, b) => (b.size > a.size ? b : a), { n: '', size: 0 });
  const total = sizes.reduce((sum, f) => sum + f.size, 0);
  const kb = (/** @type {number} */ bytes) => `${Math.round(bytes / 1024)} KB`;
  return `${shards.length} shards, ${sizes.length - shards.length} other files, ${kb(total)} in all; largest shard ${largest.n} ${kb(largest.size)}`;
}

/** Queries timed in the browser: one word, two words, a word's beginning, a word without its accents. */
const QUERIES = ['madeleine', 'ateliers numeriques', 'quadri', 'refection'];
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Each query typed on the search page opened from file:// in headless Chromium: the time until the
 * results are shown, and the files it loaded. A note instead when Chromium is missing.
 * @param {string} siteDir
 * @returns {Promise<string>}
 */
async function timeSearches(siteDir) {
  if (!existsSync(CHROMIUM)) return `not measured: no Chromium at ${CHROMIUM}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const results = [];
    for (const query of QUERIES) {
      const page = await browser.newPage();
      let scripts = 0;
      page.on('request', (r) => (r.url().includes('/search/') ? (scripts += 1) : undefined));
      await page.goto(pathToFileURL(path.join(siteDir, 'recherche.html')).href);
      const started = performance.now();
      await page.locator('#q').fill(query);
      await page.locator('#q').press('Enter');
      await page.waitForFunction(() => /trouvé|Aucun/.test(document.getElementById('search-status')?.textContent ?? ''));
      const found = await page.locator('#search-status').textContent();
      results.push(`"${query}" ${Math.round(performance.now() - started)} ms, ${scripts} index files (${(found ?? '').split(',')[0]})`);
      await page.close();
    }
    return results.join('; ');
  } finally {
    await browser.close();
  }
}

/**
 * Runs part f on an archive folder.
 * @param {{ dir: string, cliMissing: string | null, log: (line: string) => void }} o
 * @returns {Promise<import('./results.js').Row[]>}
 */
export async function benchSite(o) {
  if (o.cliMissing) return [skipped('f', 'site build', o.cliMissing)];
  const files = archiveFiles(o.dir);
  const full = await runNode([CLI, 'site', '--out', o.dir, '--quiet'], { timeoutMs: 60 * 60_000 });
  const pages = countFiles(path.join(o.dir, 'site'), '.html');
  o.log(`  f: full build ${fmtMs(full.wallMs)}, ${pages} pages, exit ${full.code}`);
  // Ten articles spread over the archive get one more sentence at the end of their body.
  const step = Math.max(1, Math.floor(files.length / CHANGED));
  for (let i = 0; i < CHANGED && i * step < files.length; i += 1) appendFileSync(files[i * step] ?? '', 'Une phrase ajoutée par une mise à jour.\n');
  const incremental = await runNode([CLI, 'site', '--out', o.dir, '--quiet'], { timeoutMs: 60 * 60_000 });
  o.log(`  f: rebuild after ${CHANGED} changes ${fmtMs(incremental.wallMs)}, exit ${incremental.code}`);
  const rss = full.usage?.maxRssKb ?? Number.NaN;
  const ratio = incremental.wallMs / full.wallMs;
  return [
    info('f', 'site of the archive', `${files.length} articles, ${pages} HTML pages`),
    judged('f', 'ours: site build exit code', full.code === 0 && incremental.code === 0 ? '0' : failureNote(full.code === 0 ? incremental : full), '0', full.code === 0 && incremental.code === 0),
    info('f', 'ours: full site build', `${fmtMs(full.wallMs)}, ${fmtMb(rss)} peak RSS`),
    info('f', 'search index', searchFiles(path.join(o.dir, 'site'))),
    info('f', 'search in the browser, from file:// (new page each)', await timeSearches(path.join(o.dir, 'site'))),
    judged('f', `rebuild after ${CHANGED} articles changed / full build`, `${fmtRatio(ratio)} (${fmtMs(incremental.wallMs)})`, '≤ 0.05×', ratio <= 0.05),
  ];
}
