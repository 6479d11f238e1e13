/**
 * Write failures. Tests run as root, which ignores permissions, so an unwritable place is made for
 * real by putting a regular FILE where a folder must go (mkdir then fails with ENOTDIR or EEXIST),
 * or a folder where a file must go (the final rename fails with EISDIR).
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/store.js';
import { ArchiveWriteError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { fakeClock, makeArticle, makeTempDir } from './helpers.js';

const FILE = '2017/12/2017-12-08-beauvais-labellisee-5-arobases-pour-la-5eme-annee-consecutive.md';

let out: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir: out, cleanup } = await makeTempDir());
});

afterEach(async () => {
  await cleanup();
});

describe('unwritable archive', () => {
  it('fails to open an output folder that cannot be created, naming it', async () => {
    const blocker = path.join(out, 'a-file');
    await writeFile(blocker, 'not a folder');
    const target = path.join(blocker, 'archive');
    const failure = openArchive(target, { clock: fakeClock(), logger: silentLogger });
    await expect(failure).rejects.toThrow(ArchiveWriteError);
    await expect(failure).rejects.toMatchObject({ path: target });
    await expect(failure).rejects.toThrow(/ENOTDIR/);
  });

  it('fails a save whose folder cannot be created, and records nothing', async () => {
    const store = await openArchive(out, { clock: fakeClock(), logger: silentLogger });
    await writeFile(path.join(out, '2017'), 'a file where the year folder goes');
    await expect(store.save({ article: makeArticle(), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] })).rejects.toThrow(ArchiveWriteError);
    await store.close();
    const again = await openArchive(out, { clock: fakeClock(), logger: silentLogger });
    const { rm } = await import('node:fs/promises');
    await rm(path.join(out, '2017'));
    expect((await again.save({ article: makeArticle(), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] })).change).toBe('new');
    await again.close();
  });

  it('fails a save whose file cannot be replaced, leaving no temporary file', async () => {
    const store = await openArchive(out, { clock: fakeClock(), logger: silentLogger });
    await mkdir(path.join(out, ...FILE.split('/')), { recursive: true });
    const failure = store.save({ article: makeArticle(), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] });
    await expect(failure).rejects.toThrow(ArchiveWriteError);
    await expect(failure).rejects.toMatchObject({ path: path.join(out, ...FILE.split('/')) });
    expect(await readdir(path.join(out, '2017', '12'))).toEqual([path.basename(FILE)]);
    // The store goes on working after a failed save.
    const other = await store.save({ article: makeArticle({ id: '2', title: 'Autre', markdown: 'autre' }), fetchedAt: '2026-11-26T10:00:00.000Z', aliases: [] });
    expect(other.change).toBe('new');
    await store.close();
  });
});
