import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArchiveFile } from '../../src/archive/front-matter.js';
import { openArchive } from '../../src/archive/store.js';
import type { ArchiveStore } from '../../src/archive/types.js';
import { NotAnArticleError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { ageTree, fakeClock, makeArticle, makeTempDir, treeState } from './helpers.js';

const T1 = '2026-11-20T09:00:00.000Z';
const T2 = '2026-11-26T10:00:00.000Z';
const T3 = '2026-12-01T08:00:00.000Z';
const FILE = '2017/12/2017-12-08-beauvais-labellisee-5-arobases-pour-la-5eme-annee-consecutive.md';

let out: string;
let cleanup: () => Promise<void>;
let store: ArchiveStore;

beforeEach(async () => {
  ({ dir: out, cleanup } = await makeTempDir());
  store = await openArchive(out, { clock: fakeClock(), logger: silentLogger });
});

afterEach(async () => {
  await store.close();
  await cleanup();
});

const read = (relative: string) => readFile(path.join(out, ...relative.split('/')), 'utf8');

describe('save', () => {
  it('writes a new article to its dated file', async () => {
    const result = await store.save({ article: makeArticle(), fetchedAt: T1, aliases: [] });
    expect(result.change).toBe('new');
    expect(result.path).toBe(FILE);
    const entry = parseArchiveFile(await read(FILE));
    expect(entry).toEqual(result.entry);
    expect(entry.firstSeenAt).toBe(T1);
    expect(entry.history).toEqual([]);
  });

  it('writes nothing at all for an unchanged article: no file, no mtime, no state line', async () => {
    await store.save({ article: makeArticle(), fetchedAt: T1, aliases: [] });
    await ageTree(out);
    const before = await treeState(out);
    const result = await store.save({ article: makeArticle(), fetchedAt: T2, aliases: [] });
    expect(result.change).toBe('unchanged');
    expect(result.path).toBe(FILE);
    // The entry is the archived one: fetched at T1, not at T2.
    expect(result.entry.fetchedAt).toBe(T1);
    expect(await treeState(out)).toEqual(before);
  });

  it('keeps the previous version in history and lists it, oldest first', async () => {
    const v1 = makeArticle({ markdown: 'Version 1.' });
    const v2 = makeArticle({ markdown: 'Version 2.' });
    const v3 = makeArticle({ markdown: 'Version 3.' });
    await store.save({ article: v1, fetchedAt: T1, aliases: [] });
    const firstFile = await read(FILE);
    const second = await store.save({ article: v2, fetchedAt: T2, aliases: [] });
    expect(second.change).toBe('updated');
    expect(await read('.history/3750/2026-11-20T09-00-00.000Z.md')).toBe(firstFile);
    const secondFile = await read(FILE);
    const third = await store.save({ article: v3, fetchedAt: T3, aliases: [] });
    expect(third.change).toBe('updated');
    expect(await read('.history/3750/2026-11-26T10-00-00.000Z.md')).toBe(secondFile);
    const entry = parseArchiveFile(await read(FILE));
    expect(entry.markdown).toBe('Version 3.');
    expect(entry.history).toEqual(['.history/3750/2026-11-20T09-00-00.000Z.md', '.history/3750/2026-11-26T10-00-00.000Z.md']);
    expect(entry.firstSeenAt).toBe(T1);
    expect(entry.fetchedAt).toBe(T3);
  });

  it('moves the file when the title changes, removing the old one only after', async () => {
    await store.save({ article: makeArticle({ markdown: 'v1' }), fetchedAt: T1, aliases: [] });
    const moved = await store.save({ article: makeArticle({ markdown: 'v2', title: 'Nouveau titre' }), fetchedAt: T2, aliases: [] });
    expect(moved.path).toBe('2017/12/2017-12-08-nouveau-titre.md');
    expect(await readdir(path.join(out, '2017', '12'))).toEqual(['2017-12-08-nouveau-titre.md']);
    expect(parseArchiveFile(await read(moved.path)).history).toEqual(['.history/3750/2026-11-20T09-00-00.000Z.md']);
  });

  it('does not write the same text twice under another id', async () => {
    await store.save({ article: makeArticle({ id: '1' }), fetchedAt: T1, aliases: [] });
    const before = await treeState(out);
    const duplicate = await store.save({
      article: makeArticle({ id: '2', url: 'https://www.beauvais.fr/2-copie.html', title: 'Copie' }),
      fetchedAt: T2,
      aliases: [],
    });
    expect(duplicate).toMatchObject({ change: 'duplicate', duplicateOf: '1', path: FILE });
    expect(await treeState(out)).toEqual(before);
  });

  it('refuses an empty extraction and keeps the good file', async () => {
    await store.save({ article: makeArticle(), fetchedAt: T1, aliases: [] });
    const good = await read(FILE);
    await expect(store.save({ article: makeArticle({ markdown: ' \n\n ' }), fetchedAt: T2, aliases: [] })).rejects.toThrow(NotAnArticleError);
    expect(await read(FILE)).toBe(good);
  });

  it('writes a file deleted by hand again', async () => {
    await store.save({ article: makeArticle(), fetchedAt: T1, aliases: [] });
    const { rm } = await import('node:fs/promises');
    await rm(path.join(out, FILE));
    const result = await store.save({ article: makeArticle(), fetchedAt: T2, aliases: [] });
    expect(result.change).toBe('new');
    expect(parseArchiveFile(await read(FILE)).fetchedAt).toBe(T1);
  });

  it('leaves no temporary file behind', async () => {
    for (let i = 0; i < 5; i += 1) {
      await store.save({ article: makeArticle({ markdown: `version ${i}` }), fetchedAt: `2026-11-2${i}T00:00:00.000Z`, aliases: [] });
    }
    expect(await readdir(path.join(out, '2017', '12'))).toEqual([path.basename(FILE)]);
    expect((await readdir(path.join(out, '.history', '3750'))).every((name) => name.endsWith('.md'))).toBe(true);
  });
});

describe('file names', () => {
  const a = makeArticle({ id: '12', title: 'Fête de la musique', markdown: 'Texte A', url: 'https://www.beauvais.fr/12-fete.html' });
  const b = makeArticle({ id: '3750', title: 'Fête de la musique !', markdown: 'Texte B', url: 'https://www.beauvais.fr/3750-fete.html' });

  it('gives the second article with the same date and slug the id as suffix', async () => {
    const first = await store.save({ article: a, fetchedAt: T1, aliases: [] });
    const second = await store.save({ article: b, fetchedAt: T1, aliases: [] });
    expect(first.path).toBe('2017/12/2017-12-08-fete-de-la-musique.md');
    expect(second.path).toBe('2017/12/2017-12-08-fete-de-la-musique-3750.md');
    expect(parseArchiveFile(await read(first.path)).id).toBe('12');
    expect(parseArchiveFile(await read(second.path)).id).toBe('3750');
  });

  it('names by id, not by counter, and keeps the names when the articles change', async () => {
    const second = await store.save({ article: b, fetchedAt: T1, aliases: [] });
    const first = await store.save({ article: a, fetchedAt: T1, aliases: [] });
    expect(second.path).toBe('2017/12/2017-12-08-fete-de-la-musique.md');
    expect(first.path).toBe('2017/12/2017-12-08-fete-de-la-musique-12.md');
    const updated = await store.save({ article: { ...a, markdown: 'Texte A2', contentHash: 'sha256:a2' }, fetchedAt: T2, aliases: [] });
    expect(updated.path).toBe(first.path);
  });

  it('keeps every file inside <out>, whatever the title and id', async () => {
    const hostile = makeArticle({ id: '../../../tmp/x', title: '../../etc/passwd\0\n', markdown: 'hostile' });
    const result = await store.save({ article: hostile, fetchedAt: T1, aliases: [] });
    const absolute = path.resolve(out, result.path);
    expect(absolute.startsWith(path.resolve(out) + path.sep)).toBe(true);
    expect(parseArchiveFile(await read(result.path)).id).toBe('../../../tmp/x');
    const updated = await store.save({ article: { ...hostile, markdown: 'hostile 2', contentHash: 'sha256:h2' }, fetchedAt: T2, aliases: [] });
    for (const file of [updated.path, ...updated.entry.history]) {
      expect(path.resolve(out, file).startsWith(path.resolve(out) + path.sep)).toBe(true);
    }
  });
});

describe('addAliases', () => {
  it('rewrites the file only when the set of aliases grows', async () => {
    const article = makeArticle();
    await store.save({ article, fetchedAt: T1, aliases: ['https://www.beauvais.fr/a.html'] });
    expect(await store.addAliases('3750', ['https://www.beauvais.fr/b.html', article.url])).toBe(true);
    expect(parseArchiveFile(await read(FILE)).aliases).toEqual(['https://www.beauvais.fr/a.html', 'https://www.beauvais.fr/b.html']);
    await ageTree(out);
    const before = await treeState(out);
    expect(await store.addAliases('3750', ['https://www.beauvais.fr/a.html', article.url])).toBe(false);
    expect(await store.addAliases('unknown', ['https://www.beauvais.fr/c.html'])).toBe(false);
    expect(await treeState(out)).toEqual(before);
  });

  it('keeps the aliases when the article is updated later', async () => {
    await store.save({ article: makeArticle({ markdown: 'v1' }), fetchedAt: T1, aliases: [] });
    await store.addAliases('3750', ['https://www.beauvais.fr/b.html']);
    const updated = await store.save({ article: makeArticle({ markdown: 'v2' }), fetchedAt: T2, aliases: ['https://www.beauvais.fr/c.html'] });
    expect(updated.entry.aliases).toEqual(['https://www.beauvais.fr/b.html', 'https://www.beauvais.fr/c.html']);
  });
});

describe('dry run', () => {
  it('returns the same results as a real run and writes nothing', async () => {
    const v1 = makeArticle({ markdown: 'v1' });
    const v2 = makeArticle({ markdown: 'v2' });
    const other = makeArticle({ id: '9', markdown: 'v1', url: 'https://www.beauvais.fr/9.html' });
    await store.save({ article: v1, fetchedAt: T1, aliases: [] });
    await store.close();
    await ageTree(out);
    const before = await treeState(out);

    const dry = await openArchive(out, { clock: fakeClock(), logger: silentLogger, dryRun: true });
    const dryResults = [
      await dry.save({ article: v1, fetchedAt: T2, aliases: [] }),
      await dry.save({ article: makeArticle({ id: '5', title: 'Autre', markdown: 'autre' }), fetchedAt: T2, aliases: [] }),
      await dry.save({ article: other, fetchedAt: T2, aliases: [] }),
      await dry.save({ article: v2, fetchedAt: T2, aliases: [] }),
    ];
    await dry.recordFetch('https://www.beauvais.fr/x.html', { validators: { etag: '"x"' } });
    await dry.addAliases('3750', ['https://www.beauvais.fr/alias.html']);
    await dry.close();
    expect(await treeState(out)).toEqual(before);

    store = await openArchive(out, { clock: fakeClock(), logger: silentLogger });
    const realResults = [
      await store.save({ article: v1, fetchedAt: T2, aliases: [] }),
      await store.save({ article: makeArticle({ id: '5', title: 'Autre', markdown: 'autre' }), fetchedAt: T2, aliases: [] }),
      await store.save({ article: other, fetchedAt: T2, aliases: [] }),
      await store.save({ article: v2, fetchedAt: T2, aliases: [] }),
    ];
    expect(dryResults).toEqual(realResults);
    expect(dryResults.map((r) => r.change)).toEqual(['unchanged', 'new', 'duplicate', 'updated']);
  });

  it('does not even create a missing output folder', async () => {
    const missing = path.join(out, 'not-yet');
    const dry = await openArchive(missing, { clock: fakeClock(), logger: silentLogger, dryRun: true });
    const result = await dry.save({ article: makeArticle(), fetchedAt: T1, aliases: [] });
    await dry.close();
    expect(result.change).toBe('new');
    expect(await readdir(out)).not.toContain('not-yet');
  });
});
