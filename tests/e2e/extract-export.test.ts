/** `extract` and `export` as researchers call them: from shell loops and pipes. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureSite, serveFixtureSite } from '../../scripts/fixture-site.js';
import { CLI, parseNdjson, runCli } from '../helpers/run-cli.js';
import { schemaErrors } from '../helpers/schema.js';

const PAGE = new URL('../../fixtures/site/pages/actualites/culture/3780-les-photaumnales-2018.html', import.meta.url);
const PAGE_URL = 'https://www.beauvais.fr/actualites/culture/3780-les-photaumnales-2018.html';

describe('extract', () => {
  it('prints one valid record for a saved page', async () => {
    const result = await runCli(['extract', PAGE.pathname, '--base-url', PAGE_URL]);
    expect(result.code).toBe(0);
    const [record, ...rest] = parseNdjson(result.stdout);
    expect(rest).toEqual([]);
    expect(schemaErrors(record)).toEqual([]);
    expect(record).toMatchObject({ id: '3780', title: 'Les Photaumnales 2018', publishedAt: '2018-09-01T00:30:00+02:00', url: PAGE_URL, input: PAGE.pathname });
    expect(String(record?.markdown)).toContain('| Quadrilatère |');
  });

  it('reads stdin with - and prints Markdown with YAML front matter', async () => {
    const child = spawn(process.execPath, [CLI, 'extract', '-', '--base-url', PAGE_URL, '--format', 'markdown'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stdin.end(await readFile(PAGE));
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^---\nid: "3780"\n[\s\S]*\n---\n\n/);
    expect(stdout).toContain('Le festival de photographie Les Photaumnales');
    expect(stdout).not.toContain('Partager cet article');
  });

  it('refuses a listing page with exit 3, a reason on stderr and nothing on stdout', async () => {
    const listing = new URL('../../fixtures/site/pages/actualites.html', import.meta.url);
    const result = await runCli(['extract', listing.pathname, '--base-url', 'https://www.beauvais.fr/actualites.html']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/not an article/);
  });

  it('loads neither the HTTP stack nor iconv-lite for saved UTF-8 pages', async () => {
    // Researchers run `extract` in shell loops, so every package loaded at start-up is paid per page.
    // The CLI is a bundle (rolldown.config.js): a module hook reports each file the process imports,
    // and the bundle marks where each package's code begins ("// node_modules/undici/lib/…"). Packages
    // required at run time (Turndown, iconv-lite) show in `require.cache`, reported at exit.
    const hooks = "import{writeSync}from'node:fs';export async function load(u,c,n){if(u.startsWith('file:'))writeSync(2,'IMPORTED '+u+'\\n');return n(u,c)}";
    const preload = `data:text/javascript,import{register,createRequire}from'node:module';register(${JSON.stringify(`data:text/javascript,${hooks}`)});const c=createRequire(process.cwd()+'/').cache;process.on('exit',()=>process.stderr.write('REQUIRED '+JSON.stringify(Object.keys(c))))`;
    const second = new URL('../../fixtures/site/pages/actualites/sport/3810-la-transquar.html', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', preload, CLI, 'extract', PAGE.pathname, second, '--base-url', PAGE_URL], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    const imported = [...stderr.matchAll(/^IMPORTED (file:\S+)$/gmu)].map((m) => new URL(m[1] ?? ''));
    const required = JSON.parse(/^REQUIRED (.*)$/mu.exec(stderr)?.[1] ?? '[]') as string[];
    const bundled = await Promise.all(imported.map(async (url) => ({ file: url.pathname, code: await readFile(url, 'utf8') })));
    const packagesIn = (code: string) => new Set([...code.matchAll(/^\/\/ node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gmu)].map((m) => m[1]));
    const packages = new Set([...bundled.flatMap(({ code }) => [...packagesIn(code)]), ...required.map((file) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(file)?.[1])]);
    // What a page needs is there (so the markers are read right); the HTTP stack and iconv-lite are not.
    expect(packages).toContain('htmlparser2');
    expect(packages).toContain('turndown');
    expect([...packages].filter((name) => name === 'undici' || name === 'iconv-lite')).toEqual([]);
  });

  it('reads a saved page in the charset its <meta> declares (ISO-8859-1, read as windows-1252)', async () => {
    const page = new URL('../../fixtures/pages/j15-latin1/source.html', import.meta.url);
    const result = await runCli(['extract', page.pathname, '--base-url', 'https://www.beauvais.fr/actualites/economie/1187-ouverture.html']);
    expect(result.code).toBe(0);
    const [record] = parseNdjson(result.stdout);
    // "’" is byte 0x92: windows-1252 only; "É" and "é" are the same in both.
    expect(record?.['title']).toBe('Ouverture de la Maison de l’emploi et de la formation');
    expect(record?.['section']).toBe('Actualités › Économie');
  });

  it('says clearly when the file does not exist (usage error)', async () => {
    const result = await runCli(['extract', '/no/such/page.html']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read \/no\/such\/page.html: no such file/);
  });
});

describe('extract of a URL', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await serveFixtureSite();
  });
  afterAll(() => site.close());

  it('fetches the page itself', async () => {
    const result = await runCli(['extract', `${site.url}/actualites/sport/3810-la-transquar.html`]);
    expect(result.code).toBe(0);
    expect(parseNdjson(result.stdout)[0]).toMatchObject({ id: '3810', title: 'La Transquar fête ses 30 ans' });
  });
});

describe('export', () => {
  let site: FixtureSite;
  let out: string;
  beforeAll(async () => {
    site = await serveFixtureSite();
    out = await mkdtemp(join(tmpdir(), 'beauvais-export-'));
    const crawl = await runCli(['crawl', '--base-url', site.url, '--out', out, '--delay', '0', '--quiet']);
    expect(crawl.code).toBe(0);
  });
  afterAll(async () => {
    await site.close();
    await rm(out, { recursive: true, force: true });
  });

  it('prints every archived record as NDJSON, valid against the schema, with text derived from the Markdown', async () => {
    const result = await runCli(['export', '--out', out]);
    expect(result.code).toBe(0);
    const records = parseNdjson(result.stdout);
    expect(records.length).toBeGreaterThanOrEqual(10);
    for (const record of records) expect(schemaErrors(record)).toEqual([]);
    const seed = records.find((r) => r.id === '3751');
    expect(String(seed?.text)).toContain('Parmi les dernières initiatives');
    expect(String(seed?.text)).not.toContain('**');
  });

  it('filters by date range and section', async () => {
    const result = await runCli(['export', '--out', out, '--since', '2018-01-01', '--until', '2018-06-30', '--section', 'CULTURE']);
    expect(result.code).toBe(0);
    expect(parseNdjson(result.stdout).map((r) => r.id).sort()).toEqual(['3770', '3840']);
  });

  it('prints a JSON array and a CSV with a header row', async () => {
    const json = await runCli(['export', '--out', out, '--format', 'json', '--section', 'sport']);
    const array = JSON.parse(json.stdout) as { id: string }[];
    expect(array.map((r) => r.id).sort()).toEqual(['3810', '3820']);
    const csv = await runCli(['export', '--out', out, '--format', 'csv', '--section', 'sport']);
    const lines = csv.stdout.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^id,url,title,publishedAt/);
    expect(lines).toHaveLength(3);
  });

  it('prints an empty JSON array for an empty selection', async () => {
    const json = await runCli(['export', '--out', out, '--format', 'json', '--since', '2030-01-01']);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });
});
