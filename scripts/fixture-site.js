// Serves the fixture mini-site (fixtures/site/) on 127.0.0.1, for `npm run demo` and the end-to-end
// tests: static pages, Joomla's many URLs for one article, ETag/304, and the special routes of
// fixtures/site/routes.json (redirects, a 500-then-200 page, a 429 with Retry-After). Every request
// is logged so tests can assert what was (and was not) asked for.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { etagOf, isNotModified } from './site/conditional.js';
import { serveSite } from './site/serve-site.js';

const DEFAULT_ROOT = fileURLToPath(new URL('../fixtures/site/', import.meta.url));
const LAST_MODIFIED = Date.parse('Mon, 04 Jun 2018 10:00:00 GMT');
const SEF_ARTICLE = /^\/actualites\/[^/]+\/(\d+)-[^/]*\.html$/;
const EMPTY = Buffer.alloc(0);
const NOT_FOUND = Buffer.from('<html><body><h1>Page introuvable</h1></body></html>');
const TYPES = [
  [/\.html?$/, 'text/html; charset=utf-8'],
  [/\.feed$/, 'application/rss+xml; charset=utf-8'],
  [/\.txt$/, 'text/plain; charset=utf-8'],
  [/\.xml$/, 'application/xml; charset=utf-8'],
  [/\.pdf$/, 'application/pdf'],
  [/\.jpe?g$/, 'image/jpeg'],
  [/\.png$/, 'image/png'],
];

/** Every file under `dir`, as site paths ("/actualites.html@start=4"). */
function listFiles(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}/${name}`) : [`${prefix}/${name}`];
  });
}

/**
 * The mini-site as a `route()` for serve-site.js (which logs every request): static pages, an
 * article's other Joomla URLs, ETag/304, and the special routes of routes.json.
 * @param {string} root
 */
function fixtureRoutes(root) {
  const pagesDir = join(root, 'pages');
  const routes = JSON.parse(readFileSync(join(root, 'routes.json'), 'utf8')).routes;
  const pages = new Map(listFiles(pagesDir).map((p) => [p, readFileSync(join(pagesDir, p))]));
  const byArticleId = new Map();
  for (const p of pages.keys()) {
    const m = SEF_ARTICLE.exec(p);
    if (m) byArticleId.set(m[1], p);
  }
  const hits = new Map();

  /** The page file a URL shows, if any. @param {URL} url */
  const resolve = (url) => {
    const query = [...url.searchParams.entries()].filter(([k]) => !/^(utm_|Itemid)/i.test(k));
    const plain = url.pathname === '/' ? '/index.html' : url.pathname;
    const withQuery = `${plain}${query.length ? `@${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`;
    if (pages.has(withQuery)) return withQuery;
    if (url.pathname === '/index.php' && url.searchParams.get('view') === 'article') {
      return byArticleId.get((url.searchParams.get('id') ?? '').split(':')[0]);
    }
    const sef = SEF_ARTICLE.exec(plain);
    if (sef) return byArticleId.get(sef[1]);
    return pages.has(plain) ? plain : undefined;
  };

  return {
    /** @param {string} pathAndQuery @param {Readonly<Record<string, string | string[] | undefined>>} [headers] */
    route(pathAndQuery, headers = {}) {
      const url = new URL(pathAndQuery, 'http://site.invalid');
      const route = routes[url.pathname];
      const count = (hits.get(url.pathname) ?? 0) + 1;
      hits.set(url.pathname, count);
      if (route?.location) return { status: route.status ?? 301, headers: { location: route.location }, body: EMPTY };
      if (route?.failFirst && count <= route.failFirst) {
        return { status: route.failStatus ?? 500, headers: route.retryAfter ? { 'retry-after': route.retryAfter } : {}, body: Buffer.from('Erreur temporaire') };
      }
      const file = resolve(url);
      const body = file === undefined ? undefined : pages.get(file);
      if (file === undefined || body === undefined) return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: NOT_FOUND };
      const validators = { etag: etagOf(body), lastModified: LAST_MODIFIED };
      const type = TYPES.find(([re]) => re.test(file.split('@')[0] ?? ''))?.[1] ?? 'application/octet-stream';
      const answerHeaders = { 'content-type': type, etag: validators.etag, 'last-modified': new Date(LAST_MODIFIED).toUTCString() };
      return isNotModified(headers, validators) ? { status: 304, headers: answerHeaders, body: EMPTY } : { status: 200, headers: answerHeaders, body };
    },
    /** @param {string} path @param {string | Buffer} content */
    setPage(path, content) {
      pages.set(path, Buffer.isBuffer(content) ? content : Buffer.from(content));
    },
    /** @param {string} path */
    removePage(path) {
      pages.delete(path);
      for (const [id, p] of byArticleId) if (p === path) byArticleId.delete(id);
    },
  };
}

/**
 * Starts the server. Options: `root` (a folder with pages/ and routes.json). Returns
 * { url, port, requests, setPage(path, html), removePage(path), close() }.
 * @param {{ root?: string }} [options]
 */
export async function serveFixtureSite(options = {}) {
  const site = fixtureRoutes(options.root ?? DEFAULT_ROOT);
  const served = await serveSite(site);
  return {
    url: served.url,
    port: served.port,
    requests: served.requests,
    /** Replaces (or adds) the page (or any file: an image, a PDF) served at a site path. */
    setPage: site.setPage,
    /** Removes a page: its path and the other URLs of its article then answer 404. */
    removePage: site.removePage,
    close: () => served.close(),
  };
}
