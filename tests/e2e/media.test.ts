/**
 * End to end: `crawl --media` against the fixture mini-site serving real JPEG, PNG and PDF bytes:
 * files shared by two articles or served under two URLs stored once, a file over the cap, one lying
 * about its type, one 404 and one redirect. Judged by the files under media/, the front matter, the
 * Markdown links, the exit code and the server's request log.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureSite, serveFixtureSite } from '../../scripts/fixture-site.js';
import { pdfBytes, pngBytes } from '../helpers/media-bytes.js';
import { parseNdjson, runCli } from '../helpers/run-cli.js';
import { schemaErrors } from '../helpers/schema.js';

const A = '/actualites/culture/3770-la-mediatheque-ouvre-le-dimanche.html';
const B = '/actualites/culture/3780-les-photaumnales-2018.html';
const MARCHE = pdfBytes('Règlement du marché');
const PHOTO = pngBytes('Photaumnales');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let site: FixtureSite;
let out: string;
let mediatheque: Buffer;

/** Replaces an article's body (between its articleBody div and the share bar). */
async function setBody(path: string, body: string): Promise<void> {
  const html = await readFile(join('fixtures/site/pages', path), 'utf8');
  site.setPage(path, html.replace(/<div itemprop="articleBody">[\s\S]*?<\/div>\n  <div class="share">/, `<div itemprop="articleBody">${body}</div>\n  <div class="share">`));
}

beforeEach(async () => {
  site = await serveFixtureSite();
  out = await mkdtemp(join(tmpdir(), 'beauvais-media-'));
  mediatheque = await readFile('fixtures/site/pages/images/mediatheque.jpg');
  await setBody(A, [
    '<p>À partir du 14 janvier, la médiathèque du centre-ville ouvrira ses portes le dimanche de 14 h à 18 h.</p>',
    '<figure><img src="/images/mediatheque.jpg" alt="La médiathèque"><figcaption>La médiathèque.</figcaption></figure>',
    '<p>Voir <a href="/docs/actualites/1409-marche.pdf">le règlement du marché</a>, <a href="/docs/ancien-reglement-du-marche.pdf">son ancienne adresse</a>,',
    ' <a href="/docs/faux.pdf">un faux PDF</a>, <a href="/docs/absent.pdf">un PDF disparu</a> et <a href="/images/copie-mediatheque.jpg">la photo</a>.</p>',
    '<p><a href="/docs/partenaire.pdf">Le document du partenaire</a> (une redirection hors du site).</p>',
    '<p><img src="/images/logo-ville.png" alt="Beauvais"></p>',
  ].join(''));
  await setBody(B, [
    '<p>Les Photaumnales reviennent à l’automne, dans toute la ville, avec douze expositions.</p>',
    '<p><img src="/images/photaumnales.png" alt="Affiche"></p>',
    '<p>Le <a href="/docs/actualites/1409-marche.pdf">règlement</a> et <a href="/docs/programme-complet.pdf">le programme complet</a>.</p>',
  ].join(''));
  site.setPage('/docs/actualites/1409-marche.pdf', MARCHE);
  site.setPage('/images/copie-mediatheque.jpg', mediatheque);
  site.setPage('/images/photaumnales.png', PHOTO);
  site.setPage('/images/logo-ville.png', pngBytes('logo'));
  // An error page served under a PDF's name, with a PDF's Content-Type (the server's TYPES).
  site.setPage('/docs/faux.pdf', '<!DOCTYPE html><html><body><h1>Page introuvable</h1></body></html>');
  // Over a 1 MB cap.
  site.setPage('/docs/programme-complet.pdf', Buffer.concat([pdfBytes('Programme'), Buffer.alloc(1_200_000, 0x20)]));
});
afterEach(async () => {
  await site.close();
  await rm(out, { recursive: true, force: true });
});

const crawl = (...extra: string[]) => runCli(['crawl', '--base-url', site.url, '--out', out, '--delay', '0', '--json', ...extra]);

async function fileOf(id: string): Promise<{ path: string; fields: Record<string, unknown>; markdown: string }> {
  const record = parseNdjson((await runCli(['export', '--out', out])).stdout).find((r) => r.id === id);
  if (!record) throw new Error(`article ${id} is not archived`);
  const text = await readFile(join(out, String(record.path)), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
  return { path: String(record.path), fields: parseYaml(match![1]!) as Record<string, unknown>, markdown: match![2]! };
}

describe('crawl --media', () => {
  it('keeps each article body’s images and documents once, under media/, linked from the Markdown', async () => {
    const result = await crawl('--media', '--media-max-mb', '1');
    // faux.pdf is a failure (exit 3); the 404 and the file over the cap are skipped.
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/faux\.pdf is not PDF/);
    expect(result.stderr).toContain(`media skipped: redirect from ${site.url}/docs/partenaire.pdf to http://partner.invalid/doc.pdf, outside the site`);
    const records = parseNdjson(result.stdout);
    for (const record of records) expect(schemaErrors(record)).toEqual([]);
    expect(records.find((r) => r.id === '3780')?.media).toHaveLength(2);

    const files = (await readdir(join(out, 'media'))).sort();
    expect(files).toEqual(
      [`${sha(MARCHE)}-1409-marche.pdf`, `${sha(mediatheque)}-mediatheque.jpg`, `${sha(PHOTO)}-photaumnales.png`].sort(),
    );
    for (const name of files) expect(sha(await readFile(join(out, 'media', name)))).toBe(name.slice(0, 64));

    const a = await fileOf('3770');
    expect(a.fields['media']).toEqual([
      { url: `${site.url}/images/mediatheque.jpg`, path: `media/${sha(mediatheque)}-mediatheque.jpg`, sha256: sha(mediatheque), type: 'image/jpeg', bytes: mediatheque.length },
      { url: `${site.url}/docs/actualites/1409-marche.pdf`, path: `media/${sha(MARCHE)}-1409-marche.pdf`, sha256: sha(MARCHE), type: 'application/pdf', bytes: MARCHE.length },
      { url: `${site.url}/docs/ancien-reglement-du-marche.pdf`, path: `media/${sha(MARCHE)}-1409-marche.pdf`, sha256: sha(MARCHE), type: 'application/pdf', bytes: MARCHE.length },
      { url: `${site.url}/images/copie-mediatheque.jpg`, path: `media/${sha(mediatheque)}-mediatheque.jpg`, sha256: sha(mediatheque), type: 'image/jpeg', bytes: mediatheque.length },
    ]);
    // Relative links from YYYY/MM/: they work wherever the archive is moved.
    expect(a.markdown).toContain(`![La médiathèque](../../media/${sha(mediatheque)}-mediatheque.jpg "${site.url}/images/mediatheque.jpg")`);
    expect(a.markdown).toContain(`[le règlement du marché](../../media/${sha(MARCHE)}-1409-marche.pdf "${site.url}/docs/actualites/1409-marche.pdf")`);
    expect(a.markdown).toContain(`[un faux PDF](${site.url}/docs/faux.pdf)`);
    expect(a.markdown).toContain(`[un PDF disparu](${site.url}/docs/absent.pdf)`);
    const b = await fileOf('3780');
    expect((b.fields['media'] as { path: string }[]).map((m) => m.path)).toEqual([`media/${sha(PHOTO)}-photaumnales.png`, `media/${sha(MARCHE)}-1409-marche.pdf`]);
    expect(b.markdown).toContain(`[le programme complet](${site.url}/docs/programme-complet.pdf)`);

    // The logo is page furniture, never requested; the shared PDF is asked once.
    const asked = site.requests.map((r) => r.url);
    expect(asked.filter((u) => u.includes('logo-ville'))).toEqual([]);
    // Header banners, the site's logo and sidebar pictures are page chrome, not article media.
    expect(asked.filter((u) => /entete|logo\.png/.test(u))).toEqual([]);
    expect(asked.filter((u) => u === '/docs/actualites/1409-marche.pdf')).toHaveLength(2); // once directly, once at the end of the redirect
  });

  it('does not change an article’s text or contentHash, and archives nothing without --media', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'beauvais-media-plain-'));
    try {
      const without = parseNdjson((await runCli(['crawl', '--base-url', site.url, '--out', plain, '--delay', '0', '--json'])).stdout);
      expect(site.requests.filter((r) => /\.(pdf|jpg|png)$/.test(r.url))).toEqual([]);
      const withMedia = parseNdjson((await crawl('--media', '--media-max-mb', '1')).stdout);
      const pick = (records: Record<string, unknown>[]) => records.filter((r) => r.id === '3770').map((r) => [r.text, r.contentHash]);
      expect(pick(withMedia)).toEqual(pick(without));
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });

  it('reads "media: true" from archive.yaml, and --no-media overrides it for one run', async () => {
    await writeFile(join(out, 'archive.yaml'), 'media: true\nmediaMaxMB: 1\n');
    expect((await crawl('--no-media')).code).toBe(0);
    expect(site.requests.filter((r) => /\.(pdf|jpg|png)$/.test(r.url))).toEqual([]);
    site.requests.length = 0;
    expect((await crawl('--full')).code).toBe(3);
    expect(site.requests.some((r) => r.url === '/images/mediatheque.jpg')).toBe(true);
  });
});

describe('crawl --media, run again', () => {
  it('asks each file with its validators (304: nothing written), keeps a changed file as a new version and the old one for the history', async () => {
    expect((await crawl('--media', '--media-max-mb', '1')).code).toBe(3);
    // The lying file is fixed: the next run retries it.
    site.setPage('/docs/faux.pdf', pdfBytes('Le vrai PDF'));
    expect((await crawl('--media', '--media-max-mb', '1')).code).toBe(0);
    const before = await fileOf('3770');
    expect((before.fields['media'] as { url: string }[]).map((m) => m.url)).toContain(`${site.url}/docs/faux.pdf`);

    site.requests.length = 0;
    const again = await crawl('--media', '--media-max-mb', '1');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/ new 0, updated 0, unchanged 0,/);
    expect(again.stderr).toMatch(/media 0 \(0 bytes\), media 304 [1-9]/);
    const mediaRequests = site.requests.filter((r) => /\.(pdf|jpg|png)$/.test(r.url));
    expect(mediaRequests.length).toBeGreaterThan(0);
    // 304 for every file kept; redirects, the 404 and the file over the cap are asked again, and skipped again.
    expect(mediaRequests.filter((r) => r.status === 200 && !r.url.includes('programme-complet'))).toEqual([]);
    expect(mediaRequests.filter((r) => r.status === 304).length).toBeGreaterThanOrEqual(4);
    expect((await fileOf('3770')).markdown).toBe(before.markdown);

    // The photo changes on the site: a new file, a new version of the article; the old photo stays.
    const newPhoto = pngBytes('Photaumnales, nouvelle affiche');
    site.setPage('/images/photaumnales.png', newPhoto);
    const changed = await crawl('--media', '--media-max-mb', '1');
    expect(changed.code).toBe(0);
    expect(parseNdjson(changed.stdout).map((r) => [r.id, r.change])).toEqual([['3780', 'updated']]);
    const b = await fileOf('3780');
    expect(b.markdown).toContain(`../../media/${sha(newPhoto)}-photaumnales.png`);
    const history = b.fields['history'] as string[];
    expect(history).toHaveLength(1);
    const old = await readFile(join(out, history[0]!), 'utf8');
    expect(old).toContain(`media/${sha(PHOTO)}-photaumnales.png`);
    const files = await readdir(join(out, 'media'));
    expect(files).toContain(`${sha(PHOTO)}-photaumnales.png`);
    expect(files).toContain(`${sha(newPhoto)}-photaumnales.png`);
  });
});

describe('media everywhere the archive goes', () => {
  it('verify checks each media file, export lists them, a dry run writes and downloads nothing', async () => {
    const dry = await crawl('--media', '--dry-run');
    expect(dry.code).toBe(0);
    expect(await readdir(out)).toEqual([]);
    expect(site.requests.filter((r) => /\.(pdf|jpg|png)$/.test(r.url))).toEqual([]);

    await crawl('--media', '--media-max-mb', '1');
    expect((await runCli(['verify', '--out', out])).code).toBe(0);
    const csv = (await runCli(['export', '--out', out, '--format', 'csv'])).stdout;
    expect(csv.split('\r\n')[0]).toContain(',media,text');
    expect(csv).toContain(`media/${sha(PHOTO)}-photaumnales.png media/${sha(MARCHE)}-1409-marche.pdf`);

    // A damaged file and a missing one: both named, exit 3.
    await writeFile(join(out, 'media', `${sha(MARCHE)}-1409-marche.pdf`), 'abîmé');
    await rm(join(out, 'media', `${sha(PHOTO)}-photaumnales.png`));
    const verify = await runCli(['verify', '--out', out]);
    expect(verify.code).toBe(3);
    const problems = parseNdjson(verify.stdout).map((p) => String(p.problem));
    expect(problems.filter((p) => p.includes(`${sha(MARCHE)}-1409-marche.pdf has SHA-256`))).toHaveLength(3);
    expect(problems.filter((p) => p.includes(`${sha(PHOTO)}-photaumnales.png (${site.url}/images/photaumnales.png) is missing`))).toHaveLength(1);
  });
});

describe('crawl --media --warc, then rebuild', () => {
  it('records the media exchanges, and rebuild --from restores the media and their links from them', async () => {
    expect((await crawl('--media', '--warc', '--media-max-mb', '1')).code).toBe(3);
    const crawled = await fileOf('3770');
    const rebuilt = await mkdtemp(join(tmpdir(), 'beauvais-media-rebuilt-'));
    try {
      const result = await runCli(['rebuild', '--from', join(out, 'warc'), '--out', rebuilt, '--base-url', site.url]);
      expect(result.code).toBe(0);
      expect((await readdir(join(rebuilt, 'media'))).sort()).toEqual((await readdir(join(out, 'media'))).sort());
      const record = parseNdjson((await runCli(['export', '--out', rebuilt])).stdout).find((r) => r.id === '3770');
      const text = await readFile(join(rebuilt, String(record?.path)), 'utf8');
      // The same Markdown, relative links to the restored copies included.
      expect(text.endsWith(`\n---\n\n${crawled.markdown}`)).toBe(true);
      expect(crawled.markdown).toContain('../../media/');
      expect(record?.media).toEqual(crawled.fields['media']);
      expect((await runCli(['verify', '--out', rebuilt])).code).toBe(0);
    } finally {
      await rm(rebuilt, { recursive: true, force: true });
    }
  });
});

describe('crawl --media is polite and bounded', () => {
  it('honours robots.txt for media and stops a run at --media-run-max-mb; the next run fetches the rest', async () => {
    const robots = await readFile('fixtures/site/pages/robots.txt', 'utf8');
    site.setPage('/robots.txt', `${robots}Disallow: /docs/prive/\n`);
    const big = (label: string) => Buffer.concat([pdfBytes(label), Buffer.alloc(600_000, 0x20)]);
    for (const n of [1, 2, 3]) site.setPage(`/docs/annexe-${n}.pdf`, big(`annexe ${n}`));
    site.setPage('/docs/prive/interne.pdf', pdfBytes('interne'));
    // Only this article has media here: the run's cap is spent on its files alone.
    await setBody(B, '<p>Les Photaumnales reviennent à l’automne, dans toute la ville, avec douze expositions.</p>');
    await setBody(A, [
      '<p>À partir du 14 janvier, la médiathèque du centre-ville ouvrira ses portes le dimanche de 14 h à 18 h.</p>',
      '<p><a href="/docs/annexe-1.pdf">Annexe 1</a>, <a href="/docs/annexe-2.pdf">annexe 2</a>, <a href="/docs/annexe-3.pdf">annexe 3</a>',
      ' et <a href="/docs/prive/interne.pdf">une note interne</a>.</p>',
    ].join(''));

    const first = await crawl('--media', '--media-run-max-mb', '1');
    expect(first.stderr).toContain('--media-run-max-mb');
    const kept = async () => ((await fileOf('3770')).fields['media'] as { url: string }[] | undefined ?? []).map((m) => m.url.replace(site.url, ''));
    expect(await kept()).toEqual(['/docs/annexe-1.pdf', '/docs/annexe-2.pdf']);

    await crawl('--media', '--media-run-max-mb', '1');
    expect(await kept()).toEqual(['/docs/annexe-1.pdf', '/docs/annexe-2.pdf', '/docs/annexe-3.pdf']);
    expect(site.requests.filter((r) => r.url.includes('/docs/prive/'))).toEqual([]);
  });
});
