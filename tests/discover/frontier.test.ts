import { describe, expect, it } from 'vitest';
import { createFrontier, type Frontier, type FrontierItem } from '../../src/discover/frontier.js';

const base = new URL('https://www.beauvais.fr/');
const SEF = 'https://www.beauvais.fr/actualites/prochainement-a-beauvais/3750-le-2e-marche.html';
const FEATURED = 'https://www.beauvais.fr/a-la-une/3750-le-2e-marche.html';
const QUERY_FORM = 'https://www.beauvais.fr/index.php?option=com_content&view=article&id=3750:le-2e-marche&catid=12';

function drain(frontier: Frontier): FrontierItem[] {
  const items: FrontierItem[] = [];
  for (let item = frontier.next(); item; item = frontier.next()) items.push(item);
  return items;
}

describe('createFrontier: add', () => {
  it.each([
    [SEF, 'queued'],
    ['https://www.beauvais.fr/agenda.html', 'queued'],
    ['https://example.org/agenda.html', 'outside'],
    ['https://www.beauvais.fr:8080/agenda.html', 'outside'],
    ['mailto:contact@beauvais.fr', 'outside'],
    ['agenda.html', 'queued'],
    ['https://www.beauvais.fr/images/logo.png', 'asset'],
    ['https://www.beauvais.fr/component/mailto/?tmpl=component&link=abc', 'asset'],
  ])('%s → %s', (url, expected) => {
    expect(createFrontier({ base }).add(url)).toBe(expected);
  });

  it('deduplicates by normalised URL', () => {
    const frontier = createFrontier({ base });
    expect(frontier.add('https://www.beauvais.fr/agenda.html')).toBe('queued');
    expect(frontier.add('http://beauvais.fr/agenda.html#top')).toBe('seen');
    expect(frontier.add('https://www.beauvais.fr/agenda.html?utm_source=newsletter')).toBe('seen');
    expect(drain(frontier).map((item) => item.url)).toEqual(['https://www.beauvais.fr/agenda.html']);
    expect(frontier.add('https://www.beauvais.fr/agenda.html')).toBe('seen');
  });

  it('records other URLs of a known article id as aliases, fetching the article once', () => {
    const frontier = createFrontier({ base });
    expect(frontier.add(SEF)).toBe('queued');
    expect(frontier.add(FEATURED)).toBe('alias');
    expect(frontier.add(QUERY_FORM)).toBe('alias');
    expect(frontier.add(`${SEF}?tmpl=component&print=1`)).toBe('seen');
    expect(drain(frontier)).toEqual([{ url: SEF, kind: 'article', articleId: '3750' }]);
    expect(frontier.aliasesOf('3750')).toEqual([
      'https://www.beauvais.fr/a-la-une/3750-le-2e-marche.html',
      'https://www.beauvais.fr/actualites/prochainement-a-beauvais/3750-le-2e-marche.html',
      'https://www.beauvais.fr/index.php?catid=12&id=3750&option=com_content&view=article',
    ]);
    expect(frontier.aliasesOf('9999')).toEqual([]);
    expect(frontier.has(FEATURED)).toBe(true);
  });

  it('lists alias groups only for articles reached through several URLs', () => {
    const frontier = createFrontier({ base });
    frontier.add(SEF);
    frontier.add('https://www.beauvais.fr/actualites/3741-cinq-arobases.html');
    frontier.add(FEATURED);
    expect(frontier.aliasGroups()).toEqual([['3750', [FEATURED, SEF]]]);
  });
});

describe('createFrontier: kinds', () => {
  it('gives sitemaps and feeds first, then articles, then listings, FIFO within a kind', () => {
    const frontier = createFrontier({ base });
    frontier.add('https://www.beauvais.fr/');
    frontier.add('https://www.beauvais.fr/actualites/3741-cinq-arobases.html');
    frontier.add('https://www.beauvais.fr/actualites.html?start=10');
    frontier.add('https://www.beauvais.fr/actualites.feed?type=rss');
    frontier.add(SEF);
    frontier.add('https://www.beauvais.fr/sitemap.xml');
    frontier.add('https://www.beauvais.fr/robots.txt');
    expect(drain(frontier).map((item) => [item.kind, item.url])).toEqual([
      ['robots', 'https://www.beauvais.fr/robots.txt'],
      ['sitemap', 'https://www.beauvais.fr/sitemap.xml'],
      ['feed', 'https://www.beauvais.fr/actualites.feed?type=rss'],
      ['article', 'https://www.beauvais.fr/actualites/3741-cinq-arobases.html'],
      ['article', SEF],
      ['listing', 'https://www.beauvais.fr/'],
      ['listing', 'https://www.beauvais.fr/actualites.html?start=10'],
    ]);
  });

  it('takes the kind a feed or sitemap gives over what the URL suggests', () => {
    const frontier = createFrontier({ base });
    frontier.add('https://www.beauvais.fr/actualites/le-2e-marche-nocturne', 'article');
    frontier.add('https://www.beauvais.fr/index.php?option=com_osmap&view=xml&id=1', 'sitemap');
    expect(drain(frontier)).toEqual([
      { url: 'https://www.beauvais.fr/index.php?id=1&option=com_osmap&view=xml', kind: 'sitemap', articleId: null },
      { url: 'https://www.beauvais.fr/actualites/le-2e-marche-nocturne', kind: 'article', articleId: null },
    ]);
  });

  it('keeps what the URL proves: a feed stays a feed, an asset is never queued', () => {
    const frontier = createFrontier({ base });
    expect(frontier.add('https://www.beauvais.fr/actualites.feed?type=rss', 'article')).toBe('queued');
    expect(frontier.add('https://www.beauvais.fr/images/affiche.jpg', 'article')).toBe('asset');
    expect(frontier.kindOf('https://www.beauvais.fr/actualites.feed?type=rss')).toBe('feed');
    expect(frontier.kindOf('https://www.beauvais.fr/images/affiche.jpg')).toBeUndefined();
  });

  it('does not take a listing hint for an article id', () => {
    const frontier = createFrontier({ base });
    frontier.add(SEF, 'listing');
    expect(frontier.add(FEATURED)).toBe('queued');
    expect(drain(frontier).map((item) => [item.kind, item.articleId])).toEqual([
      ['article', '3750'],
      ['listing', null],
    ]);
  });
});

describe('createFrontier: bound, counts, requeue', () => {
  it('refuses new URLs beyond maxQueued without recording them, and takes them once there is room', () => {
    const frontier = createFrontier({ base, maxQueued: 2 });
    expect(frontier.add('https://www.beauvais.fr/a.html')).toBe('queued');
    expect(frontier.add('https://www.beauvais.fr/b.html')).toBe('queued');
    expect(frontier.add('https://www.beauvais.fr/c.html')).toBe('full');
    expect(frontier.has('https://www.beauvais.fr/c.html')).toBe(false);
    expect(frontier.size).toBe(2);
    frontier.next();
    expect(frontier.add('https://www.beauvais.fr/c.html')).toBe('queued');
  });

  it('records aliases even when full: they take no room in the queue', () => {
    const frontier = createFrontier({ base, maxQueued: 1 });
    frontier.add(SEF);
    expect(frontier.add(FEATURED)).toBe('alias');
  });

  it('counts queued and seen URLs', () => {
    const frontier = createFrontier({ base });
    frontier.add(SEF);
    frontier.add(FEATURED);
    frontier.add('https://www.beauvais.fr/agenda.html');
    frontier.add('https://example.org/');
    expect([frontier.size, frontier.seenCount]).toEqual([2, 3]);
    frontier.next();
    expect([frontier.size, frontier.seenCount]).toEqual([1, 3]);
  });

  it('requeues a taken URL once, at the back of its kind', () => {
    const frontier = createFrontier({ base });
    frontier.add('https://www.beauvais.fr/actualites/1-a.html');
    frontier.add('https://www.beauvais.fr/actualites/2-b.html');
    expect(frontier.requeue('https://www.beauvais.fr/actualites/1-a.html')).toBe(false);
    expect(frontier.next()?.url).toBe('https://www.beauvais.fr/actualites/1-a.html');
    expect(frontier.requeue('http://beauvais.fr/actualites/1-a.html')).toBe(true);
    expect(drain(frontier).map((item) => item.url)).toEqual([
      'https://www.beauvais.fr/actualites/2-b.html',
      'https://www.beauvais.fr/actualites/1-a.html',
    ]);
    expect(frontier.requeue('https://www.beauvais.fr/actualites/1-a.html')).toBe(false);
    expect(frontier.requeue('https://www.beauvais.fr/never-added.html')).toBe(false);
  });

  it('keeps FIFO order and aliases over 20,000 articles', () => {
    const frontier = createFrontier({ base });
    for (let id = 1; id <= 20_000; id += 1) {
      expect(frontier.add(`https://www.beauvais.fr/actualites/${id}-article-${id}.html`)).toBe('queued');
      expect(frontier.add(`https://www.beauvais.fr/a-la-une/${id}-article-${id}.html`)).toBe('alias');
      if (id % 3 === 0) frontier.add(`https://www.beauvais.fr/rubrique-${id}.html`);
    }
    expect([frontier.size, frontier.seenCount]).toEqual([26_666, 46_666]);
    // Draining compacts the queues many times over; the order must survive it.
    const items = drain(frontier);
    expect(items.slice(0, 20_000).map((item) => item.articleId)).toEqual(Array.from({ length: 20_000 }, (_, i) => String(i + 1)));
    expect(items.slice(20_000).every((item) => item.kind === 'listing')).toBe(true);
    expect(frontier.aliasesOf('12345')).toHaveLength(2);
    expect(frontier.size).toBe(0);
  });

  it('keeps separate frontiers apart', () => {
    const first = createFrontier({ base });
    const second = createFrontier({ base });
    first.add(SEF);
    expect(second.add(SEF)).toBe('queued');
    expect(second.has(FEATURED)).toBe(false);
  });
});
