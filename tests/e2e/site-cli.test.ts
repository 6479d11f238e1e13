/**
 * `site` as a cron job runs it: the site of the fixture archive, rebuilt after a change (only that
 * article's pages and the indexes are rewritten), identical byte for byte to a `--clean` build, and
 * refusing folders it must not write into.
 */
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArchiveFile, renderArchiveFile } from '../../src/archive/front-matter.js';
import { buildSiteArchive } from '../helpers/site-archive.js';
import { type CliResult, runCli } from '../helpers/run-cli.js';

let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'beauvais-site-cli-'));
  await buildSiteArchive(out);
}, 120_000);

afterAll(() => rm(out, { recursive: true, force: true }));

/** Every file of a folder (relative path → bytes). */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else files.set(relative(dir, join(d, e.name)), await readFile(join(d, e.name)));
    }
  };
  await walk(dir);
  return files;
}

/** Two snapshots hold the same files with the same bytes. */
function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, bytes] of actual) expect(bytes.equals(expected.get(name) as Buffer), name).toBe(true);
}

/** Builds the site into a new folder, damages it, builds again: the second build must give the first site. */
async function rebuildAfter(damage: (dir: string) => Promise<void>): Promise<CliResult> {
  const dir = await mkdtemp(join(tmpdir(), 'beauvais-site-rebuilt-'));
  try {
    expect((await runCli(['site', '--out', out, '--to', dir])).code).toBe(0);
    const built = await snapshot(dir);
    await damage(dir);
    const again = await runCli(['site', '--out', out, '--to', dir]);
    expect(again.code).toBe(0);
    expectSameFiles(await snapshot(dir), built);
    return again;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function mtimes(dir: string, files: Iterable<string>): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const f of files) times.set(f, (await stat(join(dir, f))).mtimeMs);
  return times;
}

describe('site', () => {
  it('builds the site into <out>/site from the archive files, and writes nothing to stdout', async () => {
    const result = await runCli(['site', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/site: 11 articles \(11 rendered\)/);
    const files = await snapshot(join(out, 'site'));
    expect(files.has('index.html')).toBe(true);
    expect(files.has('2018/03/2018-03-05-travaux-rue-de-la-madeleine.historique.html')).toBe(true);
    expect([...files.keys()].filter((f) => f.endsWith('.md'))).toEqual([]);
    // Links point at files, never at folders (a folder opens as a listing from file://).
    for (const [name, bytes] of files) {
      if (!name.endsWith('.html')) continue;
      for (const [, href] of bytes.toString('utf8').matchAll(/href="([^"]*)"/g)) {
        if (href && !/^(https?:|mailto:|#|data:)/.test(href)) expect(href, `${name}: ${href}`).toMatch(/\.(html|css|js|png|jpe?g|gif|webp|svg|pdf)(#.*)?$/);
      }
    }
  });

  it('rewrites only the changed article\'s page and the indexes after a change, and matches a --clean build byte for byte', async () => {
    expect((await runCli(['site', '--out', out])).code).toBe(0);
    const siteDir = join(out, 'site');
    const before = await snapshot(siteDir);
    const timesBefore = await mtimes(siteDir, before.keys());
    await new Promise((r) => setTimeout(r, 20));
    const again = await runCli(['site', '--out', out]);
    expect(again.stderr).toMatch(/\(0 rendered\), 0 files written/);

    const file = join(out, '2018/01/2018-01-10-la-mediatheque-ouvre-le-dimanche.md');
    const entry = parseArchiveFile(await readFile(file, 'utf8'));
    await writeFile(file, renderArchiveFile({ ...entry, markdown: `${entry.markdown}\n\nHoraires étendus au lundi.` }));
    const changed = await runCli(['site', '--out', out]);
    expect(changed.code).toBe(0);
    expect(changed.stderr).toMatch(/\(1 rendered\)/);
    const after = await snapshot(siteDir);
    const timesAfter = await mtimes(siteDir, after.keys());
    const rewritten = [...after.keys()].filter((f) => timesAfter.get(f) !== timesBefore.get(f)).sort();
    expect(rewritten).toContain('2018/01/2018-01-10-la-mediatheque-ouvre-le-dimanche.html');
    expect(rewritten).toContain('search/t-lu.js');
    expect(rewritten.filter((f) => f.endsWith('.html') && !f.endsWith('index.html') && !['annees.html', 'recherche.html'].includes(f) && !f.startsWith('rubriques/'))).toEqual([
      '2018/01/2018-01-10-la-mediatheque-ouvre-le-dimanche.html',
    ]);
    expect(rewritten.length).toBeLessThan(before.size / 2);

    const clean = await runCli(['site', '--out', out, '--clean']);
    expect(clean.code).toBe(0);
    const rebuilt = await snapshot(siteDir);
    expectSameFiles(rebuilt, after);
  });

  it('adds a new article to the index and the listings, as a --clean build does', async () => {
    const siteDir = join(out, 'site');
    expect((await runCli(['site', '--out', out])).code).toBe(0);
    const source = parseArchiveFile(await readFile(join(out, '2018/09/2018-09-01-les-photaumnales-2018.md'), 'utf8'));
    await mkdir(join(out, '2026', '11'), { recursive: true });
    const added = { ...source, id: '4000', title: 'Le carnaval des écoles', url: 'https://www.beauvais.fr/actualites/culture/4000-x.html', publishedAt: '2026-11-20', markdown: 'Un défilé de zèbres costumés.' };
    await writeFile(join(out, '2026/11/2026-11-20-le-carnaval-des-ecoles.md'), renderArchiveFile(added));
    const result = await runCli(['site', '--out', out]);
    expect(result.stderr).toMatch(/site: 12 articles \(1 rendered\)/);
    const incremental = await snapshot(siteDir);
    expect(incremental.get('search/t-ze.js')?.toString('utf8')).toMatch(/"zebres":\[\d+,1\]/);
    expect(incremental.get('index.html')?.toString('utf8')).toContain('Le carnaval des écoles');
    expect((await runCli(['site', '--out', out, '--clean'])).code).toBe(0);
    const clean = await snapshot(siteDir);
    expectSameFiles(clean, incremental);
  });

  it('removes the pages of an article gone from the archive', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'beauvais-site-gone-'));
    try {
      await mkdir(join(dir, 'archive', '2018', '09'), { recursive: true });
      const source = join(out, '2018/09/2018-09-01-les-photaumnales-2018.md');
      const copy = join(dir, 'archive', '2018/09/2018-09-01-les-photaumnales-2018.md');
      await writeFile(copy, await readFile(source));
      expect((await runCli(['site', '--out', join(dir, 'archive'), '--to', join(dir, 'web')])).code).toBe(0);
      expect((await snapshot(join(dir, 'web'))).has('2018/09/2018-09-01-les-photaumnales-2018.html')).toBe(true);
      await rm(copy);
      const result = await runCli(['site', '--out', join(dir, 'archive'), '--to', join(dir, 'web')]);
      expect(result.code).toBe(0);
      const files = await snapshot(join(dir, 'web'));
      expect(files.has('2018/09/2018-09-01-les-photaumnales-2018.html')).toBe(false);
      expect(files.has('2018/09/index.html')).toBe(false);
      expect(files.get('index.html')?.toString('utf8')).toContain('L’archive ne contient encore aucun article.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('builds the whole site again when its manifest is damaged', async () => {
    const again = await rebuildAfter(async (dir) => {
      await writeFile(join(dir, '.beauvais-site.json'), '{"vers');
      await rm(join(dir, 'index.html'));
    });
    expect(again.stderr).toMatch(/site: 12 articles \(12 rendered\)/);
  });

  it('completes a first build that was cut short (the folder is marked as a site before any page is written)', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    // What a first build leaves when killed after a few pages: its initial manifest, some pages, no cache.
    await rebuildAfter(async (dir) => {
      await writeFile(join(dir, '.beauvais-site.json'), `${JSON.stringify({ version: 1, tool: `beauvais-archive ${version}`, files: {}, articles: {} })}\n`);
      await rm(join(dir, '.beauvais-site-cache.json'));
      await rm(join(dir, 'search'), { recursive: true });
    });
  });

  it('refuses to build while another build holds the site folder, and leaves no lock behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'beauvais-site-locked-'));
    try {
      expect((await runCli(['site', '--out', out, '--to', dir])).code).toBe(0);
      expect((await readdir(dir)).filter((n) => n.startsWith('.lock'))).toEqual([]);
      // A build in progress: a fresh lock, owned by a process that is alive (this one).
      await mkdir(join(dir, '.lock'));
      const pidNamespace = await readlink('/proc/self/ns/pid').catch(() => null);
      await writeFile(join(dir, '.lock-owner'), JSON.stringify({ pid: process.pid, hostname: hostname(), pidNamespace }));
      const held = await runCli(['site', '--out', out, '--to', dir]);
      expect(held.code).toBe(1);
      expect(held.stderr).toMatch(/another site build is running in/);
      await rm(join(dir, '.lock'), { recursive: true });
      await rm(join(dir, '.lock-owner'));
      expect((await runCli(['site', '--out', out, '--to', dir])).code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a site folder inside the Markdown tree, around the archive, or holding other files', async () => {
    for (const to of [join(out, '2018'), out, join(out, '.history', 'x'), join(out, '..')]) {
      const result = await runCli(['site', '--out', out, '--to', to]);
      expect(result.code, to).toBe(2);
      expect(result.stderr).toMatch(/--to/);
    }
    const foreign = await mkdtemp(join(tmpdir(), 'beauvais-site-foreign-'));
    try {
      await writeFile(join(foreign, 'notes.txt'), 'mine');
      for (const args of [[], ['--clean']]) {
        const result = await runCli(['site', '--out', out, '--to', foreign, ...args]);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/holds no site built by beauvais-archive/);
      }
      expect(await readdir(foreign)).toEqual(['notes.txt']);
    } finally {
      await rm(foreign, { recursive: true, force: true });
    }
  });

  it('exits 1 when the archive folder does not exist, and 3 with a damaged file (the rest is built)', async () => {
    const missing = await runCli(['site', '--out', join(out, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
    const dir = await mkdtemp(join(tmpdir(), 'beauvais-site-damaged-'));
    try {
      await mkdir(join(dir, '2018', '09'), { recursive: true });
      await writeFile(join(dir, '2018/09/2018-09-01-broken.md'), 'no front matter');
      await writeFile(join(dir, '2018/09/2018-09-01-les-photaumnales-2018.md'), await readFile(join(out, '2018/09/2018-09-01-les-photaumnales-2018.md')));
      const result = await runCli(['site', '--out', dir]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/2018-09-01-broken\.md: no front matter/);
      expect((await snapshot(join(dir, 'site'))).has('2018/09/2018-09-01-les-photaumnales-2018.html')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
