/**
 * Hostile and odd pages, through a whole crawl: a canonical link and a `<base href>` pointing to
 * another host, 100,000 nested divs, 50 MB bodies (announced and not), binary served as text/html,
 * a page declaring one charset and encoded in another, invalid UTF-8. Each ends in a clear message
 * or a sane archive file; the crawl itself always ends, and never contacts another host.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/site/generate-site.js';
import type { ArchiveEntry } from '../../src/archive/types.js';
import { takeCensus, type ArchiveCensus } from '../helpers/fault-archive.js';
import { createCrawlRig, type CrawlRig, type InProcessResult } from '../helpers/fault-crawl.js';
import { hostileArticlePage } from '../helpers/fault-pages.js';
import { sendPage, serveHostileSite, type Handler, type HostileSite } from '../helpers/fault-hostile-site.js';
import { CRAWL_FLAGS, FAULT_SITE } from './plan.js';

const EVIL = 'http://evil.example';
const FIFTY_MB = 50 * 1024 * 1024;
const UTF8 = 'text/html; charset=utf-8';

const site = generateSite({ articles: 24, seed: 'hostile-pages-2026', pageBytes: FAULT_SITE.pageBytes });
const page = (index: number, edits: Parameters<typeof hostileArticlePage>[2] = {}) => hostileArticlePage(site, site.articleAt(index), edits);
const A = {
  canonical: site.articleAt(0),
  base: site.articleAt(1),
  nested: site.articleAt(2),
  announced: site.articleAt(3),
  unannounced: site.articleAt(4),
  png: site.articleAt(5),
  noise: site.articleAt(6),
  latinAsUtf8: site.articleAt(7),
  utf8AsLatin: site.articleAt(8),
  invalidUtf8: site.articleAt(9),
};

/** Streams `total` bytes of "x" (with or without Content-Length), stopping when the client goes. */
function streamBytes(total: number, announce: boolean): Handler {
  return (req, res) => {
    res.writeHead(200, { 'content-type': UTF8, ...(announce ? { 'content-length': String(total) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    req.socket.on('close', () => res.destroy());
    pump();
  };
}

let server: HostileSite;
let rig: CrawlRig;
let root: string;
let result: InProcessResult;
let census: ArchiveCensus;
const entry = (id: string): ArchiveEntry | undefined => census.entries.get(census.filesById.get(id)?.[0] ?? '');

beforeAll(async () => {
  server = await serveHostileSite(site);
  rig = createCrawlRig(server.url);
  root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-pages-'));
  server.override(A.canonical.path, sendPage(page(0, { head: `<link rel="canonical" href="${EVIL}${A.canonical.path}" />\n<meta property="og:url" content="${EVIL}/ailleurs.html" />` })));
  server.override(A.base.path, sendPage(page(1, { head: `<base href="${EVIL}/" />`, body: '<p>Voir <a href="/actualites/culture.html">la rubrique culture</a> et <a href="autre-page.html">une autre page</a>.</p>' })));
  const depth = 100_000;
  server.override(A.nested.path, sendPage(page(2, { body: `${'<div>'.repeat(depth)}<p>Tout au fond des divisions imbriquées, le texte de l’article reste lisible.</p>${'</div>'.repeat(depth)}` })));
  server.override(A.announced.path, streamBytes(FIFTY_MB, true));
  server.override(A.unannounced.path, streamBytes(FIFTY_MB, false));
  server.override(A.png.path, sendPage(Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(4096)]), { 'content-type': UTF8 }));
  server.override(A.noise.path, sendPage(randomBytes(8192), { 'content-type': 'text/html' }));
  server.override(A.latinAsUtf8.path, sendPage(iconv.encode(page(7, { title: 'Fête à l’hôtel de ville : été 2024' }), 'windows-1252'), { 'content-type': UTF8 }));
  const mislabelled = page(8).replace('<meta charset="utf-8" />', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" />');
  server.override(A.utf8AsLatin.path, sendPage(mislabelled, { 'content-type': 'text/html' }));
  const broken = Buffer.from(page(9, { body: '<p>Avant BROKEN après : déjà vu.</p>' }), 'utf8');
  const at = broken.indexOf('BROKEN');
  server.override(A.invalidUtf8.path, sendPage(Buffer.concat([broken.subarray(0, at), Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82]), broken.subarray(at + 6)]), { 'content-type': UTF8 }));

  result = await rig.run(['crawl', '--base-url', server.url, '--out', path.join(root, 'out'), ...CRAWL_FLAGS]);
  census = await takeCensus(path.join(root, 'out'));
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('hostile pages in one crawl', () => {
  it('the crawl ends, says which pages failed, and leaves only sound files', () => {
    // The two 50 MB bodies failed (exit 3); everything else was archived or set aside as not an article.
    expect(result.code, result.stderr).toBe(3);
    expect(census.unreadable).toEqual([]);
    expect(census.strays).toEqual([]);
    const refused = new Set([A.announced.id, A.unannounced.id, A.png.id, A.noise.id]);
    const expected = [...site.articles()].map((a) => a.id).filter((id) => !refused.has(id));
    expect([...census.filesById.keys()].sort()).toEqual(expected.sort());
  });

  it('never contacts another host, whatever the canonical link, <base href> or links say', () => {
    expect(rig.guard.refused).toEqual([]);
    expect(server.requests.filter((r) => r.host !== new URL(server.url).host)).toEqual([]);
    expect(server.requests.filter((r) => r.url.includes('evil') || r.url.includes('ailleurs'))).toEqual([]);
  });

  it('keeps the archived URL on the site when the canonical link or og:url points elsewhere', () => {
    expect(entry(A.canonical.id)?.url).toBe(`${server.url}${A.canonical.path}`);
  });

  it('resolves links against the page, not against a <base href> on another host', () => {
    const markdown = entry(A.base.id)?.markdown ?? '';
    expect(markdown).toContain(`[la rubrique culture](${server.url}/actualites/culture.html)`);
    expect(markdown).not.toContain(EVIL);
  });

  it('archives the text found under 100,000 nested divs', () => {
    expect(entry(A.nested.id)?.markdown).toContain('Tout au fond des divisions imbriquées');
  });

  it('cuts a 50 MB body at the size limit, announced or not, and says so', () => {
    expect(result.stderr).toContain(`body of ${server.url}${A.announced.path} exceeds 10485760 bytes`);
    expect(result.stderr).toContain(`body of ${server.url}${A.unannounced.path} exceeds 10485760 bytes`);
    expect(census.filesById.has(A.announced.id) || census.filesById.has(A.unannounced.id)).toBe(false);
  });

  it('archives nothing from binary served as text/html', () => {
    expect(census.filesById.has(A.png.id)).toBe(false);
    expect(census.filesById.has(A.noise.id)).toBe(false);
  });

  it('archives a page whose charset lies, or whose UTF-8 is broken, as valid UTF-8 without adding mojibake', async () => {
    for (const article of [A.latinAsUtf8, A.utf8AsLatin, A.invalidUtf8]) {
      const file = census.filesById.get(article.id)?.[0];
      expect(file, article.path).toBeDefined();
      const bytes = await readFile(path.join(root, 'out', String(file)));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    }
    // Declared UTF-8, sent as windows-1252: the accents are lost to U+FFFD, the words around them kept.
    expect(entry(A.latinAsUtf8.id)?.title).toMatch(/^F\uFFFDte \uFFFD l\uFFFDh\uFFFDtel de ville : \uFFFDt\uFFFD 2024$/);
    // Declared ISO-8859-1, sent as UTF-8: bytes that form valid UTF-8 are UTF-8, and no "Ã©" is added.
    expect(entry(A.utf8AsLatin.id)?.title).toBe(A.utf8AsLatin.title);
    expect(entry(A.utf8AsLatin.id)?.markdown).not.toMatch(/Ã|â€/);
    const broken = entry(A.invalidUtf8.id)?.markdown ?? '';
    expect(broken).toMatch(/Avant \uFFFD+\(\uFFFD+ après : déjà vu\./);
  });
});
