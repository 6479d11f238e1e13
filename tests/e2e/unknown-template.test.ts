/**
 * The site under templates the extractor was not written for, crawled by the real CLI: a web
 * agency's HTML5 template (no Joomla classes, no structured data, a "Publié le …" line, a section
 * label, "À lire aussi" cards under every article, listings as grids of cards) is archived whole;
 * a template whose articles are rendered in the browser (no text in the HTML) is reported, article
 * by article, and never taken for an empty success.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../scripts/site/generate-site.js';
import { serveSite, type ServedSite } from '../../scripts/site/serve-site.js';
import { failedUrls, readState, takeCensus } from '../helpers/fault-archive.js';
import { runCli } from '../helpers/run-cli.js';
import { schemaErrors } from '../helpers/schema.js';

const FLAGS = ['--delay', '0', '--concurrency', '4', '--timeout', '10000', '--retries', '0'];
let root: string;
const servers: ServedSite[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-template-'));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(root, { recursive: true, force: true });
});

async function serve(template: 'agency' | 'script-only', articles: number) {
  const site = generateSite({ articles, seed: `template-${template}`, template, undatedShare: 0 });
  const served = await serveSite(site);
  servers.push(served);
  return { site, served, out: path.join(root, template) };
}

describe('a template of its own', () => {
  it('archives every article once, with its title, Paris date and section; listings and cards are not articles', async () => {
    const { site, served, out } = await serve('agency', 40);
    const result = await runCli(['crawl', '--base-url', served.url, '--out', out, '--json', ...FLAGS]);
    expect(result.stderr).not.toMatch(/not extracted/u);
    expect(result.code).toBe(0);

    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const record of records) expect(schemaErrors(record)).toEqual([]);
    const byId = new Map(records.map((r) => [String(r['id']), r]));
    const expected = [...site.articles()];
    expect([...byId.keys()].sort()).toEqual(expected.map((a) => a.id).sort());
    for (const article of expected) {
      const record = byId.get(article.id);
      expect({ title: record?.['title'], date: String(record?.['publishedAt']).slice(0, 10), section: record?.['section'] }).toEqual({
        title: article.title,
        date: article.publishedDate,
        section: article.category.title,
      });
      expect(record?.['markdown']).not.toMatch(/À lire aussi|Lire la suite|Partager cet article|Mentions légales/u);
    }
    const census = await takeCensus(out);
    expect(census.entries.size).toBe(40);
    expect(census.unreadable).toEqual([]);
  }, 60_000);

  it('reports every article URL it cannot read: a warning each, "not extracted" in the summary, failed in the state, exit 3; the next run asks again', async () => {
    const { site, served, out } = await serve('script-only', 12);
    const first = await runCli(['crawl', '--base-url', served.url, '--out', out, ...FLAGS]);
    expect(first.code).toBe(3);
    expect(first.stdout).toBe('');
    const paths = site.articlePaths();
    for (const articlePath of paths) expect(first.stderr).toContain(`not extracted: ${served.url}${articlePath}: no article text found`);
    expect(first.stderr).toMatch(/summary: .*not extracted 12/u);
    // Listings (grids of cards) stay quiet: only article URLs are reported.
    expect(first.stderr.match(/not extracted: /gu)).toHaveLength(12);

    const { state } = await readState(out);
    expect(failedUrls(state).filter((line) => line.includes('not extracted')).map((line) => new URL(line.split(' ')[0] as string).pathname).sort()).toEqual([...paths].sort());
    expect((await takeCensus(out)).entries.size).toBe(0);

    served.resetLog();
    const second = await runCli(['crawl', '--base-url', served.url, '--out', out, ...FLAGS]);
    expect(second.code).toBe(3);
    const asked = new Set(served.requests.map((r) => r.path));
    expect(paths.filter((p) => !asked.has(p))).toEqual([]);
  }, 60_000);
});

describe('extract --verbose on a template of its own', () => {
  it('says on stderr which reading found the text, or why the page was refused', async () => {
    const site = generateSite({ articles: 6, template: 'agency' });
    const [articlePath] = site.articlePaths();
    const page = path.join(root, 'agency-article.html');
    const listing = path.join(root, 'agency-listing.html');
    await writeFile(page, site.route(articlePath as string)?.body ?? '');
    await writeFile(listing, site.route('/actualites.html')?.body ?? '');
    const url = `https://www.beauvais.fr${articlePath}`;
    const found = await runCli(['extract', page, '--base-url', url, '--verbose']);
    expect(found.code).toBe(0);
    expect(found.stderr).toMatch(/text found by (?:Readability's reading, preferred to the theme's container|the theme's container) (?:div\.actu__texte|article\.actu)/u);
    const refused = await runCli(['extract', listing, '--base-url', 'https://www.beauvais.fr/actualites.html', '--verbose']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/not an article .*: listing page \(6 article teasers/u);
  });
});
