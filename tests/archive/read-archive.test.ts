import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchive, readArchiveItem, type ArchiveItem, type ArchiveReadError } from '../../src/archive/read-archive.js';
import { openArchive } from '../../src/archive/store.js';
import { silentLogger } from '../../src/log.js';
import { fakeClock, makeArticle, makeTempDir, writeArchiveWithUndatedFile } from './helpers.js';

let out: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir: out, cleanup } = await makeTempDir());
});

afterEach(async () => {
  await cleanup();
});

async function collect(dir: string): Promise<Array<ArchiveItem | ArchiveReadError>> {
  const items: Array<ArchiveItem | ArchiveReadError> = [];
  for await (const item of readArchive(dir)) items.push(item);
  return items;
}

describe('readArchive', () => {
  it('walks YYYY/MM/*.md in path order, and only that', async () => {
    const store = await openArchive(out, { clock: fakeClock(), logger: silentLogger });
    const saved = [
      { id: '3', title: 'Trois', publishedAt: '2018-01-02' },
      { id: '1', title: 'Un', publishedAt: '2017-12-08' },
      { id: '2', title: 'Deux', publishedAt: '2017-02-01' },
    ];
    for (const s of saved) await store.save({ article: makeArticle({ ...s, markdown: `Texte ${s.id}` }), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] });
    // An update puts a copy in .history; none of these may be read as articles.
    await store.save({ article: makeArticle({ id: '1', title: 'Un', publishedAt: '2017-12-08', markdown: 'Texte 1 bis' }), fetchedAt: '2026-11-27T10:00:00.000Z', aliases: [] });
    await store.close();
    await writeFile(path.join(out, 'README.md'), '# Archive\n');
    await mkdir(path.join(out, 'warc', '2017', '12'), { recursive: true });
    await writeFile(path.join(out, 'warc', '2017', '12', '2017-12-08-x.md'), 'not an article');
    await writeFile(path.join(out, '2017', '12', 'notes.txt'), 'not an article');

    const items = await collect(out);
    expect(items.map((i) => i.path)).toEqual(['2017/02/2017-02-01-deux.md', '2017/12/2017-12-08-un.md', '2018/01/2018-01-02-trois.md']);
    const un = items[1] as ArchiveItem;
    expect(un.entry.markdown).toBe('Texte 1 bis');
    expect(un.entry.history).toHaveLength(1);
  });

  it('reports a damaged file and goes on', async () => {
    const store = await openArchive(out, { clock: fakeClock(), logger: silentLogger });
    await store.save({ article: makeArticle({ id: '1', title: 'Un', markdown: 'un' }), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] });
    await store.save({ article: makeArticle({ id: '2', title: 'Zut', markdown: 'deux' }), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] });
    await store.close();
    await writeFile(path.join(out, '2017', '12', '2017-12-08-broken.md'), '# no front matter\n');

    const items = await collect(out);
    expect(items.map((i) => [i.path, 'error' in i])).toEqual([
      ['2017/12/2017-12-08-broken.md', true],
      ['2017/12/2017-12-08-un.md', false],
      ['2017/12/2017-12-08-zut.md', false],
    ]);
    expect((items[0] as ArchiveReadError).error).toMatch(/no front matter/);
  });

  it('reports a file with no date to file it under, and goes on', async () => {
    await writeArchiveWithUndatedFile(out);

    const items = await collect(out);
    expect(items.map((i) => [i.path, 'error' in i])).toEqual([
      ['2017/12/2017-12-08-sans-date.md', true],
      ['2017/12/2017-12-08-un.md', false],
    ]);
    expect((items[0] as ArchiveReadError).error).toMatch(/"firstSeenAt" must be an ISO 8601 date/);
  });

  it('yields nothing for a missing folder', async () => {
    expect(await collect(path.join(out, 'missing'))).toEqual([]);
  });
});

describe('readArchiveItem', () => {
  it('never reads a path leaving the archive, and tells a missing file from a damaged one', async () => {
    await writeFile(path.join(out, 'abime.md'), '# no front matter\n');
    expect(await readArchiveItem(path.join(out, 'archive'), '../abime.md')).toEqual({
      path: '../abime.md', error: 'refusing a path outside the archive: "../abime.md"', missing: true,
    });
    expect(await readArchiveItem(out, '.history/1/absent.md')).toEqual({ path: '.history/1/absent.md', error: 'the file is missing', missing: true });
    expect(await readArchiveItem(out, 'abime.md')).toEqual({ path: 'abime.md', error: expect.stringMatching(/no front matter/) });
  });
});
