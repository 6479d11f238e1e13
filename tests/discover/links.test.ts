import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/discover/links.js';
import { makePage } from './make-page.js';

const base = new URL('https://www.beauvais.fr/');
const LISTING = 'https://www.beauvais.fr/actualites/prochainement-a-beauvais.html';
const ARTICLE = 'https://www.beauvais.fr/actualites/prochainement-a-beauvais/3750-le-2e-marche.html';

describe('extractLinks: page links', () => {
  const html = `<html><head><title>x</title></head><body>
    <a href="/actualites/prochainement-a-beauvais/3741-cinq-arobases.html">5 arobases</a>
    <a href="3702-conseil-municipal.html#comments">relative to the listing's folder</a>
    <a href="http://beauvais.fr/votre-mairie/horaires.html">bare host, http</a>
    <a href="https://www.beauvais.fr/actualites/prochainement-a-beauvais/3741-cinq-arobases.html?utm_source=newsletter">same again, tracked</a>
    <a rel="nofollow" href="/agenda.html">nofollow: same site, followed</a>
    <a href="https://www.facebook.com/sharer.php?u=x">share</a>
    <a href="https://emploi.beauvais.fr/">another site of the city</a>
    <a href="mailto:contact@beauvais.fr">mail</a>
    <a href="tel:+33344794000">phone</a>
    <a href="javascript:window.print()">print</a>
    <a href="#top">top</a>
    <a href="/images/documents/budget-2017.pdf">budget (PDF)</a>
    <a href="/component/mailto/?tmpl=component&amp;link=aHR0cA">send to a friend</a>
    <a>no href</a>
    <map name="plan"><area shape="rect" coords="0,0,10,10" href="/quartiers/saint-jean.html" alt="Saint-Jean"></map>
  </body></html>`;

  it('keeps in-site pages only, normalised, deduplicated, in document order', () => {
    expect(extractLinks(makePage(html, LISTING), base).links).toEqual([
      'https://www.beauvais.fr/actualites/prochainement-a-beauvais/3741-cinq-arobases.html',
      'https://www.beauvais.fr/actualites/3702-conseil-municipal.html',
      'https://www.beauvais.fr/votre-mairie/horaires.html',
      'https://www.beauvais.fr/agenda.html',
      'https://www.beauvais.fr/quartiers/saint-jean.html',
    ]);
  });

  it('resolves relative links against the page base (<base href>), not the page URL', () => {
    const page = makePage('<base href="https://www.beauvais.fr/"><a href="votre-mairie/horaires.html">Horaires</a>', ARTICLE, 'https://www.beauvais.fr/');
    expect(extractLinks(page, base).links).toEqual(['https://www.beauvais.fr/votre-mairie/horaires.html']);
  });

  it('resolves relative links against the page URL when there is no base', () => {
    const page = makePage('<a href="3741-cinq-arobases.html">5 arobases</a>', ARTICLE);
    expect(extractLinks(page, base).links).toEqual(['https://www.beauvais.fr/actualites/prochainement-a-beauvais/3741-cinq-arobases.html']);
  });

  it('does not change the document it reads', () => {
    const page = makePage(html, LISTING);
    const before = page.$.html();
    extractLinks(page, base);
    expect(page.$.html()).toBe(before);
  });

  it('gives empty lists for a page without links', () => {
    expect(extractLinks(makePage('<p>Rien ici.</p>', LISTING), base)).toEqual({ links: [], feeds: [], next: null });
  });
});

describe('extractLinks: feeds', () => {
  it('finds the RSS and Atom feeds a Joomla listing advertises, in scope only', () => {
    const html = `<head>
      <link href="/actualites/prochainement-a-beauvais.feed?type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0">
      <link href="/actualites/prochainement-a-beauvais.feed?type=atom" rel="alternate" type="application/atom+xml" title="Atom 1.0">
      <link href="/actualites/prochainement-a-beauvais.feed?type=rss#again" rel="alternate" type="application/rss+xml">
      <link href="/actualites?format=feed&amp;type=rss" rel="Alternate" type="Application/RSS+XML; charset=utf-8">
      <link href="https://feeds.feedburner.com/beauvais" rel="alternate" type="application/rss+xml">
      <link href="/en/news.html" rel="alternate" hreflang="en">
      <link href="/templates/beauvais/css/template.css" rel="stylesheet" type="text/css">
    </head><body></body>`;
    expect(extractLinks(makePage(html, LISTING), base).feeds).toEqual([
      'https://www.beauvais.fr/actualites/prochainement-a-beauvais.feed?type=rss',
      'https://www.beauvais.fr/actualites/prochainement-a-beauvais.feed?type=atom',
      'https://www.beauvais.fr/actualites?format=feed&type=rss',
    ]);
  });
});

/** Joomla 3 (Protostar) category blog pagination, page 1 of 5. */
const JOOMLA3_PAGINATION = `<div class="pagination">
  <p class="counter pull-right">Page 1 sur 5</p>
  <ul class="pagination-list">
    <li class="disabled"><a><span class="icon-first"></span></a></li>
    <li class="disabled"><a><span class="icon-previous"></span></a></li>
    <li class="active hidden-phone"><a>1</a></li>
    <li class="hidden-phone"><a title="2" href="/actualites/prochainement-a-beauvais.html?start=10" class="pagenav">2</a></li>
    <li class="hidden-phone"><a title="3" href="/actualites/prochainement-a-beauvais.html?start=20" class="pagenav">3</a></li>
    <li><a title="Suivant" href="/actualites/prochainement-a-beauvais.html?start=10" class="hasTooltip pagenav"><span class="icon-next"></span></a></li>
    <li><a title="Fin" href="/actualites/prochainement-a-beauvais.html?start=40" class="hasTooltip pagenav"><span class="icon-last"></span></a></li>
  </ul>
</div>`;

/** Joomla 3, page 5 of 5: "Suivant" and "Fin" are disabled (no href). */
const JOOMLA3_LAST_PAGE = `<div class="pagination"><ul class="pagination-list">
  <li><a title="Début" href="/actualites/prochainement-a-beauvais.html" class="hasTooltip pagenav"><span class="icon-first"></span></a></li>
  <li><a title="Précédent" href="/actualites/prochainement-a-beauvais.html?start=30" class="hasTooltip pagenav"><span class="icon-previous"></span></a></li>
  <li class="active hidden-phone"><a>5</a></li>
  <li class="disabled"><a><span class="icon-next"></span></a></li>
  <li class="disabled"><a><span class="icon-last"></span></a></li>
</ul></div>`;

/** Joomla 4 (Cassiopeia) category blog pagination, page 2. */
const JOOMLA4_PAGINATION = `<div class="com-content-category-blog__navigation w-100">
  <p class="com-content-category-blog__counter counter float-md-end pt-3 pe-2">Page 2 sur 5</p>
  <div class="com-content-category-blog__pagination">
    <nav class="pagination__wrapper" aria-label="Pagination">
      <ul class="pagination ms-0 mb-4">
        <li class="page-item"><a aria-label="Aller à la première page" href="/actualites/prochainement-a-beauvais.html" class="page-link"><span class="icon-angle-double-left" aria-hidden="true"></span></a></li>
        <li class="page-item"><a aria-label="Aller à la page précédente" href="/actualites/prochainement-a-beauvais.html" class="page-link"><span class="icon-angle-left" aria-hidden="true"></span></a></li>
        <li class="page-item"><a aria-label="Aller à la page 1" href="/actualites/prochainement-a-beauvais.html" class="page-link">1</a></li>
        <li class="active page-item"><a aria-current="true" aria-label="Page 2" href="#" class="page-link">2</a></li>
        <li class="page-item"><a aria-label="Aller à la page 3" href="/actualites/prochainement-a-beauvais.html?start=20" class="page-link">3</a></li>
        <li class="page-item"><a aria-label="Aller à la dernière page" href="/actualites/prochainement-a-beauvais.html?start=40" class="page-link"><span class="icon-angle-double-right" aria-hidden="true"></span></a></li>
        <li class="page-item"><a aria-label="Aller à la page suivante" href="/actualites/prochainement-a-beauvais.html?start=20" class="page-link"><span class="icon-angle-right" aria-hidden="true"></span></a></li>
      </ul>
    </nav>
  </div>
</div>`;

/** Joomla 1.5 (rhuk_milkyway) pagination: text links classed "pagenav". */
const JOOMLA15_PAGINATION = `<table><tr><td align="center" class="sectiontablefooter">
  <span class="pagenav">&lt;&lt; Début</span> <span class="pagenav">&lt; Précédent</span>
  <span class="pagenav">1</span> <a href="/actualites.html?limitstart=10" title="2" class="pagenav">2</a>
  <a href="/actualites.html?limitstart=10" title="Suivant" class="pagenav">Suivant &gt;</a>
  <a href="/actualites.html?limitstart=30" title="Fin" class="pagenav">Fin &gt;&gt;</a>
</td></tr></table>`;

/** A template with arrow glyphs only: "‹" previous, "›" next, "»" last. */
const GLYPH_PAGINATION = `<ul class="pagination">
  <li><a href="/actualites.html?start=0">‹</a></li>
  <li><a href="/actualites.html?start=40">»</a></li>
  <li><a href="/actualites.html?start=20">›</a></li>
</ul>`;

/** Joomla 3 article page: previous/next *article* navigation (pagenavigation plugin). */
const JOOMLA3_ARTICLE_NAVIGATION = `<div class="item-page"><p>Texte.</p>
  <ul class="pager pagenav">
    <li class="previous"><a class="hasTooltip" title="Autre article" aria-label="Article précédent : Autre article" href="/actualites/3749-autre.html" rel="prev"><span class="icon-chevron-left"></span> <span aria-hidden="true">Précédent</span></a></li>
    <li class="next"><a class="hasTooltip" title="Suite" aria-label="Article suivant : Suite" href="/actualites/3751-suite.html" rel="next"><span aria-hidden="true">Suivant</span> <span class="icon-chevron-right"></span></a></li>
  </ul></div>`;

/** Joomla 4 article page: its article navigation sits in a span classed "pagination". */
const JOOMLA4_ARTICLE_NAVIGATION = `<div class="com-content-article item-page"><p>Texte.</p>
  <nav class="pagenavigation" aria-label="Navigation de page">
    <span class="pagination ms-0">
      <a class="btn btn-sm btn-secondary previous" href="/actualites/3749-autre.html" rel="prev"><span class="visually-hidden">Précédent : Autre</span><span class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="true">Précédent</span></a>
      <a class="btn btn-sm btn-secondary next" href="/actualites/3751-suite.html" rel="next"><span class="visually-hidden">Suivant : Suite</span><span aria-hidden="true">Suivant</span> <span class="icon-chevron-right" aria-hidden="true"></span></a>
    </span>
  </nav></div>`;

describe('extractLinks: next page of a listing', () => {
  it.each([
    ['Joomla 3 pagination (title "Suivant", icon-next)', JOOMLA3_PAGINATION, 'https://www.beauvais.fr/actualites/prochainement-a-beauvais.html?start=10'],
    ['Joomla 3 last page (next disabled)', JOOMLA3_LAST_PAGE, null],
    ['Joomla 4 pagination (aria-label "page suivante", after the last-page link)', JOOMLA4_PAGINATION, 'https://www.beauvais.fr/actualites/prochainement-a-beauvais.html?start=20'],
    ['Joomla 1.5 pagination ("Suivant >" text)', JOOMLA15_PAGINATION, 'https://www.beauvais.fr/actualites.html?limitstart=10'],
    ['arrow glyphs only ("›" beats "»")', GLYPH_PAGINATION, 'https://www.beauvais.fr/actualites.html?start=20'],
    ['Joomla 3 article navigation (next article, not next page)', JOOMLA3_ARTICLE_NAVIGATION, null],
    ['Joomla 4 article navigation (next article, not next page)', JOOMLA4_ARTICLE_NAVIGATION, null],
    ['<link rel="next"> in the head', '<head><link rel="next" href="/actualites.html?start=10"></head><body></body>', 'https://www.beauvais.fr/actualites.html?start=10'],
    ['<a rel="next"> outside article navigation', '<a rel="next nofollow" href="?start=30">Plus</a>', 'https://www.beauvais.fr/actualites/prochainement-a-beauvais.html?start=30'],
    ['rel=next to another site', '<link rel="next" href="https://example.org/page2">', null],
    ['"Suivant" pointing at the page itself', '<div class="pagination"><a title="Suivant" href="/actualites/prochainement-a-beauvais.html?start=0#top">Suivant</a></div>', null],
    ['no pagination', '<ul class="menu"><li><a href="/agenda.html">Suivant</a></li></ul>', null],
  ])('%s', (_name, html, expected) => {
    expect(extractLinks(makePage(html, LISTING), base).next).toBe(expected);
  });

  it('prefers rel=next over pagination links', () => {
    const html = `<head><link rel="next" href="/actualites/prochainement-a-beauvais.html?start=10"></head><body>${GLYPH_PAGINATION}</body>`;
    expect(extractLinks(makePage(html, LISTING), base).next).toBe('https://www.beauvais.fr/actualites/prochainement-a-beauvais.html?start=10');
  });

  it('still lists the article navigation links as page links', () => {
    expect(extractLinks(makePage(JOOMLA3_ARTICLE_NAVIGATION, ARTICLE), base).links).toEqual([
      'https://www.beauvais.fr/actualites/3749-autre.html',
      'https://www.beauvais.fr/actualites/3751-suite.html',
    ]);
  });
});
