/**
 * Part a, extraction throughput: our `extractArticle` (decode, parse, extract, Markdown, hash) against
 * the parse floor (cheerio.load alone) and Readability on jsdom + Turndown, over the same pages, in
 * alternating passes (ours, floor, Readability, ours, …), medians of the passes.
 */
import { collectGarbage, fmt, fmtRatio, median } from './stats.js';
import { loadCorpus } from './corpus.js';
import { info, judged, skipped } from './results.js';
import { createTurndown, parseFloor, readabilityToMarkdown } from './peers.js';

/**
 * @typedef {import('./corpus.js').CorpusPage} CorpusPage
 * @typedef {import('./results.js').Row} Row
 */

/**
 * Times one pass of `fn` over the pages, in milliseconds.
 * @param {readonly CorpusPage[]} pages @param {(page: CorpusPage) => unknown} fn
 */
function timePass(pages, fn) {
  collectGarbage();
  const started = performance.now();
  for (const page of pages) fn(page);
  return performance.now() - started;
}

/**
 * Runs part a.
 * @param {{ rounds: number, generated: number, library: { extractArticle: import('./targets.js').ExtractArticle } | { missing: string }, log: (line: string) => void }} options
 * @returns {Promise<{ rows: Row[], oursMsPerPage: number | null }>}
 */
export async function benchExtraction(options) {
  const { pages, source } = loadCorpus({ generated: options.generated });
  const turndown = createTurndown();
  /** @type {Array<{ name: string, fn: (page: CorpusPage) => unknown }>} */
  const contenders = [];
  /** @type {Row[]} */
  const rows = [info('a', 'extraction corpus', source)];
  if ('extractArticle' in options.library) {
    const extract = options.library.extractArticle;
    const articles = pages.filter((p) => extract(p.bytes, p.url, p.headers).kind === 'article').length;
    rows.push(info('a', 'pages ours extracts as articles', `${articles} / ${pages.length}`));
    contenders.push({ name: 'ours', fn: (p) => extract(p.bytes, p.url, p.headers) });
  } else {
    rows.push(skipped('a', 'ours (extractArticle)', options.library.missing));
  }
  contenders.push({ name: 'floor', fn: (p) => parseFloor(p.html) });
  contenders.push({ name: 'readability', fn: (p) => readabilityToMarkdown(p.html, p.url, turndown) });

  // One unmeasured pass each: JIT warm-up and lazy module initialisation.
  for (const c of contenders) timePass(pages, c.fn);
  /** @type {Record<string, number[]>} */
  const times = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const c of contenders) times[c.name]?.push(timePass(pages, c.fn));
    options.log(`  a: round ${round + 1}/${options.rounds}: ${contenders.map((c) => `${c.name} ${fmt(times[c.name]?.at(-1) ?? 0)} ms`).join(', ')}`);
  }
  const ms = (/** @type {string} */ name) => median(times[name] ?? []);
  const perSecond = (/** @type {string} */ name) => pages.length / (ms(name) / 1000);
  rows.push(info('a', 'parse floor: cheerio.load alone', `${fmt(perSecond('floor'))} pages/s`));
  rows.push(info('a', 'Readability + jsdom + Turndown', `${fmt(perSecond('readability'))} pages/s`));
  if (!times.ours) return { rows, oursMsPerPage: null };
  rows.push(info('a', 'ours: extractArticle (full pipeline)', `${fmt(perSecond('ours'))} pages/s (${fmt(ms('ours') / pages.length)} ms/page)`));
  const speedup = ms('readability') / ms('ours');
  rows.push(judged('a', 'ours vs Readability + jsdom (speed)', fmtRatio(speedup), '≥ 5×', speedup >= 5));
  const overFloor = ms('ours') / ms('floor');
  rows.push(judged('a', 'ours time / parse-floor time', fmtRatio(overFloor), '≤ 2×', overFloor <= 2));
  return { rows, oursMsPerPage: ms('ours') / pages.length };
}
