import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/store.js';
import { StateCorruptError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { fakeClock, makeArticle, makeTempDir, recordingLogger } from './helpers.js';

const T1 = '2026-11-20T09:00:00.000Z';
const T2 = '2026-11-26T10:00:00.000Z';
const URL_A = 'https://www.beauvais.fr/actualites/3750-a.html';
const URL_B = 'https://www.beauvais.fr/actualites/3751-b.html';

let out: string;
let cleanup: () => Promise<void>;
let stateDir: string;
let journal: string;
let snapshot: string;

beforeEach(async () => {
  ({ dir: out, cleanup } = await makeTempDir());
  stateDir = path.join(out, '.state');
  journal = path.join(stateDir, 'journal.ndjson');
  snapshot = path.join(stateDir, 'snapshot.json');
});

afterEach(async () => {
  await cleanup();
});

const open = (logger = silentLogger) => openArchive(out, { clock: fakeClock(T2), logger, lock: false });
/**
 * Leaves the disk as a killed crawl would: the snapshot as it was at open, the journal as written so
 * far plus `tornTail`. (The store is closed to release its file handle, then its compaction undone.)
 */
async function simulateCrash(store: { close(): Promise<void> }, tornTail: string, snapshotAtOpen?: string): Promise<void> {
  const journalText = await readFile(journal, 'utf8');
  await store.close();
  if (snapshotAtOpen === undefined) await rm(snapshot, { force: true });
  else await writeFile(snapshot, snapshotAtOpen);
  await writeFile(journal, journalText + tornTail);
}

const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '');

describe('URL state', () => {
  it('remembers validators, article ids and failures across runs', async () => {
    const first = await open();
    await first.recordFetch(URL_A, { validators: { etag: '"abc"', lastModified: 'Fri, 08 Dec 2017 10:00:00 GMT' }, articleId: '3750' });
    await first.recordFailure(URL_B, 'HTTP 503');
    await first.close();

    const second = await open();
    expect(second.urlState(URL_A)).toEqual({ validators: { etag: '"abc"', lastModified: 'Fri, 08 Dec 2017 10:00:00 GMT' }, articleId: '3750' });
    expect(second.failedUrls()).toEqual([URL_B]);
    expect(second.urlState(URL_B)?.failed).toEqual({ reason: 'HTTP 503', at: T2 });
    // A later success clears the failure; omitted fields keep their values, null forgets the article.
    await second.recordFetch(URL_B, {});
    await second.recordFetch(URL_A, { articleId: null });
    expect(second.failedUrls()).toEqual([]);
    expect(second.urlState(URL_A)).toEqual({ validators: { etag: '"abc"', lastModified: 'Fri, 08 Dec 2017 10:00:00 GMT' } });
    await second.close();
  });

  it('is recorded page by page, before the run ends', async () => {
    const store = await open();
    await store.recordFetch(URL_A, { articleId: '3750' });
    // Read while the store is still open: the crawl could be killed now.
    expect(await lines(journal)).toHaveLength(1);
    await store.close();
  });

  it('appends one line per page and never rewrites the snapshot meanwhile', async () => {
    const seed = await open();
    for (let i = 0; i < 50; i += 1) {
      await seed.save({ article: makeArticle({ id: String(i), title: `Article ${i}`, markdown: `Texte ${i}` }), fetchedAt: T1, aliases: [] });
    }
    await seed.close();
    const snapshotBefore = await stat(snapshot);

    const store = await open();
    for (let i = 1; i <= 20; i += 1) {
      await store.recordFetch(`https://www.beauvais.fr/page-${i}.html`, { validators: { etag: `"${i}"` } });
      expect(await lines(journal)).toHaveLength(i);
      const now = await stat(snapshot);
      expect([now.ino, now.size, now.mtimeMs]).toEqual([snapshotBefore.ino, snapshotBefore.size, snapshotBefore.mtimeMs]);
    }
    // Recording what is already known writes nothing.
    await store.recordFetch('https://www.beauvais.fr/page-1.html', { validators: { etag: '"1"' } });
    expect(await lines(journal)).toHaveLength(20);
    await store.close();
    expect(await readFile(journal, 'utf8')).toBe('');
  });
});

describe('crash safety', () => {
  it('survives a torn last journal line, with a warning', async () => {
    const crashed = await open();
    await crashed.recordFetch(URL_A, { articleId: '3750' });
    await crashed.save({ article: makeArticle(), fetchedAt: T1, aliases: [] });
    await simulateCrash(crashed, '{"type":"url","url":"https://www.beauvais.fr/x","sta');
    expect(await readdir(stateDir)).toEqual(['journal.ndjson']);

    const logger = recordingLogger();
    const next = await open(logger);
    const snapshotAtOpen = await readFile(snapshot, 'utf8');
    expect(next.urlState(URL_A)).toEqual({ articleId: '3750' });
    expect((await next.save({ article: makeArticle(), fetchedAt: T2, aliases: [] })).change).toBe('unchanged');
    expect(logger.lines.some((l) => l.startsWith('warn:') && l.includes('incomplete last line'))).toBe(true);
    // The torn line is gone: appending after it cannot glue two events together.
    await next.recordFetch(URL_B, { articleId: '3751' });
    await simulateCrash(next, '', snapshotAtOpen);
    const again = await open();
    expect(again.urlState(URL_A)).toEqual({ articleId: '3750' });
    expect(again.urlState(URL_B)).toEqual({ articleId: '3751' });
    await again.close();
  });

  it('loses nothing and doubles nothing when a crash leaves the journal after the snapshot', async () => {
    const store = await open();
    await store.save({ article: makeArticle({ markdown: 'v1' }), fetchedAt: T1, aliases: [] });
    await store.save({ article: makeArticle({ markdown: 'v2' }), fetchedAt: T2, aliases: [] });
    await store.recordFailure(URL_B, 'timeout');
    const events = await readFile(journal, 'utf8');
    await store.close();
    // The snapshot holds everything; put the journal back as if emptying it never happened.
    await writeFile(journal, events);

    const next = await open();
    const result = await next.save({ article: makeArticle({ markdown: 'v2' }), fetchedAt: T2, aliases: [] });
    expect(result.change).toBe('unchanged');
    expect(result.entry.history).toEqual(['.history/3750/2026-11-20T09-00-00.000Z.md']);
    expect(next.failedUrls()).toEqual([URL_B]);
    await next.close();
  });
  it('finishes an update whose file was written but not recorded when the crawl was killed', async () => {
    const store = await open();
    await store.save({ article: makeArticle({ markdown: 'v1' }), fetchedAt: T1, aliases: [] });
    const journalBefore = await readFile(journal, 'utf8');
    await store.save({ article: makeArticle({ markdown: 'v2' }), fetchedAt: T2, aliases: [] });
    // Killed after writing the history copy and the new file, before the journal line.
    await simulateCrash(store, '');
    await writeFile(journal, journalBefore);

    const next = await open();
    const result = await next.save({ article: makeArticle({ markdown: 'v2' }), fetchedAt: T2, aliases: [] });
    expect(result.change).toBe('updated');
    expect(result.entry.history).toEqual(['.history/3750/2026-11-20T09-00-00.000Z.md']);
    // The history copy is still version 1, not the new file copied over it.
    const kept = await readFile(path.join(out, '.history', '3750', '2026-11-20T09-00-00.000Z.md'), 'utf8');
    expect(kept).toContain('\nv1\n');
    expect((await next.save({ article: makeArticle({ markdown: 'v2' }), fetchedAt: T2, aliases: [] })).change).toBe('unchanged');
    await next.close();
  });
});

describe('damaged state', () => {
  it('rebuilds a corrupt snapshot from the archive files, says so and keeps the damaged file', async () => {
    const store = await open();
    await store.save({ article: makeArticle({ id: '1', title: 'Un', markdown: 'un' }), fetchedAt: T1, aliases: ['https://www.beauvais.fr/alias-1.html'] });
    await store.save({ article: makeArticle({ id: '2', title: 'Deux', markdown: 'deux' }), fetchedAt: T1, aliases: [] });
    await store.close();
    await writeFile(snapshot, '{"format":"beauvais-archive-state","version":1,"urls":{');

    const logger = recordingLogger();
    const next = await open(logger);
    expect(logger.lines.some((l) => l.startsWith('warn:') && l.includes('corrupt') && l.includes('rebuilt from 2 archive files'))).toBe(true);
    expect((await next.save({ article: makeArticle({ id: '1', title: 'Un', markdown: 'un' }), fetchedAt: T2, aliases: [] })).change).toBe('unchanged');
    expect((await next.save({ article: makeArticle({ id: '3', title: 'Trois', markdown: 'deux' }), fetchedAt: T2, aliases: [] })).change).toBe('duplicate');
    expect(next.urlState('https://www.beauvais.fr/alias-1.html')?.articleId).toBe('1');
    await next.close();
    expect((await readdir(stateDir)).some((name) => name.startsWith('snapshot.json.corrupt-'))).toBe(true);
  });

  it('refuses a corrupt snapshot with nothing to rebuild it from', async () => {
    await mkdir(stateDir);
    await writeFile(snapshot, 'not json at all');
    const failure = open();
    await expect(failure).rejects.toThrow(StateCorruptError);
    await expect(failure).rejects.toThrow(/snapshot\.json is corrupt: not JSON.*remove the \.state folder/);
    // Nothing was wiped.
    expect(await readFile(snapshot, 'utf8')).toBe('not json at all');
  });

  it('refuses a journal corrupt in the middle with nothing to rebuild from', async () => {
    await mkdir(stateDir);
    await writeFile(journal, `garbage\n{"type":"url","url":"${URL_A}","state":{}}\n`);
    await expect(open()).rejects.toThrow(/journal\.ndjson is corrupt: line 1/);
    expect(await readFile(journal, 'utf8')).toContain('garbage');
  });

  it('rebuilds from the files when the journal is corrupt in the middle', async () => {
    const store = await open();
    await store.save({ article: makeArticle(), fetchedAt: T1, aliases: [] });
    await store.close();
    await writeFile(journal, `garbage\n{"type":"url","url":"${URL_A}","state":{}}\n`);
    const logger = recordingLogger();
    const next = await open(logger);
    expect((await next.save({ article: makeArticle(), fetchedAt: T2, aliases: [] })).change).toBe('unchanged');
    expect(logger.lines.some((l) => l.includes('journal') && l.includes('corrupt'))).toBe(true);
    await next.close();
    expect((await readdir(stateDir)).some((name) => name.startsWith('journal.ndjson.corrupt-'))).toBe(true);
  });

  it('rebuilds a lost state folder from the archive files', async () => {
    const store = await open();
    await store.save({ article: makeArticle(), fetchedAt: T1, aliases: [] });
    await store.close();
    await rm(stateDir, { recursive: true });
    const next = await open();
    expect((await next.save({ article: makeArticle(), fetchedAt: T2, aliases: [] })).change).toBe('unchanged');
    await next.close();
  });
});
