/**
 * Every folder of fixtures/pages is a case: the page as served (source.html, meta.json), what the
 * extractor must find (expected.json), the Markdown it must write (expected.md, a golden file
 * reviewed by eye), and strings that must or must not appear in it (checks.json). Adding a case
 * needs no code.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle, hashText, toPlainText } from '../../src/extract/index.js';

const root = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Meta {
  url: string;
  headers?: Record<string, string>;
  now: string;
}

interface Checks {
  with: string[];
  without: string[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

describe.each(cases)('fixture %s', (name) => {
  const dir = `${root}${name}/`;
  const meta = readJson<Meta>(`${dir}meta.json`);
  const expected = readJson<Record<string, unknown> & { kind: string }>(`${dir}expected.json`);
  const extraction = extractArticle(readFileSync(`${dir}source.html`), meta.url, meta.headers, { now: new Date(meta.now) });

  if (expected.kind === 'not-article') {
    it('is refused with a one-line reason', () => {
      expect(extraction.kind).toBe('not-article');
      if (extraction.kind !== 'not-article') return;
      expect(extraction.reason).toMatch(/^[^\n]+$/u);
    });
    return;
  }

  it('is an article with the expected metadata and initiatives', () => {
    expect(extraction.kind, extraction.kind === 'not-article' ? extraction.reason : '').toBe('article');
    if (extraction.kind !== 'article') return;
    const { markdown: _markdown, text: _text, ...fields } = extraction.article;
    expect({ kind: 'article', ...fields }).toEqual(expected);
  });

  it('writes the golden Markdown', async () => {
    if (extraction.kind !== 'article') throw new Error(`not an article: ${extraction.kind === 'not-article' ? extraction.reason : ''}`);
    await expect(extraction.article.markdown + '\n').toMatchFileSnapshot(`${dir}expected.md`);
  });

  it('keeps the article text and leaves the site chrome out', () => {
    if (extraction.kind !== 'article') throw new Error('not an article');
    const checks = existsSync(`${dir}checks.json`) ? readJson<Checks>(`${dir}checks.json`) : { with: [], without: [] };
    const { markdown } = extraction.article;
    for (const wanted of checks.with) expect(markdown, `missing ${JSON.stringify(wanted)}`).toContain(wanted);
    for (const unwanted of checks.without) expect(markdown, `unwanted ${JSON.stringify(unwanted)}`).not.toContain(unwanted);
  });

  it('derives text and hash from the Markdown alone', () => {
    if (extraction.kind !== 'article') throw new Error('not an article');
    const { markdown, text, contentHash } = extraction.article;
    expect(text).toBe(toPlainText(markdown));
    expect(contentHash).toBe(hashText(toPlainText(markdown)));
  });
});

describe('the fixture corpus', () => {
  it('covers at least 15 articles and the four kinds of refusal', () => {
    const kinds = cases.map((name) => readJson<{ kind: string }>(`${root}${name}/expected.json`).kind);
    expect(kinds.filter((kind) => kind === 'article').length).toBeGreaterThanOrEqual(15);
    expect(cases).toEqual(expect.arrayContaining(['listing-category-blog', 'error-404-page-introuvable', 'empty-page', 'binary-pdf', 'seed-5-arobases']));
  });
});
