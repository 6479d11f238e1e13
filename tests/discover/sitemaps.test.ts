import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSitemap } from '../../src/discover/sitemaps.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/sitemaps/${name}`, import.meta.url));
const SITEMAP_URL = 'https://www.beauvais.fr/sitemap.xml';

const URLSET = {
  urls: [
    { loc: 'https://www.beauvais.fr/', lastmod: null },
    {
      loc: 'https://www.beauvais.fr/actualites/prochainement-a-beauvais/3750-le-2e-marche-nocturne-une-edition-speciale-annees-80.html',
      lastmod: '2017-12-08T10:30:00+01:00',
    },
    { loc: 'https://www.beauvais.fr/index.php?option=com_content&view=article&id=3741&catid=12', lastmod: '2017-12-02' },
    { loc: 'https://www.beauvais.fr/votre-mairie/horaires.html', lastmod: null },
  ],
  sitemaps: [],
};

describe('parseSitemap', () => {
  it('reads a urlset: trimmed locs, entities decoded, lastmod only when a date, repeats and empty entries dropped', () => {
    expect(parseSitemap(fixture('urlset.xml'), SITEMAP_URL)).toEqual(URLSET);
  });

  it('reads the same urlset given as text', () => {
    expect(parseSitemap(fixture('urlset.xml').toString('utf8'), SITEMAP_URL)).toEqual(URLSET);
  });

  it('reads a gzip-compressed urlset', () => {
    expect(parseSitemap(fixture('urlset.xml.gz'), 'https://www.beauvais.fr/sitemap.xml.gz')).toEqual(URLSET);
  });

  it('reads a sitemap index: child sitemaps, relative ones resolved against the index', () => {
    expect(parseSitemap(fixture('sitemap-index.xml'), 'https://www.beauvais.fr/sitemap_index.xml')).toEqual({
      urls: [],
      sitemaps: [
        'https://www.beauvais.fr/sitemap-articles.xml.gz',
        'https://www.beauvais.fr/index.php?option=com_jmap&view=sitemap&format=xml',
        'https://www.beauvais.fr/sitemap-pages.xml',
      ],
    });
  });

  it('reads a urlset written with a namespace prefix (sm:urlset)', () => {
    expect(parseSitemap(fixture('prefixed-urlset.xml'), SITEMAP_URL)).toEqual({
      urls: [{ loc: 'https://www.beauvais.fr/actualites/4512-fete-de-la-saint-patrick.html', lastmod: '2024-03-15' }],
      sitemaps: [],
    });
  });

  it('reads a plain-text sitemap: one full URL a line, BOM, CRLF, blank and relative lines skipped', () => {
    expect(parseSitemap(fixture('sitemap.txt'), 'https://www.beauvais.fr/sitemap.txt')).toEqual({
      urls: [
        { loc: 'https://www.beauvais.fr/actualites/4512-fete-de-la-saint-patrick.html', lastmod: null },
        { loc: 'https://www.beauvais.fr/agenda.html', lastmod: null },
      ],
      sitemaps: [],
    });
  });

  it('reads a feed given as a sitemap (the protocol allows RSS and Atom), its dates as lastmod', () => {
    const feed = readFileSync(new URL('../../fixtures/feeds/joomla3-rss.xml', import.meta.url));
    const { urls, sitemaps } = parseSitemap(feed, 'https://www.beauvais.fr/actualites.feed?type=rss');
    expect(sitemaps).toEqual([]);
    expect(urls.map((url) => url.lastmod)).toEqual(['2017-12-08T10:30:00+01:00', '2017-12-02T00:30:00+01:00', null]);
  });

  it('keeps a loc with a bare ampersand, as broken generators write it', () => {
    const xml = '<urlset><url><loc>https://www.beauvais.fr/index.php?option=com_content&view=article&id=12</loc></url></urlset>';
    expect(parseSitemap(xml, SITEMAP_URL).urls).toEqual([
      { loc: 'https://www.beauvais.fr/index.php?option=com_content&view=article&id=12', lastmod: null },
    ]);
  });

  it.each([
    ['an HTML error page', fixture('not-a-sitemap.html')],
    ['random bytes', fixture('garbage.bin')],
    ['a gzip stream cut short', fixture('truncated.xml.gz')],
    ['a sitemap cut short', fixture('urlset.xml').subarray(0, 600)],
    ['an empty body', Buffer.alloc(0)],
    ['whitespace', '  \n '],
    ['XML of another kind', '<?xml version="1.0"?><config><url>https://www.beauvais.fr/</url></config>'],
  ])('gives empty lists for %s', (_name, body) => {
    expect(parseSitemap(body, SITEMAP_URL)).toEqual({ urls: [], sitemaps: [] });
  });

  it('refuses a gzip body that inflates beyond the 50 MB a sitemap may hold', () => {
    // 60 gzip members of 1 MB of valid lines each: without the limit this would parse as 60 MB of URLs.
    const line = 'https://www.beauvais.fr/actualites/1-a.html\n';
    const member = gzipSync(Buffer.from(line.repeat(Math.ceil(1_000_000 / line.length))));
    const bomb = Buffer.concat(Array.from({ length: 60 }, () => member));
    expect(parseSitemap(bomb, SITEMAP_URL)).toEqual({ urls: [], sitemaps: [] });
  });
});
