/**
 * `buildSite` on a small archive written by the store: a file the archive's reader refuses is counted
 * unreadable and left out, and the rest of the site is built.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArchiveFile, renderArchiveFile } from '../../src/archive/front-matter.js';
import { openArchive } from '../../src/archive/store.js';
import { buildSite } from '../../src/site/build-site.js';
import { silentLogger } from '../../src/log.js';
import { fakeClock, makeArticle, makeTempDir, recordingLogger, writeArchiveWithUndatedFile } from '../archive/helpers.js';

let out: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir: out, cleanup } = await makeTempDir());
});

afterEach(async () => {
  await cleanup();
});

describe('buildSite', () => {
  it('counts a file with no date to file it under as unreadable and builds the rest', async () => {
    await writeArchiveWithUndatedFile(out);

    const logger = recordingLogger();
    const summary = await buildSite({ outDir: out, siteDir: path.join(out, 'site'), clean: false, tool: 'test', logger });
    expect(summary).toMatchObject({ articles: 1, unreadable: 1 });
    expect(logger.lines.filter((l) => l.startsWith('error: '))).toEqual([
      expect.stringMatching(/^error: 2017\/12\/2017-12-08-sans-date\.md: front matter field "firstSeenAt" must be an ISO 8601 date/),
    ]);
    expect((await stat(path.join(out, 'site', '2017', '12', '2017-12-08-un.html'))).isFile()).toBe(true);
  });

  it('builds the search index whole when a shard the last build wrote is gone, as a clean build writes it', async () => {
    const store = await openArchive(out, { clock: fakeClock(), logger: silentLogger });
    await store.save({ article: makeArticle({ id: '1', title: 'Un', markdown: 'Le marché de Noël ouvre place Jeanne-Hachette.' }), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] });
    await store.save({ article: makeArticle({ id: '2', title: 'Deux', markdown: 'Travaux rue de la Madeleine.' }), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] });
    await store.close();
    const site = path.join(out, 'site');
    const build = (siteDir: string, clean = false) => buildSite({ outDir: out, siteDir, clean, tool: 'test', logger: silentLogger });
    await build(site);
    // The edit below takes "marché" out of its shard: that shard must be patched, and it is gone.
    expect(await readdir(path.join(site, 'search'))).toContain('t-ma.js');
    await rm(path.join(site, 'search', 't-ma.js'));
    const file = path.join(out, '2017', '12', '2017-12-08-un.md');
    const entry = parseArchiveFile(await readFile(file, 'utf8'));
    await writeFile(file, renderArchiveFile({ ...entry, markdown: 'Le village de Noël ouvre place Jeanne-Hachette.' }));

    await build(site);
    const clean = path.join(out, 'propre');
    await build(clean, true);
    const search = async (dir: string) => Object.fromEntries(await Promise.all((await readdir(path.join(dir, 'search'))).sort().map(async (f) => [f, await readFile(path.join(dir, 'search', f), 'utf8')])));
    expect(await search(site)).toEqual(await search(clean));
  });

  it('copies a kept media file once, keeps it while its file is unchanged, and reports one that is missing', async () => {
    const store = await openArchive(out, { clock: fakeClock(), logger: silentLogger });
    await store.save({ article: makeArticle({ id: '1', title: 'Un', markdown: 'un' }), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] });
    await store.close();
    const kept = { url: 'https://www.beauvais.fr/images/plan.jpg', path: `media/${'a'.repeat(64)}-plan.jpg`, sha256: 'a'.repeat(64), type: 'image/jpeg', bytes: 3 };
    const gone = { ...kept, url: 'https://www.beauvais.fr/images/carte.jpg', path: `media/${'b'.repeat(64)}-carte.jpg`, sha256: 'b'.repeat(64) };
    const file = path.join(out, '2017', '12', '2017-12-08-un.md');
    await writeFile(file, renderArchiveFile({ ...parseArchiveFile(await readFile(file, 'utf8')), media: [kept, gone] }));
    await mkdir(path.join(out, 'media'));
    await writeFile(path.join(out, kept.path), 'jpg');
    const site = path.join(out, 'site');
    const build = async () => {
      const logger = recordingLogger();
      const summary = await buildSite({ outDir: out, siteDir: site, clean: false, tool: 'test', logger });
      return { summary, warnings: logger.lines.filter((l) => l.startsWith('warn: ')) };
    };

    const first = await build();
    expect(await readFile(path.join(site, kept.path), 'utf8')).toBe('jpg');
    expect(first.warnings).toEqual([`warn: ${gone.path}: kept media file is missing from the archive`]);
    const second = await build();
    expect(second.summary.written).toBe(0);
    expect(second.warnings).toEqual(first.warnings);
    await writeFile(path.join(out, kept.path), 'JPEG');
    const third = await build();
    expect(third.summary.written).toBe(1);
    expect(await readFile(path.join(site, kept.path), 'utf8')).toBe('JPEG');
  });
});
