/**
 * The generated site that the benchmark, the end-to-end tests and the fault-injection suite stand
 * on: same seed, same bytes; Joomla 3 markup with its chrome; listings reach every article; Paris
 * dates; validators give 304 until an article changes.
 */
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/site/generate-site.js';

const text = (site: ReturnType<typeof generateSite>, path: string, headers: Record<string, string> = {}) => {
  const answer = site.route(path, headers);
  if (!answer) throw new Error(`no route for ${path}`);
  return answer.body.toString('utf8');
};

describe('generateSite', () => {
  it('renders the same bytes for the same seed, and other bytes for another seed', () => {
    const a = generateSite({ articles: 60, seed: 'x' });
    const b = generateSite({ articles: 60, seed: 'x' });
    const c = generateSite({ articles: 60, seed: 'y' });
    const path = a.articlePaths()[17] as string;
    expect(b.articlePaths()[17]).toBe(path);
    for (const p of [path, '/', '/actualites.html?start=20', '/actualites.feed?type=rss', '/sitemap.xml']) {
      expect(text(b, p)).toBe(text(a, p));
    }
    expect(text(c, '/actualites.html')).not.toBe(text(a, '/actualites.html'));
  });

  it('keeps an article identical when the site grows', () => {
    const small = generateSite({ articles: 30, seed: 's' });
    const large = generateSite({ articles: 300, seed: 's' });
    expect(large.articleAt(12)).toEqual(small.articleAt(12));
  });

  it('renders an article page with Joomla 3 markup, full chrome, and a size in range', () => {
    const site = generateSite({ articles: 40, seed: 'markup', pageBytes: [40_000, 80_000] });
    for (const article of site.articles()) {
      const answer = site.route(article.path);
      expect(answer?.status).toBe(200);
      const size = answer?.body.length ?? 0;
      expect(size).toBeGreaterThanOrEqual(40_000);
      expect(size).toBeLessThanOrEqual(80_000);
    }
    const article = site.articleAt(7);
    const $ = cheerio.load(text(site, article.path));
    expect($('div.item-page[itemscope] h2[itemprop=headline]').text()).toBe(article.title);
    expect($('dl.article-info dd.category-name a').text()).toBe(article.category.title);
    expect($('dd.published time[datetime]').attr('datetime')).toBe(article.publishedIso);
    expect($('dd.published time').text()).toBe(`Publication : ${article.publishedFrench}`);
    expect($('div[itemprop=articleBody]').text()).toContain(article.intro);
    const all = $.root().text();
    for (const chrome of ['Vous êtes ici :', 'Dernières actualités', 'Agenda', 'Partager cet article', '© 2024 | Mairie de Beauvais - BP 60330 - 1, rue Desgroux - 60021 Beauvais Cedex | Tél : 03 44 79 40 00']) {
      expect(all).toContain(chrome);
    }
    expect($('img').map((_, el) => $(el).attr('alt')).get()).toEqual(expect.arrayContaining(['Entete Mairie', 'Entete Vivre4', 'Entete Economie5']));
  });

  it('writes initiatives lists both as <ul> and as "- item ;" lines, ending with "."', () => {
    const site = generateSite({ articles: 30, seed: 'lists' });
    const styles = new Set<string>();
    for (const article of site.articles()) {
      const block = article.blocks.find((b) => b.type === 'initiatives');
      if (!block || block.type !== 'initiatives') continue;
      styles.add(block.style);
      const body = cheerio.load(text(site, article.path))('div[itemprop=articleBody]');
      const last = block.items[block.items.length - 1] as string;
      expect(body.text()).toContain(`${block.heading} :`);
      expect(body.text()).toContain(`${last}.`);
      if (block.style === 'ul') expect(body.find('li').length).toBe(block.items.length);
      else expect(body.text()).toContain(`- ${block.items[0]} ;`);
    }
    expect([...styles].sort()).toEqual(['dashes', 'ul']);
  });

  it('reaches every article by following "Suivant" from /actualites.html, newest first', () => {
    const site = generateSite({ articles: 95, perListingPage: 20, seed: 'pages' });
    const found: string[] = [];
    let next: string | undefined = '/actualites.html';
    let pages = 0;
    while (next) {
      const $ = cheerio.load(text(site, next));
      found.push(...$('div.blog h2[itemprop=name] a').map((_, el) => $(el).attr('href')).get());
      next = $('.pagination a[title=Suivant]').attr('href');
      pages++;
    }
    expect(pages).toBe(5);
    expect(found).toEqual(site.articlePaths().reverse());
    expect(site.route('/actualites.html?start=100')).toBeNull();
  });

  it('answers 304 to a matching ETag or a recent If-Modified-Since, and 200 once the article changes', () => {
    const site = generateSite({ articles: 20, seed: 'etag' });
    const path = site.articleAt(3).path;
    const first = site.route(path);
    const etag = first?.headers.etag as string;
    const lastModified = first?.headers['last-modified'] as string;
    expect(site.route(path, { 'if-none-match': etag })?.status).toBe(304);
    expect(site.route(path, { 'if-none-match': `"other", W/${etag}` })?.status).toBe(304);
    expect(site.route(path, { 'if-none-match': '"other"' })?.status).toBe(200);
    expect(site.route(path, { 'if-modified-since': lastModified })?.status).toBe(304);
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    expect(site.route(path, { 'if-none-match': '"other"', 'if-modified-since': lastModified })?.status).toBe(200);

    const untouched = site.articleAt(4).path;
    const untouchedTag = site.route(untouched)?.headers.etag as string;
    site.mutate([site.articleAt(3).id]);
    const changed = site.route(path, { 'if-none-match': etag });
    expect(changed?.status).toBe(200);
    expect(changed?.body.toString()).toContain('Mise à jour (version 1)');
    expect(Date.parse(changed?.headers['last-modified'] as string)).toBeGreaterThan(Date.parse(lastModified));
    expect(site.route(path, { 'if-modified-since': lastModified })?.status).toBe(200);
    expect(site.route(untouched, { 'if-none-match': untouchedTag })?.status).toBe(304);
    expect(generateSite({ articles: 20, seed: 'etag', versions: site.versions() }).route(path)?.headers.etag).toBe(changed?.headers.etag);
  });

  it('publishes robots.txt, a sitemap of every article and an RSS feed of the newest ones', () => {
    const site = generateSite({ articles: 45, seed: 'feeds', perListingPage: 20 });
    const host = { host: '127.0.0.1:8123' };
    expect(text(site, '/robots.txt', host)).toMatch(/^Disallow: \/administrator\/$/m);
    expect(text(site, '/robots.txt', host)).toContain('Sitemap: http://127.0.0.1:8123/sitemap.xml');
    const sitemap = text(site, '/sitemap.xml', host);
    for (const path of site.articlePaths()) expect(sitemap).toContain(`<loc>http://127.0.0.1:8123${path}</loc>`);
    const $ = cheerio.load(text(site, '/actualites.feed?type=rss', host), { xml: true });
    expect($('item').length).toBe(20);
    expect($('item link').first().text()).toBe(`http://127.0.0.1:8123${site.articleAt(44).path}`);
    expect(site.route('/nowhere.html')).toBeNull();
  });

  it('dates articles in Paris time, summer and winter, including just after midnight', () => {
    // 1,500 articles, 30 min to 8 h apart from January 2012: winter and summer time both occur.
    const site = generateSite({ articles: 1500, seed: 'dates' });
    const offsets = new Set<string>();
    const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });
    let afterMidnight = 0;
    for (const article of site.articles()) {
      const zone = offset.formatToParts(article.publishedAt).find((p) => p.type === 'timeZoneName')?.value;
      expect(`GMT${article.publishedIso.slice(19)}`).toBe(zone);
      offsets.add(article.publishedIso.slice(19));
      expect(Date.parse(article.publishedIso)).toBe(article.publishedAt);
      if (article.publishedIso.slice(11, 13) === '00') {
        afterMidnight++;
        expect(article.publishedDate).not.toBe(new Date(article.publishedAt).toISOString().slice(0, 10));
      }
    }
    expect(afterMidnight).toBeGreaterThan(0);
    expect([...offsets].sort()).toEqual(['+01:00', '+02:00']);
  });
});
