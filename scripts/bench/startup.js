/**
 * Part e, start-up: `extract <saved page>` in a fresh process against a bare `node -e 0`, alternately,
 * medians. A one-page command must not pay for the crawler's modules: the target is twice a bare
 * start plus the in-process extraction time of that page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { failureNote, runNode } from './run-child.js';
import { collectGarbage, fmtMs, median } from './stats.js';
import { info, judged, skipped } from './results.js';
import { CLI } from './targets.js';

/**
 * Runs part e.
 * @param {{ rounds: number, page: import('./corpus.js').CorpusPage, cliMissing: string | null,
 *   library: { extractArticle: import('./targets.js').ExtractArticle } | { missing: string }, log: (line: string) => void }} o
 * @returns {Promise<import('./results.js').Row[]>}
 */
export async function benchStartup(o) {
  if (o.cliMissing) return [skipped('e', 'start-up of extract', o.cliMissing)];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
  const file = path.join(dir, 'page.html');
  writeFileSync(file, o.page.bytes);
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
    let failure = '';
    for (let round = 0; round < o.rounds; round++) {
      bare.push((await runNode(['-e', '0'], { measure: false })).wallMs);
      const run = await runNode([CLI, 'extract', file, '--base-url', o.page.url], { measure: false });
      cli.push(run.wallMs);
      if (run.code !== 0 || !run.stdout.trim().startsWith('{')) failure = failureNote(run);
    }
    o.log(`  e: node -e 0 ${fmtMs(median(bare))}, extract ${fmtMs(median(cli))}`);
    const target = 2 * median(bare) + (Number.isFinite(extractMs) ? extractMs : 0);
    return [
      info('e', 'bare start: node -e 0', fmtMs(median(bare))),
      info('e', 'in-process extraction of the page', Number.isFinite(extractMs) ? fmtMs(extractMs) : 'library not built'),
      judged('e', 'extract <file> in a fresh process', `${fmtMs(median(cli))}${failure ? ` (${failure})` : ''}`, `≤ ${fmtMs(target)} (2 × bare + extraction)`, !failure && median(cli) <= target),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
