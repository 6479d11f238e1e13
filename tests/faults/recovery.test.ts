/**
 * What the fault scenarios found, each pinned down on a small site: a failure must not outlive the
 * next successful fetch (a 304 included), neither an error page nor a --since run may leave validators
 * that earn a 304 for an article never archived, and a file left half-written by a killed process
 * must not outlive the next run.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOAD_INDEX_FILE, renderWarcFileName, toWarcDir } from '../../src/warc/file-name.js';
import { failedUrls, readState, takeCensus } from '../helpers/fault-archive.js';
import { openFaultBench, type FaultBench } from '../helpers/fault-bench.js';
import { ERROR_TEMPLATE } from '../helpers/fault-schedule.js';
import { CRAWL_FLAGS, FAULT_SITE } from './plan.js';

/** 15 articles online yesterday, 5 new today. */
const SMALL_SITE = { articles: 20, archivedBefore: 15, mutated: 0, seed: 'recovery-2026', pageBytes: FAULT_SITE.pageBytes } as const;

let bench: FaultBench;
beforeAll(async () => {
  bench = await openFaultBench(SMALL_SITE, CRAWL_FLAGS);
}, 120_000);
afterAll(async () => {
  await bench?.close();
});

const article = (index: number) => bench.site.articleAt(index);

describe('after a faulted run', () => {
  it('a page that failed is no longer marked failed once the next run gets a 304 for it', async () => {
    const out = await bench.freshArchive();
    const archived = article(3);
    bench.setFaults((req) => (req.url === archived.path ? { status: 503, body: 'Service indisponible' } : undefined));
    expect((await bench.crawl(out, CRAWL_FLAGS)).code).toBe(3);
    expect(failedUrls((await readState(out)).state).join('\n')).toContain(archived.path);

    bench.setFaults(undefined);
    bench.served.resetLog();
    expect((await bench.crawl(out, CRAWL_FLAGS)).code).toBe(0);
    expect(bench.served.requests.find((r) => r.url === archived.path)?.status).toBe(304);
    expect(failedUrls((await readState(out)).state)).toEqual([]);
  }, 60_000);

  it('an error page served with 200 at a new article\'s address does not hide the article from the next run', async () => {
    const out = await bench.freshArchive();
    const fresh = article(SMALL_SITE.archivedBefore + 1);
    const lastModified = new Date(bench.rig.clock.now()).toUTCString();
    bench.setFaults((req) =>
      req.url === fresh.path ? { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'last-modified': lastModified }, body: ERROR_TEMPLATE } : undefined,
    );
    await bench.crawl(out, CRAWL_FLAGS);
    expect((await takeCensus(out)).filesById.has(fresh.id)).toBe(false);

    bench.setFaults(undefined);
    expect((await bench.crawl(out, CRAWL_FLAGS)).code).toBe(0);
    expect((await takeCensus(out)).filesById.get(fresh.id)).toHaveLength(1);
  }, 60_000);

  it('articles skipped by --since are archived by a later run without it, not hidden by a 304', async () => {
    const out = await bench.freshArchive();
    const fresh = [...bench.site.articles()].slice(SMALL_SITE.archivedBefore);
    expect((await bench.crawl(out, [...CRAWL_FLAGS, '--since', '2030-01-01'])).code).toBe(0);
    const skipped = await takeCensus(out);
    expect(fresh.filter((a) => skipped.filesById.has(a.id))).toEqual([]);

    expect((await bench.crawl(out, CRAWL_FLAGS)).code).toBe(0);
    const census = await takeCensus(out);
    expect(fresh.filter((a) => census.filesById.get(a.id)?.length !== 1).map((a) => a.id)).toEqual([]);
  }, 60_000);

  it('the temporary file of a write killed half-way is removed by the next run', async () => {
    const out = await bench.freshArchive();
    const [file] = [...bench.yesterday.entries.keys()];
    const leftover = await killWriterMidWrite(path.join(out, String(file)));
    expect((await takeCensus(out)).strays).toEqual([path.relative(out, leftover)]);

    expect((await bench.crawl(out, CRAWL_FLAGS)).code).toBe(0);
    const census = await takeCensus(out);
    expect(census.strays).toEqual([]);
    expect(census.unreadable).toEqual([]);
  }, 60_000);

  it('the temporary file of a payload index write killed half-way is removed by the next run, the WARC files kept', async () => {
    const { out, warcDir, warcFile } = await archiveWithWarcFile();
    const leftover = await killWriterMidWrite(path.join(warcDir, PAYLOAD_INDEX_FILE));
    expect((await readdir(warcDir)).sort()).toEqual([warcFile, path.basename(leftover)].sort());

    expect((await bench.crawl(out, CRAWL_FLAGS)).code).toBe(0);
    expect(await readdir(warcDir)).toEqual([warcFile]);
  }, 60_000);

  it('a WARC file half copied in by an interrupted rebuild is removed by the next run, the WARC files kept', async () => {
    const { out, warcDir, warcFile } = await archiveWithWarcFile();
    await writeFile(path.join(warcDir, 'imported.warc.gz.part'), 'half of a copy');

    expect((await bench.crawl(out, CRAWL_FLAGS)).code).toBe(0);
    expect(await readdir(warcDir)).toEqual([warcFile]);
  }, 60_000);
});

/** A fresh archive with one finished WARC file in `warc/`, which no sweep may touch. */
async function archiveWithWarcFile(): Promise<{ out: string; warcDir: string; warcFile: string }> {
  const out = await bench.freshArchive();
  const warcDir = toWarcDir(out);
  await mkdir(warcDir);
  const warcFile = renderWarcFileName('20261126T100000Z', 0);
  await writeFile(path.join(warcDir, warcFile), 'a finished WARC file, never swept');
  return { out, warcDir, warcFile };
}

/**
 * Starts a process that rewrites `target` the way the store does (write-file-atomic: a temporary
 * file beside it, then a rename), with a payload big enough to take a while, and SIGKILLs it as soon
 * as its temporary file appears. Resolves to the temporary file left behind.
 */
async function killWriterMidWrite(target: string): Promise<string> {
  const script = `const w = require('write-file-atomic'); w(${JSON.stringify(target)}, Buffer.alloc(64 * 1024 * 1024, 120)).then(() => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const dir = path.dirname(target);
  const name = path.basename(target);
  for (let i = 0; i < 2000; i++) {
    const temp = (await readdir(dir)).find((n) => n.startsWith(`${name}.`));
    if (temp) {
      child.kill('SIGKILL');
      await exited;
      return path.join(dir, temp);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGKILL');
  throw new Error('the writer never created its temporary file');
}
