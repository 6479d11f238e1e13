/**
 * Media writes that are cut: the real CLI killed (SIGKILL) or interrupted (SIGINT) while a picture is
 * half downloaded (the server sends half its bytes, then waits), and a disk that fills up during the
 * download. No partial file may be left under a media name; the next run completes and verifies.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegBytes } from '../helpers/media-bytes.js';
import { runInMountNamespace } from '../helpers/fault-namespace.js';
import { CLI, runCli, startCli } from '../helpers/run-cli.js';

const ARTICLE = '/actualites/culture/3770-la-mediatheque-ouvre-le-dimanche.html';
/** Large enough to be written in several chunks. */
const PICTURE = Buffer.concat([jpegBytes('grande photo'), Buffer.alloc(256 * 1024, 0x55)]);
let server: Server;
let base: string;
let root: string;
/** While true, the picture stops after half its bytes and the response never ends. */
let stall = true;

beforeAll(async () => {
  const page = await readFile(path.join('fixtures/site/pages', ARTICLE));
  server = createServer((req, res) => {
    if (req.url === '/robots.txt') return res.writeHead(404).end();
    if (req.url === ARTICLE) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (req.url === '/images/mediatheque.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(PICTURE.length) });
      if (!stall) return res.end(PICTURE);
      return res.write(PICTURE.subarray(0, PICTURE.length / 2));
    }
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Page introuvable</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  root = await mkdtemp(path.join(os.tmpdir(), 'beauvais-media-crash-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('SIGKILL during a media write', () => {
  it('leaves no partial media file; the next run sweeps the temporary file and completes', async () => {
    const out = path.join(root, 'archive');
    const args = ['crawl', '--base-url', `${base}${ARTICLE}`, '--out', out, '--delay', '0', '--timeout', '60000', '--media'];
    const run = startCli(args);
    const mediaDir = path.join(out, 'media');
    const started = Date.now();
    let names: string[] = [];
    while (!names.some((n) => n.startsWith('.part-'))) {
      if (Date.now() - started > 20_000) throw new Error(`no download started; stderr:\n${run.output.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
      names = await readdir(mediaDir).catch(() => []);
    }
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    // Only the temporary file: nothing under a media file's name.
    expect((await readdir(mediaDir)).filter((n) => !n.startsWith('.part-'))).toEqual([]);

    stall = false;
    const next = await runCli(args);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/removed 1 temporary file\(s\) left by an interrupted write: media\/\.part-/);
    const sha = createHash('sha256').update(PICTURE).digest('hex');
    expect(await readdir(mediaDir)).toEqual([`${sha}-mediatheque.jpg`]);
    expect(createHash('sha256').update(await readFile(path.join(mediaDir, `${sha}-mediatheque.jpg`))).digest('hex')).toBe(sha);
    expect((await runCli(['verify', '--out', out])).code).toBe(0);
  });

  it('SIGINT while a picture is downloaded: the article waits for the next run, which archives it with its picture', async () => {
    stall = true;
    const out = path.join(root, 'interrupted');
    const args = ['crawl', '--base-url', `${base}${ARTICLE}`, '--out', out, '--delay', '0', '--timeout', '60000', '--media'];
    const run = startCli(args);
    const started = Date.now();
    while (!(await readdir(path.join(out, 'media')).catch(() => [])).some((n) => n.startsWith('.part-'))) {
      if (Date.now() - started > 20_000) throw new Error(`no download started; stderr:\n${run.output.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    run.child.kill('SIGINT');
    expect((await run.done).code).toBe(130);
    expect(await readdir(path.join(out, 'media'))).toEqual([]);
    expect((await readdir(out)).filter((n) => /^\d{4}$/.test(n))).toEqual([]);

    stall = false;
    expect((await runCli(args)).code).toBe(0);
    const exported = await runCli(['export', '--out', out]);
    const record = JSON.parse(exported.stdout.trim()) as { media?: { sha256: string }[] };
    expect(record.media?.map((m) => m.sha256)).toEqual([createHash('sha256').update(PICTURE).digest('hex')]);
  });

  it('a disk that fills up during a download (a 96 KiB tmpfs): exit 1 with ENOSPC, no partial media file; the next run completes', async () => {
    stall = false;
    const mount = await mkdtemp(path.join(root, 'tmpfs-'));
    const copy = await mkdtemp(path.join(root, 'copy-'));
    const script = `mount -t tmpfs -o size=96k tmpfs "$1" || exit 99
"$2" "$3" crawl --base-url "$4" --out "$1/archive" --delay 0 --timeout 60000 --media
code=$?; cp -a "$1/." "$5/"; exit $code`;
    const result = await runInMountNamespace(script, [mount, process.execPath, CLI, `${base}${ARTICLE}`, copy]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/cannot write .*media.*ENOSPC/);
    expect(await readdir(path.join(copy, 'archive', 'media'))).toEqual([]);

    const out = path.join(copy, 'archive');
    expect((await runCli(['crawl', '--base-url', `${base}${ARTICLE}`, '--out', out, '--delay', '0', '--media'])).code).toBe(0);
    expect(await readdir(path.join(out, 'media'))).toEqual([`${createHash('sha256').update(PICTURE).digest('hex')}-mediatheque.jpg`]);
    expect((await runCli(['verify', '--out', out])).code).toBe(0);
  }, 60_000);
});
