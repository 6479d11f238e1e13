/**
 * The archive the reading-room tests build a site from: the fixture mini-site crawled by the real CLI,
 * one article changed and crawled again (so it has a history), and one hostile article written
 * directly (a title and a body full of HTML and script).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { renderArchiveFile } from '../../src/archive/front-matter.js';
import type { ArchiveEntry } from '../../src/archive/types.js';
import { serveFixtureSite } from '../../scripts/fixture-site.js';
import { runCli } from './run-cli.js';

/** The article changed between the two crawls, and the words the change brought. */
export const CHANGED_PATH = '/actualites/vie-municipale/3790-travaux-rue-de-la-madeleine.html';
export const CHANGED_FROM = 'du 12 au 23 mars';
export const CHANGED_TO = 'du 12 au 30 mars, prolongés d’une semaine';
/** The hostile article's archive file. */
export const HOSTILE_FILE = '2019/02/2019-02-03-script-alert-1.md';

/** Crawls the fixture site into `out` twice (with one change in between) and adds the hostile article. */
export async function buildSiteArchive(out: string): Promise<void> {
  const site = await serveFixtureSite();
  try {
    const crawl = ['crawl', '--base-url', site.url, '--out', out, '--delay', '0', '--quiet'];
    const first = await runCli(crawl);
    if (first.code !== 0) throw new Error(`fixture crawl failed (${first.code}): ${first.stderr}`);
    const original = await readFile(new URL(`../../fixtures/site/pages${CHANGED_PATH}`, import.meta.url), 'utf8');
    site.setPage(CHANGED_PATH, original.replace(CHANGED_FROM, CHANGED_TO));
    const second = await runCli(crawl);
    if (second.code !== 0) throw new Error(`second fixture crawl failed (${second.code}): ${second.stderr}`);
  } finally {
    await site.close();
  }
  await mkdir(join(out, '2019', '02'), { recursive: true });
  await writeFile(join(out, HOSTILE_FILE), renderArchiveFile(hostileEntry()));
}

function hostileEntry(): ArchiveEntry {
  return {
    id: '9999',
    title: '<script>window.__pwned = 1</script> alert(1)',
    url: 'https://www.beauvais.fr/actualites/culture/9999-x.html',
    aliases: ['javascript:alert(1)'],
    publishedAt: '2019-02-03',
    updatedAt: null,
    section: 'Culture <b>gras</b>',
    initiatives: [{ heading: '<img src=x onerror="window.__pwned=2">', items: ['<script>window.__pwned=3</script>'] }],
    contentHash: 'sha256:0',
    fetchedAt: '2026-11-26T10:00:00.000Z',
    firstSeenAt: '2026-11-26T10:00:00.000Z',
    dateSource: 'text',
    history: [],
    markdown: [
      'Un texte avec <script>window.__pwned = 4</script> et <img src="x" onerror="window.__pwned=5">.',
      '',
      '[un lien piégé](javascript:window.__pwned=6) et ![image distante](https://www.beauvais.fr/images/x.jpg)',
      '',
      '<iframe src="https://example.org/"></iframe>',
    ].join('\n'),
  };
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.json': 'application/json',
};

/** A static file server for a folder on 127.0.0.1 (port 0), like any static host: no folder listing. */
export async function serveFolder(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(root + sep)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}
