/**
 * Security: one crawl, run in this process through a guard dispatcher that refuses (and records) any
 * origin but the test server's, of a site full of invitations to leave it or to run its code: links,
 * sitemap and feed entries and a robots.txt `Sitemap:` on other hosts, redirects to other hosts
 * (`localhost` for `127.0.0.1` included), a canonical link elsewhere, scripts that would fetch pages,
 * `javascript:` links, a title that reads like a script tag, and a JSON-LD block that tries to
 * pollute Object.prototype. Judged by the guard, the server's log, and the bytes of the archive.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/site/generate-site.js';
import { listFiles, takeCensus, type ArchiveCensus } from '../helpers/fault-archive.js';
import { createCrawlRig, type CrawlRig, type InProcessResult } from '../helpers/fault-crawl.js';
import { hostileArticlePage } from '../helpers/fault-pages.js';
import { sendPage, serveHostileSite, type Handler, type HostileSite } from '../helpers/fault-hostile-site.js';
import { CRAWL_FLAGS, FAULT_SITE } from './plan.js';

const EVIL = 'http://evil.example';
const SCRIPT_TITLE = '<script>alert("titre")</script> Conseil municipal';
/** Paths only a page's code (or a subresource load) could request. */
const BAIT = ['/pwned-by-script.html', '/pwned-by-onerror.html', '/pwned-by-onload.html', '/pwned.js', '/pwned.css', '/pwned-frame.html'];

const BODY = `
<p>Liens : <a href="${EVIL}/page.html">ailleurs</a>, <a href="//evil.example/relatif.html">sans schéma</a>,
<a href="http://localhost:PORT/actualites.html">localhost</a>, <a href="http://127.0.0.1:1/actualites.html">un autre port</a>,
<a href="https://127.0.0.1:PORT/actualites/culture.html">en https</a>.</p>
<p>Pièges : <a href="javascript:fetch('/pwned-by-script.html')">lien js</a>, <a href=" JaVaScRiPt:alert(2)">lien js 2</a>,
<a href="&#106;avascript:alert(3)">lien js 3</a>, <a href="vbscript:msgbox(1)">vb</a>, <a href="data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;">data</a>,
<img src="javascript:alert(5)" alt="image js"> <img src="/x.gif" onerror="fetch('/pwned-by-onerror.html')" alt="onerror">
<span onclick="alert(6)">clic</span> texte &lt;script&gt;alert(7)&lt;/script&gt; et [lien](javascript:alert(8)) écrit en clair.</p>
<script>globalThis.__beauvaisPwned = true; fetch('/pwned-by-script.html');</script>
<script src="/pwned.js"></script><iframe src="/pwned-frame.html"></iframe><svg onload="fetch('/pwned-by-onload.html')"><script>alert(9)</script></svg>
<p>Un paragraphe ordinaire, assez long pour que la page soit bien un article de la ville de Beauvais.</p>`;
const HEAD = `<link rel="stylesheet" href="/pwned.css" />
<link rel="canonical" href="${EVIL}/canonique.html" />
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${'<script>alert(\\"titre\\")</script> Conseil municipal'}","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}</script>`;

const site = generateSite({ articles: 24, seed: 'security-2026', pageBytes: FAULT_SITE.pageBytes });
let server: HostileSite;
let rig: CrawlRig;
let root: string;
let result: InProcessResult;
let census: ArchiveCensus;

const redirect = (location: string): Handler => (_req, res) => {
  res.writeHead(302, { location, 'content-length': '0' });
  res.end();
};
/** The generated site's answer to `path`, its text changed by `edit`. */
const edited = (path: string, edit: (text: string) => string): Handler => (req, res) => {
  const text = edit(site.route(path, req.headers)?.body.toString('utf8') ?? '');
  sendPage(text, { 'content-type': path.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/xml; charset=utf-8' })(req, res);
};

beforeAll(async () => {
  server = await serveHostileSite(site);
  const port = new URL(server.url).port;
  rig = createCrawlRig(server.url);
  root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-security-'));
  server.override(site.articleAt(0).path, sendPage(hostileArticlePage(site, site.articleAt(0), { title: SCRIPT_TITLE, head: HEAD, body: BODY.replaceAll('PORT', port) })));
  server.override(site.articleAt(1).path, redirect(`${EVIL}${site.articleAt(1).path}`));
  server.override(site.articleAt(2).path, redirect(`http://localhost:${port}${site.articleAt(2).path}`));
  server.override(site.articleAt(3).path, redirect(`//evil.example${site.articleAt(3).path}`));
  server.override('/robots.txt', edited('/robots.txt', (t) => `${t}Sitemap: ${EVIL}/sitemap.xml\n`));
  server.override('/sitemap.xml', edited('/sitemap.xml', (t) => t.replace('</urlset>', `<url><loc>${EVIL}/actualites/culture/1-ailleurs.html</loc></url>\n</urlset>`)));
  server.override('/actualites.feed?type=rss', edited('/actualites.feed?type=rss', (t) =>
    t.replace('</channel>', `<item><title>Ailleurs</title><link>${EVIL}/actualites/culture/2-ailleurs.html</link><guid>${EVIL}/g</guid></item></channel>`)));
  result = await rig.run(['crawl', '--base-url', server.url, '--out', path.join(root, 'out'), ...CRAWL_FLAGS]);
  census = await takeCensus(path.join(root, 'out'));
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('security', () => {
  it('contacts only the --base-url host: the guard refused nothing, the server saw only its own name', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(rig.guard.refused).toEqual([]);
    expect(new Set(rig.guard.origins)).toEqual(new Set([server.url]));
    expect(server.requests.filter((r) => r.host !== new URL(server.url).host)).toEqual([]);
  });

  it('follows no redirect off the site (another host, localhost, a scheme-relative URL): skipped, not archived', () => {
    for (const i of [1, 2, 3]) {
      expect(result.stderr).toContain(`redirect from ${server.url}${site.articleAt(i).path} to `);
      expect(census.filesById.has(site.articleAt(i).id)).toBe(false);
    }
    expect(result.stderr).toMatch(/outside the site: not followed/);
  });

  it('keeps every file inside --out, named by the documented layout', async () => {
    expect(await readdir(root)).toEqual(['out']);
    expect(census.strays).toEqual([]);
    expect(census.unreadable).toEqual([]);
  });

  it('carries no raw <script>, no HTML tag and no javascript:, vbscript: or data: link into Markdown or front matter', async () => {
    const out = path.join(root, 'out');
    const texts = await Promise.all((await listFiles(out)).filter((f) => f.endsWith('.md')).map((f) => readFile(path.join(out, f), 'utf8')));
    expect(texts.length).toBe(census.entries.size);
    for (const text of texts) {
      expect(text).not.toMatch(/<\s*\/?\s*(script|iframe|svg|object|embed|img|a|span)\b/i);
      // A link is "](target)" after an unescaped bracket: the page text "\[x\](javascript:…)" renders as text.
      expect(text).not.toMatch(/(?<!\\)\]\(\s*(javascript|vbscript|data):/i);
      expect(text).not.toMatch(/<(javascript|vbscript|data):/i);
      expect(text).not.toMatch(/\bon(error|load|click)\s*=/i);
    }
    const hostile = census.entries.get(census.filesById.get(site.articleAt(0).id)?.[0] ?? '');
    // The title is kept as text (the front matter reads back exactly), just never as a raw tag in the file.
    expect(hostile?.title).toBe(SCRIPT_TITLE);
    expect(hostile?.markdown).toContain('Un paragraphe ordinaire');
    expect(hostile?.url).toBe(`${server.url}${site.articleAt(0).path}`);
  });

  it('never runs or evaluates page content: no script ran, no subresource was loaded, no prototype was polluted', () => {
    expect((globalThis as Record<string, unknown>)['__beauvaisPwned']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(server.requests.filter((r) => BAIT.some((bait) => r.url.startsWith(bait)))).toEqual([]);
  });
});
