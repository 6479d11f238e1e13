#!/usr/bin/env node
/**
 * The extraction quality benchmark (`npm run bench:quality`, not a test): this project and
 * Readability.js on linkedom side by side, in one run, on
 *   - trafilatura's evaluation corpus (990 real pages; its snippet metric: precision, recall, accuracy, F),
 *   - Mozilla Readability's test pages (body token F1, title, publication day),
 *   - our own fixture pages (articles kept, listings and errors refused).
 * The public corpora are read from checkouts the user makes:
 *   --trafilatura <dir>  (or BENCH_TRAFILATURA_DIR): a clone of adbar/trafilatura
 *   --readability <dir>  (or BENCH_READABILITY_DIR): a clone of mozilla/readability
 * A corpus not given is skipped. --dump <file> writes every page's outcome as JSON, to study misses.
 * Prints a Markdown table on stdout (also .bench/quality.md); exit 1 when a target fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine } from './bench/machine.js';
import { fixtureCorpus, readabilityCorpus, trafilaturaCorpus } from './bench/quality/corpora.js';
import { renderReasons } from './bench/quality/metrics.js';
import { ourPeer, readabilityPeer } from './bench/quality/peers.js';
import { runFixtures, runReference, runSnippets } from './bench/quality/run.js';
import { loadLibrary, ROOT } from './bench/targets.js';

const { values } = parseArgs({
  options: {
    trafilatura: { type: 'string', default: process.env['BENCH_TRAFILATURA_DIR'] },
    readability: { type: 'string', default: process.env['BENCH_READABILITY_DIR'] },
    dump: { type: 'string' },
    'ours-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('usage: node scripts/bench-quality.js [--trafilatura <clone of adbar/trafilatura>] [--readability <clone of mozilla/readability>] [--ours-only] [--dump file.json]\n');
  process.exit(0);
}
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
const library = await loadLibrary();
if ('missing' in library) {
  log(library.missing);
  process.exit(1);
}
const peers = [ourPeer(library.extractArticle), ...(values['ours-only'] ? [] : [readabilityPeer()])];
const pct = (/** @type {number} */ x) => `${(100 * x).toFixed(1)} %`;
const f3 = (/** @type {number} */ x) => x.toFixed(3);
/** @type {string[][]} */
const rows = [];
/** @type {{ target: string, value: string, pass: boolean }[]} */
const targets = [];
/** @type {Record<string, unknown>} */
const dump = {};

if (values.trafilatura) {
  const corpus = trafilaturaCorpus(values.trafilatura);
  log(`trafilatura corpus: ${corpus.length} pages`);
  for (const peer of peers) {
    const r = runSnippets(peer, corpus);
    dump[`trafilatura/${peer.name}`] = r.pages;
    rows.push([`trafilatura (${corpus.length} pages)`, peer.name, `F ${f3(r.f)}, precision ${f3(r.precision)}, recall ${f3(r.recall)}, accuracy ${f3(r.accuracy)}`, `${r.refused} (${renderReasons(r.reasons)})`, r.msPerPage.toFixed(1)]);
    if (peer === peers[0]) {
      targets.push({ target: 'trafilatura corpus: F ≥ 0.93', value: f3(r.f), pass: r.f >= 0.93 });
      targets.push({ target: 'trafilatura corpus: precision ≥ 0.90', value: f3(r.precision), pass: r.precision >= 0.9 });
      targets.push({ target: 'trafilatura corpus: pages refused ≤ 1 %', value: `${r.refused} (${pct(r.refused / corpus.length)})`, pass: r.refused <= corpus.length * 0.01 });
    }
  }
}
if (values.readability) {
  const corpus = readabilityCorpus(values.readability);
  log(`Readability test pages: ${corpus.length} pages`);
  for (const peer of peers) {
    const r = runReference(peer, corpus);
    dump[`readability/${peer.name}`] = r.pages;
    rows.push([`Readability test pages (${r.count})`, peer.name, `body token F1 ${f3(r.f1)}, titles ${r.titles}/${r.count}, dates ${r.datesRight}/${r.dated} (same Paris day)`, `${r.refused} (${renderReasons(r.reasons)})`, r.msPerPage.toFixed(1)]);
    if (peer === peers[0]) {
      targets.push({ target: 'Readability pages: refused ≤ 2', value: String(r.refused), pass: r.refused <= 2 });
      targets.push({ target: 'Readability pages: publication day right ≥ 90 %', value: `${r.datesRight}/${r.dated} (${pct(r.datesRight / Math.max(r.dated, 1))})`, pass: r.datesRight >= 0.9 * r.dated });
    }
  }
}
{
  const corpus = fixtureCorpus(ROOT);
  for (const peer of peers) {
    const r = runFixtures(peer, corpus);
    dump[`fixtures/${peer.name}`] = r;
    rows.push([`our fixture pages (${r.count})`, peer.name, `kept/refused as expected ${r.agreed}/${r.count}${r.wrong.length ? ` (wrong: ${r.wrong.join(', ')})` : ''}; snippets F ${f3(r.f)}, precision ${f3(r.precision)}`, '', r.msPerPage.toFixed(1)]);
    if (peer === peers[0]) targets.push({ target: 'fixture pages: every article kept, every listing/home/error refused', value: `${r.agreed}/${r.count}`, pass: r.agreed === r.count });
  }
}

const machine = describeMachine();
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine.cores} × ${machine.cpu}, Node ${machine.node}.`,
  '',
  '| corpus | extractor | quality | refused (by reason) | ms/page |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  '| target | value | result |',
  '| --- | --- | --- |',
  ...targets.map((t) => `| ${t.target} | ${t.value} | ${t.pass ? 'PASS' : 'FAIL'} |`),
  '',
].join('\n');
process.stdout.write(`\n${table}`);
mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
writeFileSync(path.join(ROOT, '.bench', 'quality.md'), table);
if (values.dump) writeFileSync(values.dump, JSON.stringify(dump, null, 1));
process.exitCode = targets.some((t) => !t.pass) ? 1 : 0;
