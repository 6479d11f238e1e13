/**
 * Part e, start-up: `extract <saved page>` in a fresh process against a bare `node -e 0`, alternately,
 * medians. A one-page command must not pay for the crawler's modules: the target is twice a bare
 * start plus the in-process extraction time of that page. Beside it, the batch figure: `extract` of
 * every corpus page in one process, as researchers run it over a folder of saved pages, in pages per
 * second of wall time (start-up included), and the time each page adds once the process is up.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failureNote, runNode } from './run-child.js';
import { collectGarbage, fmt, fmtMs, median } from './stats.js';
import { info, judged, skipped } from './results.js';
import { CLI } from './targets.js';

/**
 * Runs part e.
 * @param {{ rounds: number, page: import('./corpus.js').CorpusPage, pages: import('./corpus.js').CorpusPage[], cliMissing: string | null,
 *   library: { extractArticle: import('./targets.js').ExtractArticle } | { missing: string }, log: (line: string) => void }} o
 * @returns {Promise<import('./results.js').Row[]>}
 */
export async function benchStartup(o) {
  if (o.cliMissing) return [skipped('e', 'start-up of extract', o.cliMissing)];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  const file = path.join(dir, 'page.html');
  writeFileSync(file, o.page.bytes);
  const batchFiles = o.pages.map((page, i) => {
    const name = path.join(dir, `batch-${String(i).padStart(3, '0')}.html`);
    writeFileSync(name, page.bytes);
    return name;
  });
  try {
    let extractMs = Number.NaN;
    if ('extractArticle' in o.library) {
      const times = [];
      for (let i = 0; i < 21; i++) {
        collectGarbage();
        const started = performance.now();
        o.library.extractArticle(o.page.bytes, o.page.url, o.page.headers);
        times.push(performance.now() - started);
      }
      extractMs = median(times.slice(1));
    }
    const bare = [];
    const cli = [];
    const batch = [];
    let failure = '';
    let batchArticles = 0;
    for (let round = 0; round < o.rounds; round++) {
      bare.push((await runNode(['-e', '0'], { measure: false })).wallMs);
      const run = await runNode([CLI, 'extract', file, '--base-url', o.page.url], { measure: false });
      cli.push(run.wallMs);
      if (run.code !== 0 || !run.stdout.trim().startsWith('{')) failure = failureNote(run);
      // Exit 3 is expected: some corpus pages are listings or error templates, not articles.
      const many = await runNode([CLI, 'extract', ...batchFiles, '--base-url', 'https://www.beauvais.fr/'], { measure: false });
      batch.push(many.wallMs);
      batchArticles = many.stdout.split('\n').filter((line) => line.startsWith('{')).length;
    }
    o.log(`  e: node -e 0 ${fmtMs(median(bare))}, extract ${fmtMs(median(cli))}, extract of ${batchFiles.length} pages ${fmtMs(median(batch))}`);
    const target = 2 * median(bare) + (Number.isFinite(extractMs) ? extractMs : 0);
    const perPage = (median(batch) - median(cli)) / Math.max(1, batchFiles.length - 1);
    return [
      info('e', 'bare start: node -e 0', fmtMs(median(bare))),
      info('e', 'in-process extraction of the page', Number.isFinite(extractMs) ? fmtMs(extractMs) : 'library not built'),
      judged('e', 'extract <file> in a fresh process', `${fmtMs(median(cli))}${failure ? ` (${failure})` : ''}`, `≤ ${fmtMs(target)} (2 × bare + extraction)`, !failure && median(cli) <= target),
      info('e', `batch: extract of ${batchFiles.length} pages in one process`, `${fmt(batchFiles.length / (median(batch) / 1000))} pages/s (${fmtMs(median(batch))} wall, ${batchArticles} articles; ${fmtMs(perPage)} per page after the first)`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
