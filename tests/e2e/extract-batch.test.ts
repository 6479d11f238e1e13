/**
 * `extract` over many pages in one process, as researchers run it over folders of saved pages and
 * lists of URLs: one record per article in input order, each naming its input; failures one line each
 * on stderr; URLs fetched politely from one site; Markdown as one file per article with --to.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureSite, serveFixtureSite } from '../../scripts/fixture-site.js';
import { parseNdjson, runCli } from '../helpers/run-cli.js';
import { schemaErrors } from '../helpers/schema.js';

const pagePath = (sitePath: string) => new URL(`../../fixtures/site/pages${sitePath}`, import.meta.url).pathname;
const CULTURE = '/actualites/culture/3780-les-photaumnales-2018.html';
const SPORT = '/actualites/sport/3810-la-transquar.html';
const VOEUX = '/actualites/vie-municipale/3830-voeux-du-maire.html';
const LISTING = '/actualites.html';
const SITE = 'https://www.beauvais.fr/';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'beauvais-extract-batch-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('extract of saved pages', () => {
  it('prints one valid record per article in input order, each with its input; a listing is a line on stderr and exit 3', async () => {
    const inputs = [pagePath(SPORT), pagePath(LISTING), pagePath(CULTURE), pagePath(VOEUX)];
    const result = await runCli(['extract', ...inputs, '--base-url', SITE]);
    expect(result.code).toBe(3);
    const records = parseNdjson(result.stdout);
    for (const record of records) expect(schemaErrors(record)).toEqual([]);
    expect(records.map((r) => [r['input'], r['id']])).toEqual([
      [pagePath(SPORT), '3810'],
      [pagePath(CULTURE), '3780'],
      [pagePath(VOEUX), '3830'],
    ]);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors[0]).toMatch(new RegExp(`^error: ${pagePath(LISTING).replace(/[.]/g, '\\.')}: not an article`));
    expect(errors).toContain('error: 1 of 4 inputs gave no article');
  });

  it('exits 0 when every input is an article, and takes more inputs from --input-file after the named ones', async () => {
    const list = join(dir, 'pages.txt');
    await writeFile(list, `# saved pages\n${pagePath(VOEUX)}\n\n  ${pagePath(CULTURE)}  \n`);
    const result = await runCli(['extract', pagePath(SPORT), '--input-file', list, '--base-url', SITE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(parseNdjson(result.stdout).map((r) => r['id'])).toEqual(['3810', '3830', '3780']);
  });

  it('says what it read for each input with --verbose', async () => {
    const result = await runCli(['extract', pagePath(SPORT), pagePath(CULTURE), '--base-url', SITE, '--verbose']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${pagePath(SPORT)}: article 3810 from `);
    expect(result.stderr).toContain(`${pagePath(CULTURE)}: article 3780 from `);
  });

  it('refuses a missing file before reading any page (exit 2, nothing on stdout)', async () => {
    const result = await runCli(['extract', pagePath(SPORT), join(dir, 'absent.html'), '--base-url', SITE]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`cannot read ${join(dir, 'absent.html')}: no such file`);
  });

  it('writes one Markdown file per article into --to, and asks for --to when several inputs would share stdout', async () => {
    const to = join(dir, 'articles');
    const result = await runCli(['extract', pagePath(SPORT), pagePath(LISTING), pagePath(CULTURE), '--base-url', SITE, '--format', 'markdown', '--to', to]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    const files = (await readdir(to)).sort();
    expect(files).toEqual(['2018-04-20-la-transquar-fete-ses-30-ans-3810.md', '2018-09-01-les-photaumnales-2018-3780.md']);
    const culture = await readFile(join(to, files.find((f) => f.endsWith('-3780.md')) ?? ''), 'utf8');
    expect(culture).toMatch(/^---\nid: "3780"\n[\s\S]*\n---\n\n/u);
    expect(culture).toContain('Le festival de photographie Les Photaumnales');
    expect(result.stderr).toContain(join(to, files.find((f) => f.endsWith('-3780.md')) ?? ''));

    const noFolder = await runCli(['extract', pagePath(SPORT), pagePath(CULTURE), '--format', 'markdown']);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(/--to <folder>/);
    expect(noFolder.stdout).toBe('');
  });
});

describe('extract of a list of URLs', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await serveFixtureSite();
  });
  afterAll(() => site.close());

  it('fetches them from one site, robots.txt first and requests spaced by --delay; other hosts and disallowed pages fail alone', async () => {
    site.requests.length = 0;
    const list = join(dir, 'urls.txt');
    const otherHost = `http://localhost:${site.port}${SPORT}`;
    const disallowed = `${site.url}/actualites/prive/3800-brouillon.html`;
    await writeFile(list, ['http://', `${site.url}${CULTURE}`, otherHost, disallowed, `${site.url}${SPORT}`, `${site.url}${LISTING}`].join('\n'));
    const result = await runCli(['extract', '--input-file', list, '--delay', '600']);
    expect(result.code).toBe(3);
    const records = parseNdjson(result.stdout);
    for (const record of records) expect(schemaErrors(record)).toEqual([]);
    expect(records.map((r) => [r['input'], r['id']])).toEqual([
      [`${site.url}${CULTURE}`, '3780'],
      [`${site.url}${SPORT}`, '3810'],
    ]);
    expect(result.stderr).toMatch(new RegExp(`^error: ${otherHost.replace(/[.]/g, '\\.')}: not on ${site.url.replace(/[.]/g, '\\.')}`, 'mu'));
    expect(result.stderr).toMatch(/^error: \S+3800-brouillon\.html: robots\.txt disallows/mu);
    expect(result.stderr).toMatch(/^error: http:\/\/: not a URL$/mu);
    expect(result.stderr).toMatch(/^error: \S+\/actualites\.html: not an article/mu);

    // Only the site's host was asked, robots.txt first, never the other host nor the disallowed page.
    expect(site.requests.map((r) => r.path)).toEqual(['/robots.txt', CULTURE, SPORT, LISTING]);
    expect(site.requests.every((r) => r.headers.host === new URL(site.url).host)).toBe(true);
    // Spaced by the client; the server sees them a few milliseconds either way of the 600 ms gap (the default is 250 ms).
    const starts = site.requests.map((r) => r.at);
    for (let i = 1; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(500);
  }, 30_000);
});
