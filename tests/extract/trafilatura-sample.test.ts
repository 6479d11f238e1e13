/**
 * The regression floor on trafilatura's metric: eighty pages of its evaluation corpus
 * (fixtures/trafilatura-sample, Apache-2.0), real pages of other sites with the snippets their text
 * must hold ("with") and the boilerplate it must not ("without"). The extractor must keep the
 * precision and recall it reaches on them, and refuse no more of them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countSnippets, emptyConfusion, norm, scores } from '../../scripts/bench/quality/metrics.js';
import { extractArticle } from '../../src/extract/index.js';

/**
 * What the extractor reaches on the sample (measured: precision 0.884, recall 0.979, no refusal),
 * rounded down: a fall below it fails. The page of an avalanche report whose sections are each an
 * `<article>` used to be refused as a listing of fifteen teasers; it is read now, captions included,
 * which costs three "without" snippets: precision was 0.893 when it was refused, recall 0.967. Before
 * boilerplate was pruned inside the readings and the lead kept, the sample gave 0.856 and 0.963.
 */
const FLOOR = { precision: 0.88, recall: 0.97, refused: 0 };

const root = fileURLToPath(new URL('../../fixtures/trafilatura-sample/', import.meta.url));
const evaldata = JSON.parse(readFileSync(`${root}evaldata.json`, 'utf8')) as Record<string, { file: string; with: string[]; without: string[] }>;
// As in the benchmark: bytes and a URL only, no Content-Type; the extractor sniffs the charset itself.
const pages = Object.entries(evaldata).map(([url, item]) => ({
  page: { name: item.file, url },
  item,
  extraction: extractArticle(readFileSync(`${root}eval/${item.file}`), url, {}, { now: new Date('2030-01-01T00:00:00Z') }),
}));
const textOf = (p: (typeof pages)[number]) => (p.extraction.kind === 'article' ? p.extraction.article.text : null);
const confusion = emptyConfusion();
for (const p of pages) countSnippets(confusion, p.item, textOf(p));
const measured = scores(confusion);

describe('eighty real pages of other sites (trafilatura’s evaluation corpus)', () => {
  it('are all there', () => {
    expect(pages).toHaveLength(80);
  });

  it(`are refused at most ${FLOOR.refused} times`, () => {
    const refused = pages.filter((p) => p.extraction.kind !== 'article').map((p) => `${p.page.name}: ${p.extraction.kind === 'not-article' ? p.extraction.reason : ''}`);
    expect(refused.length, refused.join('\n')).toBeLessThanOrEqual(FLOOR.refused);
  });

  it(`keep boilerplate out of the text (precision ≥ ${FLOOR.precision})`, () => {
    const kept = pages.flatMap((p) => p.item.without.filter((w) => norm(textOf(p) ?? '').includes(norm(w))).map((w) => `${p.page.name}: ${w}`));
    expect(measured.precision, `boilerplate kept:\n${kept.join('\n')}`).toBeGreaterThanOrEqual(FLOOR.precision);
  });

  it(`keep the article's text (recall ≥ ${FLOOR.recall})`, () => {
    const missed = pages.flatMap((p) => p.item.with.filter((w) => !norm(textOf(p) ?? '').includes(norm(w))).map((w) => `${p.page.name}: ${w}`));
    expect(measured.recall, `text missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(FLOOR.recall);
  });
});
