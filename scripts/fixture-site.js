// Serves the fixture mini-site (fixtures/site/) on 127.0.0.1, for `npm run demo` and the end-to-end
// tests: static pages, Joomla's many URLs for one article, ETag/304, and the special routes of
// fixtures/site/routes.json (redirects, a 500-then-200 page, a 429 with Retry-After). Every request
// is logged so tests can assert what was (and was not) asked for.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_ROOT = fileURLToPath(new URL('../fixtures/site/', import.meta.url));
const LAST_MODIFIED = 'Mon, 04 Jun 2018 10:00:00 GMT';
const TYPES = [
  [/\.html?$/, 'text/html; charset=utf-8'],
  [/\.feed$/, 'application/rss+xml; charset=utf-8'],
  [/\.txt$/, 'text/plain; charset=utf-8'],
  [/\.xml$/, 'application/xml; charset=utf-8'],
  [/\.pdf$/, 'application/pdf'],
];

/** Every file under `dir`, as site paths ("/actualites.html@start=4"). */
function listFiles(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}/${name}`) : [`${prefix}/${name}`];
  });
}

/**
 * Starts the server. Options: `root` (a folder with pages/ and routes.json). Returns
 * { url, port, requests, setPage(path, html), removePage(path), close() }.
 * @param {{ root?: string }} [options]
 */
export async function serveFixtureSite(options = {}) {
  const root = options.root ?? DEFAULT_ROOT;
  const pagesDir = join(root, 'pages');
  const routes = JSON.parse(readFileSync(join(root, 'routes.json'), 'utf8')).routes;
  const pages = new Map(listFiles(pagesDir).map((p) => [p, readFileSync(join(pagesDir, p))]));
  const byArticleId = new Map();
  for (const p of pages.keys()) {
    const m = /^\/actualites\/[^/]+\/(\d+)-[^/]*\.html$/.exec(p);
    if (m) byArticleId.set(m[1], p);
  }
  const hits = new Map();
  const requests = [];

  const resolve = (url) => {
    const query = [...url.searchParams.entries()].filter(([k]) => !/^(utm_|Itemid)/i.test(k));
    const withQuery = `${url.pathname === '/' ? '/index.html' : url.pathname}${query.length ? `@${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`;
    if (pages.has(withQuery)) return withQuery;
    const plain = url.pathname === '/' ? '/index.html' : url.pathname;
    if (url.pathname === '/index.php' && url.searchParams.get('view') === 'article') {
      return byArticleId.get((url.searchParams.get('id') ?? '').split(':')[0]);
    }
    const sef = /^\/actualites\/[^/]+\/(\d+)-[^/]*\.html$/.exec(plain);
    if (sef) return byArticleId.get(sef[1]);
    return pages.has(plain) ? plain : undefined;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    const entry = { method: req.method, url: req.url, path: url.pathname, headers: req.headers, status: 0 };
    requests.push(entry);
    const send = (status, headers = {}, body = '') => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const route = routes[url.pathname];
    const count = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, count);
    if (route?.location) return send(route.status ?? 301, { location: route.location });
    if (route?.failFirst && count <= route.failFirst) {
      return send(route.failStatus ?? 500, route.retryAfter ? { 'retry-after': route.retryAfter } : {}, 'Erreur temporaire');
    }
    const file = resolve(url);
    if (!file) return send(404, { 'content-type': 'text/html; charset=utf-8' }, '<html><body><h1>Page introuvable</h1></body></html>');
    const body = pages.get(file);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const type = TYPES.find(([re]) => re.test(file.split('@')[0]))?.[1] ?? 'application/octet-stream';
    const headers = { 'content-type': type, etag, 'last-modified': LAST_MODIFIED };
    if (req.headers['if-none-match'] === etag) return send(304, headers);
    return send(200, { ...headers, 'content-length': String(body.length) }, body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    /** Replaces (or adds) the page served at a site path. */
    setPage(path, html) {
      pages.set(path, Buffer.from(html));
    },
    /** Removes a page: its path and the other URLs of its article then answer 404. */
    removePage(path) {
      pages.delete(path);
      for (const [id, p] of byArticleId) if (p === path) byArticleId.delete(id);
    },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok(undefined)); }),
  };
}
