/**
 * A deterministic, generated Joomla 3 site of the city hall of Beauvais, for benchmarks and tests.
 * It is a lazy model: pages are rendered when asked for (20,000 rendered pages would not fit a lean
 * process), from a seeded generator, so one seed always gives the same bytes. `route()` answers a
 * request path the way the web server would, conditional requests included; `serve-site.js` puts
 * it on a real socket. Types: generate-site.d.ts.
 */
import { articleHead, buildArticle, CATEGORIES, planArticles } from './article-model.js';
import { etagOf, isNotModified } from './conditional.js';
import { createRandom } from './prng.js';
import { makeAgendaItem, makeParagraph } from './french-text.js';
import { MENU } from './render-chrome.js';
import { renderAgencyArticlePage, renderAgencyListingPage, renderScriptOnlyArticlePage } from './render-agency.js';
import { renderArticlePage, renderListingPage, renderStaticPage } from './render-pages.js';
import { renderRobots, renderRss, renderSitemap } from './render-feeds.js';
import { toHttpDate, toParisDate, toParisIso } from './paris-time.js';

/** `/actualites/<category>/<id>-<alias>.html` and `/actualites/<category>.html`. */
const ARTICLE_PATH = /^\/actualites\/([a-z0-9-]+)\/(\d+)-([a-z0-9-]+)\.html$/;
const CATEGORY_PATH = /^\/actualites\/([a-z0-9-]+)\.html$/;
const HTML = 'text/html; charset=utf-8';

/**
 * Builds the site model. See generate-site.d.ts for the options and the returned API.
 * @param {import('./generate-site.js').SiteOptions} [options]
 * @returns {import('./generate-site.js').Site}
 */
export function generateSite(options = {}) {
  const count = options.articles ?? 200;
  const seed = String(options.seed ?? 'beauvais');
  const [minBytes, maxBytes] = options.pageBytes ?? [40_000, 80_000];
  const perPage = options.perListingPage ?? 20;
  const firstId = options.firstId ?? 1000;
  const versions = new Map(Object.entries(options.versions ?? {}));
  const template = options.template ?? 'joomla3';
  const { categoryOf, publishedAt } = planArticles(seed, count);
  const ctx = { seed, firstId, categoryOf, publishedAt, versions, undatedShare: options.undatedShare ?? 0 };

  // Newest first, per category: the order of Joomla's category blogs.
  /** @type {number[][]} */
  const byCategory = CATEGORIES.map(() => []);
  const positionInCategory = new Int32Array(count);
  for (let i = count - 1; i >= 0; i--) {
    const list = /** @type {number[]} */ (byCategory[categoryOf[i] ?? 0]);
    positionInCategory[i] = list.length;
    list.push(i);
  }
  const link = (/** @type {number} */ i) => {
    const h = articleHead(ctx, i);
    return { title: h.title, href: h.path, date: toParisDate(h.publishedAt).split('-').reverse().join('/') };
  };
  const latest = Array.from({ length: Math.min(5, count) }, (_, k) => link(count - 1 - k));
  const agendaFor = (/** @type {string} */ key) => {
    const rnd = createRandom(seed, 'agenda', key);
    return () => makeAgendaItem(rnd);
  };
  const lastChange = () => {
    let maxVersion = 0;
    for (const v of versions.values()) maxVersion = Math.max(maxVersion, v);
    return (publishedAt[count - 1] ?? Date.UTC(2012, 0, 2)) + maxVersion * 86_400_000;
  };
  const teasers = (/** @type {readonly number[]} */ indexes) =>
    indexes.map((i) => {
      const article = buildArticle(ctx, i);
      return { article, intro: article.intro };
    });

  /**
   * A paginated blog listing of `total` articles; `pick(start, end)` gives the indexes shown, newest first.
   * @param {string} path @param {number} start @param {number} total @param {(start: number, end: number) => number[]} pick
   * @param {string} title @param {Array<{ title: string, href?: string }>} crumbs
   */
  const listing = (path, start, total, pick, title, crumbs) => {
    if (start > 0 && start >= total) return null;
    if (template !== 'joomla3') {
      const next = start + perPage < total ? `${path}?start=${start + perPage}` : null;
      return renderAgencyListingPage({ title, teasers: teasers(pick(start, Math.min(total, start + perPage))), next });
    }
    return renderListingPage({
      title, bodyClass: 'com_content view-category layout-blog', crumbs, feed: true, latest, agenda: agendaFor(`${path}?${start}`),
      teasers: teasers(pick(start, Math.min(total, start + perPage))), pagination: { basePath: path, start, perPage, total },
    });
  };
  const pickNewest = (/** @type {number} */ a, /** @type {number} */ b) => Array.from({ length: b - a }, (_, k) => count - 1 - a - k);

  const staticPages = new Map([
    ['/agenda.html', { title: 'Agenda', crumbs: [{ title: 'Accueil', href: '/' }, { title: 'Agenda' }] }],
    ['/plan-du-site.html', { title: 'Plan du site', crumbs: [{ title: 'Accueil', href: '/' }, { title: 'Plan du site' }] }],
    ['/administrator/', { title: 'Administration', crumbs: [{ title: 'Accueil', href: '/' }, { title: 'Administration' }] }],
  ]);
  for (const s of MENU) {
    staticPages.set(`/${s.alias}.html`, { title: s.title, crumbs: [{ title: 'Accueil', href: '/' }, { title: s.title }] });
    for (const p of s.pages) {
      staticPages.set(`/${s.alias}/${p.alias}.html`, { title: p.title, crumbs: [{ title: 'Accueil', href: '/' }, { title: s.title, href: `/${s.alias}.html` }, { title: p.title }] });
    }
  }

  /** @param {string} pathAndQuery @param {string} origin @returns {{ type: string, text: string, lastModified: number } | null} */
  const render = (pathAndQuery, origin) => {
    const url = new URL(pathAndQuery, 'http://generated.invalid');
    const path = url.pathname;
    const start = Math.max(0, Number.parseInt(url.searchParams.get('start') ?? url.searchParams.get('limitstart') ?? '0', 10) || 0);
    const article = ARTICLE_PATH.exec(path);
    if (article) {
      const index = Number(article[2]) - firstId;
      if (!(index >= 0 && index < count)) return null;
      const a = buildArticle(ctx, index);
      if (a.path !== path) return null;
      const siblings = /** @type {number[]} */ (byCategory[a.categoryIndex]);
      const pos = positionInCategory[index] ?? 0;
      const near = siblings.slice(Math.max(0, pos - 2), pos + 4).filter((i) => i !== index).slice(0, 5);
      const neighbour = (/** @type {number | undefined} */ i) => (i === undefined ? null : link(i));
      // Padding overshoots its target by at most one agenda entry (< 512 bytes): aim below the maximum.
      const targetBytes = createRandom(seed, 'size', index).int(minBytes, Math.max(minBytes, maxBytes - 512));
      const text =
        template === 'agency' ? renderAgencyArticlePage({ article: a, related: teasers(near.slice(0, 3)) })
        : template === 'script-only' ? renderScriptOnlyArticlePage({ article: a })
        : renderArticlePage({
          article: a, latest, sameCategory: near.map(link), prev: neighbour(siblings[pos - 1]), next: neighbour(siblings[pos + 1]),
          agenda: agendaFor(a.id), targetBytes,
        });
      return { type: HTML, text, lastModified: a.modifiedAt };
    }
    const category = CATEGORY_PATH.exec(path);
    if (category) {
      const c = CATEGORIES.findIndex((x) => x.alias === category[1]);
      const cat = CATEGORIES[c];
      if (!cat) return null;
      const crumbs = [{ title: 'Accueil', href: '/' }, { title: 'Actualités', href: '/actualites.html' }, { title: cat.title }];
      const list = /** @type {number[]} */ (byCategory[c]);
      const text = listing(path, start, list.length, (a, b) => list.slice(a, b), cat.title, crumbs);
      return text === null ? null : { type: HTML, text, lastModified: lastChange() };
    }
    if (path === '/actualites.html') {
      const text = listing(path, start, count, pickNewest, 'Actualités', [{ title: 'Accueil', href: '/' }, { title: 'Actualités' }]);
      return text === null ? null : { type: HTML, text, lastModified: lastChange() };
    }
    if ((path === '/' || path === '/index.php') && template !== 'joomla3') {
      return { type: HTML, text: renderAgencyListingPage({ title: 'Accueil', teasers: teasers(pickNewest(0, Math.min(6, count))), next: '/actualites.html' }), lastModified: lastChange() };
    }
    if (path === '/' || path === '/index.php') {
      const text = renderListingPage({
        title: 'Accueil', bodyClass: 'com_content view-featured', crumbs: [{ title: 'Accueil' }], feed: true, latest,
        agenda: agendaFor('/'), teasers: teasers(pickNewest(0, Math.min(6, count))), pagination: null,
      });
      return { type: HTML, text, lastModified: lastChange() };
    }
    if (path === '/actualites.feed' && (url.searchParams.get('type') ?? 'rss') === 'rss') {
      return { type: 'application/rss+xml; charset=utf-8', text: renderRss({ origin, items: teasers(pickNewest(0, Math.min(perPage, count))), lastBuild: lastChange() }), lastModified: lastChange() };
    }
    if (path === '/sitemap.xml') {
      const urls = function* () {
        yield { path: '/' };
        yield { path: '/actualites.html' };
        for (const c of CATEGORIES) yield { path: `/actualites/${c.alias}.html` };
        for (let i = count - 1; i >= 0; i--) {
          const h = articleHead(ctx, i);
          yield { path: h.path, lastmod: toParisIso(h.publishedAt) };
        }
      };
      return { type: 'application/xml; charset=utf-8', text: renderSitemap({ origin, urls: urls() }), lastModified: lastChange() };
    }
    if (path === '/robots.txt') return { type: 'text/plain; charset=utf-8', text: renderRobots(origin), lastModified: Date.UTC(2012, 0, 1) };
    const page = staticPages.get(path);
    if (page) {
      const rnd = createRandom(seed, 'static', path);
      const text = renderStaticPage({ ...page, paragraphs: [makeParagraph(rnd), makeParagraph(rnd), makeParagraph(rnd)], latest, agenda: agendaFor(path) });
      return { type: HTML, text, lastModified: Date.UTC(2012, 0, 1) };
    }
    return null;
  };

  return {
    articleCount: count,
    seed,
    article(id) {
      const index = Number(id) - firstId;
      return Number.isInteger(index) && index >= 0 && index < count ? buildArticle(ctx, index) : undefined;
    },
    articleAt: (index) => buildArticle(ctx, index),
    *articles() {
      for (let i = 0; i < count; i++) yield buildArticle(ctx, i);
    },
    articlePaths: () => Array.from({ length: count }, (_, i) => articleHead(ctx, i).path),
    isArticlePath: (path) => ARTICLE_PATH.test(path.split('?')[0] ?? ''),
    listingPages: () => Math.max(1, Math.ceil(count / perPage)),
    mutate(ids) {
      for (const id of ids) versions.set(String(id), (versions.get(String(id)) ?? 0) + 1);
    },
    versions: () => Object.fromEntries(versions),
    route(pathAndQuery, requestHeaders = {}) {
      const host = requestHeaders.host;
      const origin = `http://${typeof host === 'string' && host !== '' ? host : 'www.beauvais.fr'}`;
      const page = render(pathAndQuery, origin);
      if (!page) return null;
      const body = Buffer.from(page.text, 'utf8');
      const validators = { etag: etagOf(body), lastModified: page.lastModified };
      const headers = { 'content-type': page.type, etag: validators.etag, 'last-modified': toHttpDate(page.lastModified) };
      if (isNotModified(requestHeaders, validators)) {
        return { status: 304, headers: { etag: headers.etag, 'last-modified': headers['last-modified'] }, body: Buffer.alloc(0) };
      }
      return { status: 200, headers, body };
    },
  };
}
