/**
 * End to end: the real CLI crawls the fixture mini-site served on 127.0.0.1, as a cron job would.
 * Judged by exit code, stdout (pure NDJSON), the files written and the server's request log.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureSite, serveFixtureSite } from '../../scripts/fixture-site.js';
import { parseNdjson, runCli, startCli, waitForOutput } from '../helpers/run-cli.js';
import { schemaErrors } from '../helpers/schema.js';

/** The news articles of the mini-site that robots.txt allows (3800 is under a Disallow). */
const ARTICLE_IDS = ['3750', '3751', '3760', '3770', '3780', '3790', '3810', '3820', '3830', '3840'];

let site: FixtureSite;
let out: string;

beforeEach(async () => {
  site = await serveFixtureSite();
  out = await mkdtemp(join(tmpdir(), 'beauvais-e2e-'));
});
afterEach(async () => {
  await site.close();
  await rm(out, { recursive: true, force: true });
});

const crawlArgs = (...extra: string[]) => ['crawl', '--base-url', site.url, '--out', out, '--delay', '0', '--json', ...extra];

async function archiveFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string, rel: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'warc') continue;
      if (e.isDirectory()) await walk(join(d, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith('.md')) found.push(`${rel}${e.name}`);
    }
  };
  await walk(dir, '');
  return found.sort();
}

async function frontMatter(path: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(out, path), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match?.[1]) throw new Error(`no front matter in ${path}`);
  return parseYaml(match[1]) as Record<string, unknown>;
}

describe('crawl of the fixture site', () => {
  it('archives every allowed article once, as dated Markdown, and prints pure NDJSON', async () => {
    const result = await runCli(crawlArgs());
    expect(result.stderr).toContain('summary');
    expect(result.code).toBe(0);

    const records = parseNdjson(result.stdout);
    for (const record of records) expect(schemaErrors(record)).toEqual([]);
    const ids = records.map((r) => r.id).filter((id) => ARTICLE_IDS.includes(String(id)));
    expect([...ids].sort()).toEqual(ARTICLE_IDS);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(records.every((r) => r.change === 'new')).toBe(true);

    const files = await archiveFiles(out);
    expect(files).toContain('2017/12/2017-12-08-beauvais-labellisee-5-arobases-pour-la-5eme-annee-consecutive.md');
    // 00:30 in Paris on 1 September is still 1 September (UTC says 31 August).
    expect(files).toContain('2018/09/2018-09-01-les-photaumnales-2018.md');
    expect(files.length).toBe(records.length);

    const seed = await frontMatter('2017/12/2017-12-08-beauvais-labellisee-5-arobases-pour-la-5eme-annee-consecutive.md');
    expect(seed).toMatchObject({ id: '3751', publishedAt: '2017-12-08T10:30:00+01:00', section: 'Vie municipale' });
    expect(seed.initiatives).toEqual([
      {
        heading: 'Parmi les dernières initiatives',
        items: [
          'le lancement du portail citoyen permettant l’inscription scolaire en ligne',
          'la rénovation numérique de l’office de tourisme',
          'l’installation d’un automate de prêt à la médiathèque du centre-ville',
        ],
      },
    ]);
    // Joomla's other URLs for the same article are kept as aliases, not archived twice.
    expect(String(seed.aliases)).toContain('index.php');
  });

  it('stays polite and in scope: robots.txt, no assets, no other host, an honest User-Agent', async () => {
    const result = await runCli(crawlArgs());
    expect(result.code).toBe(0);
    const paths = site.requests.map((r) => r.path);
    expect(paths[0]).toBe('/robots.txt');
    expect(paths.filter((p) => p.startsWith('/actualites/prive/'))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('.pdf') || p.endsWith('.jpg'))).toEqual([]);
    expect(result.stderr).toContain('partner.invalid');
    expect(site.requests.every((r) => String(r.headers['user-agent']).startsWith('beauvais-archive/'))).toBe(true);
    // The same article is fetched once even though three URLs lead to it.
    expect(paths.filter((p) => p.includes('/3751-') || p === '/index.php').length).toBe(1);
  });

  it('retries a 500 and a 429 (honouring Retry-After) within the run', async () => {
    const result = await runCli(crawlArgs());
    expect(result.code).toBe(0);
    const flaky = site.requests.filter((r) => r.path.includes('3830-'));
    expect(flaky.map((r) => r.status)).toEqual([500, 200]);
    const limited = site.requests.filter((r) => r.path.includes('3840-'));
    expect(limited.map((r) => r.status)).toEqual([429, 200]);
  });

  it('re-runs incrementally: conditional requests, 304s, nothing written, nothing printed', async () => {
    expect((await runCli(crawlArgs())).code).toBe(0);
    const files = await archiveFiles(out);
    const mtimes = await Promise.all(files.map(async (f) => (await stat(join(out, f))).mtimeMs));
    site.requests.length = 0;

    const again = await runCli(crawlArgs());
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(await archiveFiles(out)).toEqual(files);
    expect(await Promise.all(files.map(async (f) => (await stat(join(out, f))).mtimeMs))).toEqual(mtimes);
    const articleRequests = site.requests.filter((r) => /\/\d+-[^/]+\.html$/.test(r.path));
    expect(articleRequests.length).toBeGreaterThan(0);
    expect(articleRequests.every((r) => r.headers['if-none-match'] !== undefined)).toBe(true);
    expect(articleRequests.every((r) => r.status === 304)).toBe(true);
  });

  it('asks unchanged listings conditionally after a complete run, and still revisits every page', async () => {
    expect((await runCli(crawlArgs())).code).toBe(0);
    const pagesOfFirstRun = new Set(site.requests.filter((r) => r.status === 200 && !/\.(?:txt|xml)$|feed/.test(r.url)).map((r) => r.url));
    site.requests.length = 0;

    expect((await runCli(crawlArgs())).code).toBe(0);
    const listings = site.requests.filter((r) => r.path === '/' || r.path === '/actualites.html');
    expect(listings.length).toBeGreaterThanOrEqual(2);
    expect(listings.every((r) => r.headers['if-none-match'] !== undefined && r.status === 304)).toBe(true);
    // Nothing was read whole, yet every page of the first run was asked again.
    const asked = new Set(site.requests.map((r) => r.url));
    expect([...pagesOfFirstRun].filter((url) => !asked.has(url))).toEqual([]);
  });

  it('reads a changed listing again and archives the article it now shows', async () => {
    expect((await runCli(crawlArgs())).code).toBe(0);
    const pages = new URL('../../fixtures/site/pages/', import.meta.url);
    const article = await readFile(new URL('actualites/vie-municipale/3790-travaux-rue-de-la-madeleine.html', pages), 'utf8');
    const newPath = '/actualites/vie-municipale/3900-un-nouveau-parking-velos.html';
    site.setPage(newPath, article.replaceAll('Travaux rue de la Madeleine', 'Un nouveau parking vélos').replaceAll('3790', '3900').replace('du 12 au 23 mars', 'cent places couvertes'));
    const listing = await readFile(new URL('actualites.html', pages), 'utf8');
    site.setPage('/actualites.html', listing.replace('<div class="blog"><h1>Actualités</h1>', `<div class="blog"><h1>Actualités</h1><div class="item"><h2><a href="${newPath}">Un nouveau parking vélos</a></h2></div>`));
    site.requests.length = 0;

    const result = await runCli(crawlArgs());
    expect(result.code).toBe(0);
    expect(parseNdjson(result.stdout).map((r) => [r.id, r.change])).toEqual([['3900', 'new']]);
    const listingRequests = site.requests.filter((r) => r.url === '/actualites.html');
    expect(listingRequests.map((r) => [r.headers['if-none-match'] !== undefined, r.status])).toEqual([[true, 200]]);
  });

  it('stops revisiting a removed page once it answered 404, and keeps its article', async () => {
    expect((await runCli(crawlArgs())).code).toBe(0);
    const path = '/actualites/vie-municipale/3790-travaux-rue-de-la-madeleine.html';
    const files = await archiveFiles(out);
    site.removePage(path);
    // Unlinked from its listing too, as when Joomla unpublishes an article.
    const listing = await readFile(new URL('../../fixtures/site/pages/actualites.html', import.meta.url), 'utf8');
    site.setPage('/actualites.html', listing.replaceAll(path, '/actualites.html'));
    site.requests.length = 0;

    expect((await runCli(crawlArgs())).code).toBe(0);
    const asked = site.requests.filter((r) => r.path === path);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.status === 404)).toBe(true);
    site.requests.length = 0;
    expect((await runCli(crawlArgs())).code).toBe(0);
    expect(site.requests.filter((r) => r.path === path)).toEqual([]);
    expect(await archiveFiles(out)).toEqual(files);
  });

  it('reads every listing whole after an incomplete run (--max-pages), so that no link is missed', async () => {
    const first = await runCli(crawlArgs('--max-pages', '3'));
    expect(first.code).toBe(0);
    site.requests.length = 0;
    const second = await runCli(crawlArgs());
    expect(second.code).toBe(0);
    const listings = site.requests.filter((r) => r.path === '/' || r.path === '/actualites.html');
    expect(listings.length).toBeGreaterThanOrEqual(2);
    expect(listings.every((r) => r.headers['if-none-match'] === undefined && r.status === 200)).toBe(true);
    const archived = new Set([...parseNdjson(first.stdout), ...parseNdjson(second.stdout)].map((r) => String(r.id)));
    expect(ARTICLE_IDS.filter((id) => !archived.has(id))).toEqual([]);
  });

  it('updates a changed article and keeps its previous version', async () => {
    expect((await runCli(crawlArgs())).code).toBe(0);
    const path = '/actualites/vie-municipale/3790-travaux-rue-de-la-madeleine.html';
    const original = (await readFile(new URL(`../../fixtures/site/pages${path}`, import.meta.url), 'utf8'));
    site.setPage(path, original.replace('du 12 au 23 mars', 'du 12 au 30 mars, prolongés d’une semaine'));

    const result = await runCli(crawlArgs());
    expect(result.code).toBe(0);
    const records = parseNdjson(result.stdout);
    expect(records.map((r) => [r.id, r.change])).toEqual([['3790', 'updated']]);
    const file = String(records[0]?.path);
    expect(await readFile(join(out, file), 'utf8')).toContain('du 12 au 30 mars');
    const history = (await frontMatter(file)).history as string[];
    expect(history).toHaveLength(1);
    expect(await readFile(join(out, String(history[0])), 'utf8')).toContain('du 12 au 23 mars');
  });

  it('writes nothing in a dry run and says what it would write', async () => {
    const result = await runCli(['crawl', '--base-url', site.url, '--out', out, '--delay', '0', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^new\t2017\/12\/2017-12-08-beauvais-labellisee/m);
    expect(await archiveFiles(out)).toEqual([]);
  });

  it('refuses a second crawl on the same archive while the first runs', async () => {
    const first = startCli(crawlArgs('--delay', '300'));
    await waitForOutput(first, (o) => o.stdout.includes('"id"'));
    const second = await runCli(crawlArgs());
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/another crawl is running/);
    first.child.kill('SIGINT');
    await first.done;
  });

  it('stops cleanly on SIGINT and the next run completes the archive', async () => {
    const first = startCli(crawlArgs('--delay', '150', '--concurrency', '1'));
    await waitForOutput(first, (o) => parseNdjson(o.stdout).length >= 2);
    first.child.kill('SIGINT');
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted by SIGINT/);
    const partial = await archiveFiles(out);
    expect(partial.length).toBeLessThan(ARTICLE_IDS.length);

    const next = await runCli(crawlArgs());
    expect(next.code).toBe(0);
    const all = await archiveFiles(out);
    const ids = await Promise.all(all.map(async (f) => String((await frontMatter(f)).id)));
    expect(ids.filter((id) => ARTICLE_IDS.includes(id)).sort()).toEqual(ARTICLE_IDS);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
