import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedUrlsFor, isFeedXml, parseFeed } from '../../src/discover/feeds.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const RSS_URL = 'https://www.beauvais.fr/actualites/prochainement-a-beauvais.feed?type=rss';
const ATOM_URL = 'https://www.beauvais.fr/actualites.feed?type=atom';

describe('parseFeed', () => {
  it('reads a Joomla 3 RSS 2.0 feed: link, plain-text title, pubDate with its offset', () => {
    expect(parseFeed(fixture('joomla3-rss.xml'), RSS_URL)).toEqual([
      {
        url: 'https://www.beauvais.fr/actualites/prochainement-a-beauvais/3750-le-2e-marche-nocturne-une-edition-speciale-annees-80.html',
        title: 'Le 2e marché nocturne : une édition spéciale années 80',
        publishedAt: '2017-12-08T10:30:00+01:00',
      },
      {
        url: 'https://www.beauvais.fr/actualites/prochainement-a-beauvais/3741-beauvais-labellisee-5-arobases.html',
        title: 'Beauvais labellisée 5 arobases & fière de l’être',
        // 00:30 in Paris stays 2 December: the offset is kept, not converted to UTC (1 December).
        publishedAt: '2017-12-02T00:30:00+01:00',
      },
      {
        url: 'https://www.beauvais.fr/actualites/prochainement-a-beauvais/3702-conseil-municipal.html',
        // Double-escaped entities (&amp;eacute;) are decoded, not shown as "&eacute;".
        title: 'Conseil municipal : l’état des finances',
        publishedAt: null,
      },
    ]);
  });

  it('reads a Joomla 4 Atom feed: alternate links, html and xhtml titles, id as a fallback URL', () => {
    expect(parseFeed(fixture('joomla4-atom.xml'), ATOM_URL)).toEqual([
      {
        url: 'https://www.beauvais.fr/actualites/4512-fete-de-la-saint-patrick.html',
        title: 'Fête de la Saint-Patrick au quadrilatère',
        publishedAt: '2024-03-15T09:00:00+00:00',
      },
      {
        // A link without rel is the alternate (RFC 4287); the enclosure is not; relative hrefs resolve against the feed.
        url: 'https://www.beauvais.fr/actualites/4498-elections-europeennes.html',
        title: 'Élections européennes & bureaux de vote',
        publishedAt: '2024-03-10T18:45:00+01:00',
      },
      {
        url: 'https://www.beauvais.fr/actualites/4471-travaux-rue-desgroux.html',
        title: 'Travaux rue Desgroux',
        publishedAt: '2024-02-29',
      },
    ]);
  });

  it('resolves relative links, falls back to URL guids, reads dc:date, keeps bare-ampersand links, drops repeats', () => {
    expect(parseFeed(fixture('rss-links-and-guids.xml'), 'https://www.beauvais.fr/agenda.feed?type=rss')).toEqual([
      { url: 'https://www.beauvais.fr/agenda/3800-salon-du-livre.html', title: 'Relative link', publishedAt: '2018-01-20T14:00:00+01:00' },
      { url: 'https://www.beauvais.fr/agenda/3801-brocante.html', title: 'Guid only', publishedAt: '2018-01-21T08:00:00Z' },
      {
        url: 'https://www.beauvais.fr/index.php?option=com_content&view=article&id=3803:concert&catid=12',
        title: 'Old Joomla link with a bare ampersand',
        publishedAt: null,
      },
    ]);
  });

  it('keeps a CDATA link as written: its ampersands are text, not entities to repair', () => {
    const xml = `<rss version="2.0"><channel><item><title><![CDATA[Travaux & circulation]]></title>
      <link><![CDATA[https://www.beauvais.fr/index.php?option=com_content&view=article&id=3804]]></link></item></channel></rss>`;
    expect(parseFeed(xml, RSS_URL)).toEqual([
      { url: 'https://www.beauvais.fr/index.php?option=com_content&view=article&id=3804', title: 'Travaux & circulation', publishedAt: null },
    ]);
  });

  it.each([
    ['a feed cut short', fixture('truncated-rss.xml')],
    ['an HTML error page', fixture('not-a-feed.html')],
    ['an empty body', ''],
    ['plain text', 'Service indisponible'],
    ['a sitemap', '<?xml version="1.0"?><urlset><url><loc>https://www.beauvais.fr/</loc></url></urlset>'],
    ['mismatched tags', '<rss><channel><item><link>https://www.beauvais.fr/a.html</item></link></channel></rss>'],
  ])('gives no entries for %s', (_name, text) => {
    expect(parseFeed(text, RSS_URL)).toEqual([]);
  });

  it('gives no entries for a feed without items', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>Vide</title></channel></rss>', RSS_URL)).toEqual([]);
  });
});

describe('isFeedXml', () => {
  it.each([
    [fixture('joomla3-rss.xml').slice(0, 200), true],
    [fixture('joomla4-atom.xml'), true],
    ['\uFEFF<?xml version="1.0"?>\n<!DOCTYPE rss>\n<rss version="0.91"></rss>', true],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', true],
    ['<?xml version="1.0"?><urlset></urlset>', false],
    ['<!DOCTYPE html><html><body><rss></rss></body></html>', false],
    ['rss feed', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isFeedXml(text)).toBe(expected);
  });
});

describe('feedUrlsFor', () => {
  it.each([
    [
      'https://www.beauvais.fr/actualites/prochainement-a-beauvais.html',
      [
        'https://www.beauvais.fr/actualites/prochainement-a-beauvais.feed?type=rss',
        'https://www.beauvais.fr/actualites/prochainement-a-beauvais.feed?type=atom',
      ],
    ],
    [
      'https://www.beauvais.fr/actualites?start=20#top',
      ['https://www.beauvais.fr/actualites?format=feed&type=rss', 'https://www.beauvais.fr/actualites?format=feed&type=atom'],
    ],
    [
      'https://www.beauvais.fr/index.php?option=com_content&view=category&id=12&limitstart=10',
      [
        'https://www.beauvais.fr/index.php?format=feed&id=12&option=com_content&type=rss&view=category',
        'https://www.beauvais.fr/index.php?format=feed&id=12&option=com_content&type=atom&view=category',
      ],
    ],
    ['https://www.beauvais.fr/', ['https://www.beauvais.fr/?format=feed&type=rss', 'https://www.beauvais.fr/?format=feed&type=atom']],
    ['https://www.beauvais.fr/actualites/prochainement-a-beauvais/3750-le-2e-marche.html', []],
    ['https://www.beauvais.fr/actualites/prochainement-a-beauvais.feed?type=rss', []],
    ['https://www.beauvais.fr/images/logo.png', []],
    ['/actualites.html', []],
    ['not a url', []],
  ])('%s → %j', (listing, expected) => {
    expect(feedUrlsFor(listing)).toEqual(expected);
  });
});
