#!/usr/bin/env node
/**
 * The benchmark (`npm run bench`: build, then `node --expose-gc scripts/bench.js`). Parts:
 *   a  extraction throughput: ours vs the cheerio parse floor vs Readability + jsdom
 *   b  crawl of a generated 2,000-article site with 50 ms latency: ours vs the ideal bound and vs Crawlee
 *   c  re-crawl of the unchanged site: 304s, files written, CPU
 *   d  scale: 20,000 articles, no latency: peak RSS and time per page over the crawl
 *   e  start-up of `extract <file>` vs a bare `node -e 0`
 *   f  the reading room: `site` of part d's archive, full build and rebuild after 10 changes (runs part d)
 *   m  media: part b's crawl with `--media` against the same crawl without (bytes, requests, wall, RSS)
 * Options: --quick (smaller, one round: minutes, not ten), --only a,b,… , --rounds N,
 * --crawl-articles N, --scale-articles N. Progress goes to stderr, the Markdown table to stdout
 * (and to .bench/report.md). Exit code 1 when a target fails; a part whose target is not built yet
 * prints "SKIP: not built yet" and does not fail.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchCrawl } from './bench/crawl.js';
import { loadCorpus } from './bench/corpus.js';
import { benchExtraction } from './bench/extraction.js';
import { benchMedia } from './bench/media.js';
import { describeMachine } from './bench/machine.js';
import { renderReport } from './bench/report.js';
import { benchScale } from './bench/scale.js';
import { benchSite } from './bench/site.js';
import { benchStartup } from './bench/startup.js';
import { cliMissing, loadLibrary, ROOT } from './bench/targets.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', default: 'a,b,c,d,e,f,m' },
    rounds: { type: 'string' },
    'crawl-articles': { type: 'string' },
    'scale-articles': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('usage: node --expose-gc scripts/bench.js [--quick] [--only a,b,c,d,e,f,m] [--rounds N] [--crawl-articles N] [--scale-articles N]\n');
  process.exit(0);
}
const quick = values.quick ?? false;
const parts = new Set((values.only ?? '').split(',').map((p) => p.trim()).filter(Boolean));
const number = (/** @type {string | undefined} */ text, /** @type {number} */ fallback) => (text === undefined ? fallback : Number(text));
const rounds = number(values.rounds, quick ? 1 : 3);
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
if (!(globalThis).gc) log('note: run with node --expose-gc for steadier extraction figures');

const machine = describeMachine();
const library = await loadLibrary();
const missingCli = cliMissing();
log(`bench: ${machine.cores} × ${machine.cpu}, Node ${machine.node}${quick ? ', quick' : ''}`);
if ('missing' in library) log(`library: ${library.missing}`);
if (missingCli) log(`cli: ${missingCli}`);

/** @type {import('./bench/results.js').Row[]} */
const rows = [];
if (parts.has('a')) {
  log('a: extraction throughput');
  const result = await benchExtraction({ rounds: number(values.rounds, quick ? 3 : 7), generated: quick ? 15 : 30, library, log });
  rows.push(...result.rows);
}
if (parts.has('b') || parts.has('c')) {
  log('b/c: crawl and re-crawl');
  rows.push(...(await benchCrawl({
    articles: number(values['crawl-articles'], quick ? 500 : 2000), rounds, latencyMs: 50, concurrency: 8, parts, cliMissing: missingCli, library, cores: machine.cores, log,
  })));
}
if (parts.has('d') || parts.has('f')) {
  log(parts.has('f') ? 'd/f: scale, and the site of its archive' : 'd: scale');
  const withArchive = parts.has('f') ? (/** @type {string} */ dir) => benchSite({ dir, cliMissing: missingCli, log }) : undefined;
  rows.push(...(await benchScale({ articles: number(values['scale-articles'], quick ? 5000 : 20_000), concurrency: 8, cliMissing: missingCli, log, withArchive })));
}
if (parts.has('e')) {
  log('e: start-up');
  // The seed article: a real article page, so the fresh process does the whole extraction.
  const { pages } = loadCorpus({ generated: 1 });
  const page = pages.find((p) => p.name === 'seed-5-arobases') ?? pages[0];
  // The batch figure runs over the fixture pages, as part a does.
  const corpus = loadCorpus({ generated: 15 }).pages;
  if (page) rows.push(...(await benchStartup({ rounds: number(values.rounds, quick ? 5 : 11), page, pages: corpus, cliMissing: missingCli, library, log })));
}

if (parts.has('m')) {
  log('m: media');
  rows.push(...(await benchMedia({ articles: number(values['crawl-articles'], quick ? 500 : 2000), rounds, latencyMs: 50, concurrency: 8, cliMissing: missingCli, log })));
}

const report = renderReport(rows, machine, quick ? '--quick run' : 'full run');
process.stdout.write(`\n${report}`);
mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
writeFileSync(path.join(ROOT, '.bench', 'report.md'), report);
process.exitCode = rows.some((r) => r.result === 'FAIL') ? 1 : 0;
