import { describe, expect, it } from 'vitest';
import { articleIdFromUrl, classifyUrl, isInScope, looksLikeArticleUrl, normaliseUrl, parseHref } from '../../src/discover/urls.js';

const base = new URL('https://www.beauvais.fr/');
const ARTICLE = 'https://www.beauvais.fr/actualites/prochainement-a-beauvais/3750-le-2e-marche-nocturne-une-edition-speciale-annees-80.html';

describe('normaliseUrl', () => {
  it.each([
    ['https://www.beauvais.fr/actualites.html#top', 'https://www.beauvais.fr/actualites.html'],
    ['https://www.beauvais.fr/actualites.html?utm_source=facebook&utm_medium=social&fbclid=IwAR0x', 'https://www.beauvais.fr/actualites.html'],
    [`${ARTICLE}?tmpl=component&print=1&layout=default&page=`, `${ARTICLE}?page=`],
    [`${ARTICLE}?tmpl=component&print=1`, ARTICLE],
    ['https://www.beauvais.fr/actualites.html?start=0', 'https://www.beauvais.fr/actualites.html'],
    ['https://www.beauvais.fr/actualites.html?limitstart=0', 'https://www.beauvais.fr/actualites.html'],
    ['https://www.beauvais.fr/actualites.html?start=10', 'https://www.beauvais.fr/actualites.html?start=10'],
    ['https://www.beauvais.fr/agenda.html?page=2', 'https://www.beauvais.fr/agenda.html?page=2'],
    ['https://www.beauvais.fr/actualites?type=rss&format=feed', 'https://www.beauvais.fr/actualites?format=feed&type=rss'],
    ['http://www.beauvais.fr/votre-mairie/horaires.html', 'https://www.beauvais.fr/votre-mairie/horaires.html'],
    ['http://beauvais.fr/votre-mairie/horaires.html', 'https://www.beauvais.fr/votre-mairie/horaires.html'],
    ['https://BEAUVAIS.FR/votre-mairie/horaires.html', 'https://www.beauvais.fr/votre-mairie/horaires.html'],
    ['https://user:secret@www.beauvais.fr/agenda.html', 'https://www.beauvais.fr/agenda.html'],
    ['https://www.beauvais.fr:8443/agenda.html', null],
    ['https://emploi.beauvais.fr/offres.html', null],
    ['https://example.org/actualites.html', null],
    ['mailto:contact@beauvais.fr', null],
    ['tel:+33344794000', null],
    ['javascript:void(0)', null],
    ['#top', null],
    ['', null],
    [
      '/index.php?option=com_content&view=article&id=3750:le-2e-marche&catid=12:actualites&Itemid=101',
      'https://www.beauvais.fr/index.php?catid=12&id=3750&option=com_content&view=article',
    ],
    ['agenda.html', 'https://www.beauvais.fr/agenda.html'],
    ['//www.beauvais.fr//actualites//agenda.html', 'https://www.beauvais.fr/actualites/agenda.html'],
    ['/caf%c3%a9.html', 'https://www.beauvais.fr/caf%C3%A9.html'],
    ['/café.html', 'https://www.beauvais.fr/caf%C3%A9.html'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUrl(input, base)).toBe(expected);
  });

  it('takes the base form of a bare-host base too', () => {
    expect(normaliseUrl('https://www.beauvais.fr/agenda.html', new URL('http://beauvais.fr/'))).toBe('http://beauvais.fr/agenda.html');
  });

  it.each([
    ['http://127.0.0.1:4321/agenda.html', 'http://127.0.0.1:4321/agenda.html'],
    ['https://127.0.0.1:4321/agenda.html', 'http://127.0.0.1:4321/agenda.html'],
    ['http://127.0.0.1:4322/agenda.html', null],
    ['http://127.0.0.1/agenda.html', null],
    ['http://localhost:4321/agenda.html', null],
  ])('against a test server on port 4321: %s → %s', (input, expected) => {
    expect(normaliseUrl(input, new URL('http://127.0.0.1:4321/'))).toBe(expected);
  });

  it('accepts a URL object and leaves it unchanged', () => {
    const url = new URL('http://beauvais.fr/agenda.html#x');
    expect(normaliseUrl(url, base)).toBe('https://www.beauvais.fr/agenda.html');
    expect(url.href).toBe('http://beauvais.fr/agenda.html#x');
  });
});

describe('articleIdFromUrl', () => {
  it.each([
    [ARTICLE, '3750'],
    ['https://www.beauvais.fr/a-la-une/3750-le-2e-marche.html', '3750'],
    ['https://www.beauvais.fr/actualites/3750-le-2e-marche', '3750'],
    ['https://www.beauvais.fr/index.php/actualites/3750-le-2e-marche.html', '3750'],
    ['https://www.beauvais.fr/index.php?option=com_content&view=article&id=3750:le-2e-marche&catid=12', '3750'],
    ['https://www.beauvais.fr/index.php?option=com_content&view=article&id=3750', '3750'],
    ['https://www.beauvais.fr/index.php?option=com_content&task=view&id=120&Itemid=5', '120'],
    ['https://www.beauvais.fr/component/content/article/3750-le-2e-marche.html', '3750'],
    ['https://www.beauvais.fr/component/content/article/12-actualites/3750-le-2e-marche.html', '3750'],
    ['https://www.beauvais.fr/component/content/article/3750?catid=12&Itemid=101', '3750'],
    ['https://www.beauvais.fr/actualites/003750-le-2e-marche.html', '3750'],
    ['https://www.beauvais.fr/actualites/0-sans-id.html', null],
    ['https://www.beauvais.fr/votre-mairie/horaires.html', null],
    ['https://www.beauvais.fr/actualites/prochainement-a-beauvais.html', null],
    ['https://www.beauvais.fr/index.php?option=com_content&view=category&id=12', null],
    ['https://www.beauvais.fr/index.php?option=com_content&view=article&id=abc', null],
    ['https://www.beauvais.fr/actualites/prochainement-a-beauvais.feed?type=rss', null],
    ['https://www.beauvais.fr/actualites/3750-le-2e-marche.html?format=feed&type=rss', null],
    ['https://www.beauvais.fr/images/actualites/3750-marche.jpg', null],
    ['https://www.beauvais.fr/documents/12-budget-2017.pdf', null],
    ['https://www.beauvais.fr/agenda/2024-01-15', null],
    ['https://www.beauvais.fr/', null],
    ['not a url', null],
  ])('%s → %s', (input, expected) => {
    expect(articleIdFromUrl(input)).toBe(expected);
  });
});

describe('isInScope', () => {
  it.each([
    ['https://www.beauvais.fr/agenda.html', true],
    ['http://www.beauvais.fr/agenda.html', true],
    ['https://beauvais.fr/agenda.html', true],
    ['http://www.beauvais.fr:80/agenda.html', true],
    ['https://www.beauvais.fr:8080/agenda.html', false],
    ['https://emploi.beauvais.fr/', false],
    ['https://beauvais.fr.example.org/', false],
    ['ftp://www.beauvais.fr/file', false],
  ])('%s → %s', (input, expected) => {
    expect(isInScope(new URL(input), base)).toBe(expected);
  });
});

describe('parseHref', () => {
  it.each([
    ['  /agenda.html  ', 'https://www.beauvais.fr/agenda.html'],
    ['../agenda.html', 'https://www.beauvais.fr/agenda.html'],
    ['https://example.org/x', 'https://example.org/x'],
    ['mailto:contact@beauvais.fr', null],
    ['javascript:alert(1)', null],
    ['#', null],
    ['http://[broken', null],
  ])('%s → %s', (href, expected) => {
    expect(parseHref(href, 'https://www.beauvais.fr/actualites/')?.href ?? null).toBe(expected);
  });
});

describe('classifyUrl', () => {
  it.each([
    ['https://www.beauvais.fr/robots.txt', 'robots'],
    ['https://www.beauvais.fr/sitemap.xml', 'sitemap'],
    ['https://www.beauvais.fr/sitemap_index.xml.gz', 'sitemap'],
    ['https://www.beauvais.fr/sitemap.txt', 'sitemap'],
    ['https://www.beauvais.fr/index.php?option=com_jmap&view=sitemap&format=xml', 'sitemap'],
    ['https://www.beauvais.fr/index.php?option=com_xmap&view=xml&id=1', 'sitemap'],
    ['https://www.beauvais.fr/actualites/prochainement-a-beauvais.feed?type=rss', 'feed'],
    ['https://www.beauvais.fr/actualites?format=feed&type=atom', 'feed'],
    ['https://www.beauvais.fr/images/logo.png', 'asset'],
    ['https://www.beauvais.fr/documents/budget-2017.PDF', 'asset'],
    ['https://www.beauvais.fr/templates/beauvais/css/template.css', 'asset'],
    ['https://www.beauvais.fr/component/mailto/?tmpl=component&link=aHR0cHM6Ly93d3c', 'asset'],
    ['https://www.beauvais.fr/index.php?option=com_mailto&tmpl=component&link=abc', 'asset'],
    ['https://www.beauvais.fr/component/search/?searchword=marche&searchphrase=all', 'asset'],
    ['https://www.beauvais.fr/component/users/?view=login', 'asset'],
    [ARTICLE, 'article'],
    ['https://www.beauvais.fr/index.php?option=com_content&view=article&id=3750', 'article'],
    ['https://www.beauvais.fr/actualites/prochainement-a-beauvais.html', 'listing'],
    ['https://www.beauvais.fr/actualites/prochainement-a-beauvais.html?start=10', 'listing'],
    ['https://www.beauvais.fr/', 'listing'],
  ])('%s → %s', (input, expected) => {
    expect(classifyUrl(new URL(input))).toBe(expected);
  });
});

describe('looksLikeArticleUrl', () => {
  it.each([
    ['https://www.beauvais.fr/actualites/culture/3770-les-photaumnales.html', true],
    ['https://www.beauvais.fr/index.php?option=com_content&view=article&id=12', true],
    ['https://example.org/2024/07/18/la-flamme/', true],
    ['https://example.org/actualites/la-flamme-olympique-brillera-a-beauvais', true],
    ['https://www.beauvais.fr/', false],
    ['https://www.beauvais.fr/actualites/prochainement-a-beauvais.html', false],
    ['https://www.beauvais.fr/actualites.html?start=20', false],
    ['https://example.org/category/la-vie-de-la-cite-et-ses-quartiers/', false],
    ['https://example.org/tag/conseil-municipal-du-mois-de-mai', false],
  ])('%s → %s', (url, expected) => {
    expect(looksLikeArticleUrl(new URL(url))).toBe(expected);
  });
});
