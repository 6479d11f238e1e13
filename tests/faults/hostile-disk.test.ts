/**
 * An archive folder that cannot be written, and a damaged state: `--out` naming a file, a path under
 * a file, a folder under /proc or behind a dangling symlink, a read-only mount, a disk that fills up
 * in the middle of the run; a corrupt snapshot or journal. Each: a clear message and exit 1 (or a
 * recovery that says so), no half-written file, and the archive never wiped.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFigures, listFiles, readState, takeCensus } from '../helpers/fault-archive.js';
import { openFaultBench, type FaultBench } from '../helpers/fault-bench.js';
import { runInMountNamespace } from '../helpers/fault-namespace.js';
import { CLI } from '../helpers/run-cli.js';
import { CRAWL_FLAGS, FAULT_SITE } from './plan.js';

const SMALL_SITE = { articles: 20, archivedBefore: 20, mutated: 0, seed: 'disk-2026', pageBytes: FAULT_SITE.pageBytes } as const;
/** A spawned crawl competes with the test for the cores: a long timeout, so only the disk fails it. */
const CHILD_FLAGS = ['--delay', '0', '--concurrency', '8', '--timeout', '10000', '--retries', '1'];
/** How long an in-process crawl that cannot even open its archive may take before it counts as hung. */
const OPEN_BOUND_MS = 20_000;

let bench: FaultBench;
let root: string;
beforeAll(async () => {
  bench = await openFaultBench(SMALL_SITE, CRAWL_FLAGS);
  root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-disk-'));
}, 120_000);
afterAll(async () => {
  await bench?.close();
  await rm(root, { recursive: true, force: true });
});

describe('an archive folder that cannot be written', () => {
  it.each([
    ['a regular file', async (dir: string) => (await writeFile(path.join(dir, 'file'), 'x'), path.join(dir, 'file')), /cannot write .*file: EEXIST/],
    ['a path under a regular file', async (dir: string) => (await writeFile(path.join(dir, 'file'), 'x'), path.join(dir, 'file', 'archive')), /cannot write .*ENOTDIR/],
    ['a folder under /proc', async () => '/proc/beauvais-archive-test/archive', /cannot write \/proc\/beauvais-archive-test\/archive: ENOENT/],
    ['a path behind a dangling symlink', async (dir: string) => (await symlink(path.join(dir, 'gone'), path.join(dir, 'link')), path.join(dir, 'link', 'archive')), /cannot write .*link.*: (ENOENT|ENOTDIR)/],
  ])('--out is %s: exit 1 with the reason, nothing requested', async (_name, makeOut, message) => {
    const dir = await mkdtemp(path.join(root, 'out-'));
    const out = await makeOut(dir);
    bench.served.resetLog();
    const result = await bench.crawl(out, CRAWL_FLAGS, OPEN_BOUND_MS);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(bench.served.requests).toEqual([]);
  }, 30_000);

  it('a read-only archive (a read-only mount: root cannot write it either): exit 1 with the reason, the archive untouched', async () => {
    const out = await bench.freshArchive();
    const script = `mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" || exit 99
exec "$2" "$3" crawl --base-url "$4" --out "$1" ${CHILD_FLAGS.join(' ')}`;
    const result = await runInMountNamespace(script, [out, process.execPath, CLI, bench.served.url]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/cannot write .*EROFS/);
    const census = await takeCensus(out);
    expect(census.entries).toEqual(bench.yesterday.entries);
    expect(census.strays).toEqual([]);
    expect((await listFiles(out)).filter((f) => f.startsWith('.lock'))).toEqual([]);
  }, 60_000);

  it('a disk that fills up in the middle of the run (a 96 KiB tmpfs): exit 1 with ENOSPC, no half-written file; the next run completes', async () => {
    const mount = await mkdtemp(path.join(root, 'tmpfs-'));
    const copy = await mkdtemp(path.join(root, 'copy-'));
    const script = `mount -t tmpfs -o size=96k tmpfs "$1" || exit 99
"$2" "$3" crawl --base-url "$4" --out "$1/archive" ${CHILD_FLAGS.join(' ')}
code=$?; cp -a "$1/." "$5/"; exit $code`;
    const result = await runInMountNamespace(script, [mount, process.execPath, CLI, bench.served.url, copy]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/cannot write .*ENOSPC/);
    const out = path.join(copy, 'archive');
    const full = await takeCensus(out);
    expect(full.entries.size).toBeGreaterThan(0);
    expect(full.unreadable).toEqual([]);
    expect(full.strays).toEqual([]);
    await readState(out);

    const next = await bench.crawl(out, CRAWL_FLAGS);
    expect(next.code, next.stderr).toBe(0);
    const census = await takeCensus(out);
    expect(census.strays).toEqual([]);
    expect(countFigures(census, bench.articleIds)).toMatchObject({ archived: SMALL_SITE.articles, lost: 0, duplicated: 0 });
  }, 90_000);
});

describe('a damaged crawl state', () => {
  const GARBAGE = '{"format":"beauvais-archive-state","version":1,"urls":[';

  it('a corrupt snapshot beside archive files: rebuilt from the files, said on stderr, the damaged file kept, no article lost', async () => {
    const out = await bench.freshArchive();
    await writeFile(path.join(out, '.state', 'snapshot.json'), GARBAGE);
    const result = await bench.crawl(out, CRAWL_FLAGS);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/crawl state .*snapshot\.json is corrupt .*rebuilt from \d+ archive files/);
    const census = await takeCensus(out);
    expect(census.entries).toEqual(bench.yesterday.entries);
    const kept = census.strays.filter((f) => f.startsWith('.state/snapshot.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(out, String(kept[0])), 'utf8')).toBe(GARBAGE);
  }, 60_000);

  it('a corrupt snapshot and no archive file to rebuild it from: exit 1, a message saying what to do, the file left as it was', async () => {
    const out = await mkdtemp(path.join(root, 'state-only-'));
    await mkdir(path.join(out, '.state'));
    await writeFile(path.join(out, '.state', 'snapshot.json'), GARBAGE);
    bench.served.resetLog();
    const result = await bench.crawl(out, CRAWL_FLAGS);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/crawl state .*snapshot\.json is corrupt: .*Restore it from a backup, or remove the \.state folder/);
    expect(await readFile(path.join(out, '.state', 'snapshot.json'), 'utf8')).toBe(GARBAGE);
    expect(await readdir(path.join(out, '.state'))).toEqual(['snapshot.json']);
    expect(bench.served.requests).toEqual([]);
  }, 60_000);

  it('a journal with a corrupt line in the middle: the article state is rebuilt, said on stderr, no article lost', async () => {
    const out = await bench.freshArchive();
    const event = (url: string) => JSON.stringify({ type: 'url', url, state: {} });
    await writeFile(path.join(out, '.state', 'journal.ndjson'), `${event(`${bench.served.url}/a.html`)}\n{"type":"url","url":\n${event(`${bench.served.url}/b.html`)}\n`);
    const result = await bench.crawl(out, CRAWL_FLAGS);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/crawl journal .*journal\.ndjson is corrupt \(line 2 is not a valid event\)/);
    const census = await takeCensus(out);
    expect(census.entries).toEqual(bench.yesterday.entries);
    expect(countFigures(census, bench.articleIds)).toMatchObject({ archived: SMALL_SITE.articles, lost: 0, duplicated: 0 });
  }, 60_000);
});
