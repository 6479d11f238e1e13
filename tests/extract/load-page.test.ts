import { describe, expect, it } from 'vitest';
import { limitNesting } from '../../src/extract/nesting.js';
import { extractArticle, extractFromPage, loadPage } from '../../src/extract/index.js';
import { ARTICLE_URL, FILLER, renderArticlePage } from './article-page.js';

describe('loadPage', () => {
  it.each([
    ['no <base>', '', ARTICLE_URL],
    ['a <base> on the site', '<base href="https://www.beauvais.fr/" />', 'https://www.beauvais.fr/'],
    ['a <base> on the bare domain', '<base href="http://beauvais.fr/actualites/" />', 'http://beauvais.fr/actualites/'],
    ['a <base> on another host', '<base href="https://cdn.example.net/beauvais/" />', ARTICLE_URL],
    ['a relative <base>', '<base href="/actualites/" />', 'https://www.beauvais.fr/actualites/'],
    ['a javascript: <base>', '<base href="javascript:alert(1)" />', ARTICLE_URL],
  ])('baseUrl with %s', (_name, head, baseUrl) => {
    expect(loadPage(renderArticlePage({ body: FILLER, head }), ARTICLE_URL).baseUrl).toBe(baseUrl);
  });

  it('decodes once and reports the charset used', () => {
    const page = loadPage(Buffer.from(renderArticlePage({ body: '<p>l’été</p>' }), 'utf8'), ARTICLE_URL, { 'content-type': 'text/html; charset=utf-8' });
    expect(page.encoding).toBe('utf-8');
    expect(page.$('[itemprop="articleBody"]').text()).toBe('l’été');
  });

  it('extraction leaves the parsed page exactly as it was', () => {
    const page = loadPage(
      renderArticlePage({ body: `${FILLER}<p>- un ;<br>- deux.</p><table><tr><td><p>a</p></td><td>b</td></tr></table><script>x()</script><a href="javascript:x()">lien</a>` }),
      ARTICLE_URL,
    );
    const before = page.$.html();
    expect(extractFromPage(page).kind).toBe('article');
    expect(page.$.html()).toBe(before);
  });
});

describe('hostile nesting', () => {
  it('an article inside 100,000 nested divs is extracted without overflowing the stack', () => {
    const depth = 100_000;
    const body = `${'<div>'.repeat(depth)}${FILLER}<p>Le texte au fond des boîtes.</p>${'</div>'.repeat(depth)}`;
    const extraction = extractArticle(renderArticlePage({ body }), ARTICLE_URL);
    expect(extraction.kind).toBe('article');
    expect(extraction.kind === 'article' && extraction.article.markdown).toContain('Le texte au fond des boîtes.');
  });

  it('100,000 nested spans do not overflow the stack either', () => {
    const depth = 100_000;
    const body = `<p>${'<span>'.repeat(depth)}Au fond des spans, un texte assez long pour faire un article.${'</span>'.repeat(depth)}</p>`;
    const extraction = extractArticle(renderArticlePage({ body }), ARTICLE_URL);
    expect(extraction.kind === 'article' && extraction.article.text).toContain('Au fond des spans');
  });

  it('only tags beyond the nesting cap are dropped, never text', () => {
    const deep = `<p>${'<span>'.repeat(20_000)}texte<script>var s = "<span>";</script>${'</span>'.repeat(20_000)}</p><p>après</p>`;
    const limited = limitNesting(deep);
    expect(limited).toContain('texte<script>var s = "<span>";</script>');
    expect(limited).toMatch(/<\/p><p>après<\/p>$/u);
    expect(limited.length).toBeLessThan(deep.length / 10);
  });

  it('stops at an unclosed comment, as HTML does, instead of rescanning the rest', () => {
    const html = `${'<div>'.repeat(6_000)}texte<!-- jamais fermé ${'<div>'.repeat(6_000)}`;
    const limited = limitNesting(html);
    expect(limited).toContain('texte<!-- jamais fermé <div><div>');
    expect(limited.startsWith('<div>'.repeat(400) + 'texte')).toBe(true);
  });

  it('leaves ordinary pages untouched', () => {
    const html = renderArticlePage({ body: `${FILLER}<ul><li>un<li>deux</ul>`.repeat(2_000) });
    expect(limitNesting(html)).toBe(html);
  });
});
