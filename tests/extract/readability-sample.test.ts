/**
 * The regression floor on markup the extractor was not written for: forty of Mozilla Readability's
 * test pages (fixtures/readability-sample, Apache-2.0), real pages of other sites in several
 * languages. The extractor must keep what it reaches on them: body text close to what Readability
 * expects, few refusals, and the publication day where the page states one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parisDay, tokenF1 } from '../../scripts/bench/quality/metrics.js';
import { extractArticle } from '../../src/extract/index.js';

/**
 * What the extractor reaches on the sample (measured: mean F1 0.9862, no refusal, 5 of 5 pages dated),
 * rounded down: a fall below it fails. The expected texts are Readability's own output, which keeps
 * rows of links ("Next", "Learn more", a site's link bar) and the comments that the pruning of
 * boilerplate removes.
 */
const FLOOR = { meanTokenF1: 0.985, refused: 0, datesRight: 5 };

const root = fileURLToPath(new URL('../../fixtures/readability-sample/', import.meta.url));
const pages = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => {
  const meta = JSON.parse(readFileSync(`${root}${d.name}/expected-metadata.json`, 'utf8')) as { publishedTime?: string | null };
  const { document } = parseHTML(`<!doctype html><html><body>${readFileSync(`${root}${d.name}/expected.html`, 'utf8')}</body></html>`);
  // Readability's own tests load every page as http://fakehost/test/page.html.
  const extraction = extractArticle(readFileSync(`${root}${d.name}/source.html`), 'http://fakehost/test/page.html', { 'content-type': 'text/html; charset=utf-8' }, { now: new Date('2030-01-01T00:00:00Z') });
  return { name: d.name, extraction, expectedText: document.body.textContent ?? '', expectedDay: parisDay(meta.publishedTime) };
});

describe('forty real pages of other sites (Readability’s test pages)', () => {
  it('are all there', () => {
    expect(pages).toHaveLength(40);
  });

  it(`are refused at most ${FLOOR.refused} times`, () => {
    const refused = pages.filter((p) => p.extraction.kind !== 'article').map((p) => `${p.name}: ${p.extraction.kind === 'not-article' ? p.extraction.reason : ''}`);
    expect(refused.length, refused.join('\n')).toBeLessThanOrEqual(FLOOR.refused);
  });

  it(`give a body whose words match Readability’s expected text (mean token F1 ≥ ${FLOOR.meanTokenF1})`, () => {
    const scores = pages.map((p) => (p.extraction.kind === 'article' ? tokenF1(p.extraction.article.text, p.expectedText) : 0));
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const worst = pages.map((p, i) => `${p.name} ${scores[i]?.toFixed(3)}`).sort((a, b) => Number(a.split(' ')[1]) - Number(b.split(' ')[1])).slice(0, 5);
    expect(mean, `worst: ${worst.join(', ')}`).toBeGreaterThanOrEqual(FLOOR.meanTokenF1);
  });

  it('date each page stating a publication time on the same Paris day', () => {
    const dated = pages.filter((p) => p.expectedDay !== null);
    const right = dated.filter((p) => p.extraction.kind === 'article' && parisDay(p.extraction.article.publishedAt) === p.expectedDay);
    expect(dated.length).toBe(FLOOR.datesRight);
    expect(right.map((p) => p.name)).toEqual(dated.map((p) => p.name));
  });
});
