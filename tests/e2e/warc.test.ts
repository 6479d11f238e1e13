/**
 * End to end, preservation in WARC files: the real CLI crawls the fixture site with --warc; its WARC
 * files are read back with warcio and checked record by record against the server's request log;
 * a second crawl writes revisits; `rebuild` from the WARC files reproduces the archive; `verify`
 * passes on it and catches what was damaged.
 */
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureSite, serveFixtureSite } from '../../scripts/fixture-site.js';
import { extractArticle } from '../../src/extract/index.js';
import { parseNdjson, runCli } from '../helpers/run-cli.js';
import { schemaErrors } from '../helpers/schema.js';
import { parseWithWarcio, type ParsedRecord } from '../warc/helpers.js';

const OWN_WARC_NAME = /^\d{8}T\d{6}Z-\d{5}\.warc\.gz$/;
const NOT_MODIFIED = 'http://netpreserve.org/warc/1.1/revisit/server-not-modified';
const IDENTICAL = 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest';

let site: FixtureSite;
let out: string;
let other: string;

beforeEach(async () => {
  site = await serveFixtureSite();
  out = await mkdtemp(join(tmpdir(), 'beauvais-warc-e2e-'));
  other = await mkdtemp(join(tmpdir(), 'beauvais-warc-e2e-rebuilt-'));
});
afterEach(async () => {
  await site.close();
  await rm(out, { recursive: true, force: true });
  await rm(other, { recursive: true, force: true });
});

const crawl = (...extra: string[]) => runCli(['crawl', '--base-url', site.url, '--out', out, '--delay', '0', '--json', ...extra]);

async function warcFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, 'warc'))).filter((name) => name.endsWith('.warc.gz')).sort();
}

async function archiveFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const year of (await readdir(dir)).filter((n) => /^\d{4}$/.test(n)).sort()) {
    for (const month of (await readdir(join(dir, year))).sort()) {
      for (const name of (await readdir(join(dir, year, month))).sort()) found.push(`${year}/${month}/${name}`);
    }
  }
  return found;
}

async function frontMatter(dir: string, path: string): Promise<Record<string, unknown>> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(await readFile(join(dir, path), 'utf8'));
  return parseYaml(match?.[1] ?? '') as Record<string, unknown>;
}

const sha256 = (data: Uint8Array) => `sha256:${createHash('sha256').update(data).digest('hex')}`;
const pathOf = (uri: string | null | undefined) => {
  const url = new URL(uri ?? '');
  return `${url.pathname}${url.search}`;
};

describe('crawl --warc', () => {
  it('records every exchange: warcinfo, then response (or revisit) and request pairs matching the server log', async () => {
    const before = Date.now();
    const result = await crawl('--warc');
    const after = Date.now();
    expect(result.code).toBe(0);
    const names = await warcFiles(out);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(OWN_WARC_NAME);
    const records = await parseWithWarcio(join(out, 'warc', names[0] ?? ''));

    const [info, ...rest] = records;
    expect(info?.record.warcType).toBe('warcinfo');
    const fields = info?.payload.toString('utf8') ?? '';
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(fields).toContain(`software: beauvais-archive/${version}\r\n`);
    const options = JSON.parse(/^crawl-options: (.*)\r$/m.exec(fields)?.[1] ?? 'null') as Record<string, unknown>;
    expect(options).toMatchObject({ baseUrl: `${site.url}/`, warc: true, concurrency: 4, delayMs: 0 });

    // Pairs: the response (or revisit) first, then the request that produced it.
    expect(rest.length % 2).toBe(0);
    const answers: ParsedRecord[] = [];
    for (let i = 0; i < rest.length; i += 2) {
      const [answer, request] = [rest[i], rest[i + 1]];
      expect(['response', 'revisit']).toContain(answer?.record.warcType);
      expect(request?.record.warcType).toBe('request');
      expect(request?.record.warcConcurrentTo).toEqual([answer?.record.warcHeader('WARC-Record-ID')]);
      expect(request?.record.warcTargetURI).toBe(answer?.record.warcTargetURI);
      answers.push(answer as ParsedRecord);
    }

    // Every request the server answered, and only those, with the status it sent (500 and 429 included).
    const logged = site.requests.map((r) => `${r.url} ${r.status}`).sort();
    const recorded = answers.map((a) => `${pathOf(a.record.warcTargetURI)} ${a.record.httpHeaders?.statusCode}`).sort();
    expect(recorded).toEqual(logged);
    expect(recorded).toContain('/actualites/vie-municipale/3830-voeux-du-maire.html 500');

    for (const { record, payload } of answers) {
      const date = Date.parse(record.warcDate ?? '');
      expect(date).toBeGreaterThanOrEqual(before);
      expect(date).toBeLessThanOrEqual(after);
      if (record.warcType === 'response') {
        // The digest is recomputed over the payload as stored (decoded), which its headers describe.
        expect(record.warcPayloadDigest).toBe(sha256(payload));
        expect(record.httpHeaders?.headers.get('content-length')).toBe(String(payload.length));
      } else {
        // In one fresh crawl, a revisit can only be a page fetched twice (an old address redirecting to it).
        expect(record.warcHeader('WARC-Profile')).toBe(IDENTICAL);
        expect(answers.some((a) => a.record.warcHeader('WARC-Record-ID') === record.warcHeader('WARC-Refers-To'))).toBe(true);
      }
    }
    const blocks = await parseWithWarcio(join(out, 'warc', names[0] ?? ''), false);
    for (const { record, payload } of blocks) {
      if (record.warcType !== 'warcinfo') expect(record.warcBlockDigest).toBe(sha256(payload));
    }
  });

  it('names, in each archive file, the response its version was extracted from', async () => {
    const result = await crawl('--warc');
    expect(result.code).toBe(0);
    const files = await archiveFiles(out);
    expect(files.length).toBe(parseNdjson(result.stdout).length);
    const byId = new Map<string, ParsedRecord>();
    for (const name of await warcFiles(out)) {
      for (const parsed of await parseWithWarcio(join(out, 'warc', name))) byId.set(parsed.record.warcHeader('WARC-Record-ID') ?? '', parsed);
    }
    for (const file of files) {
      const entry = await frontMatter(out, file);
      const ref = entry.warc as { file: string; recordId: string };
      expect(ref.file).toMatch(/^warc\/\d{8}T\d{6}Z-\d{5}\.warc\.gz$/);
      const stored = byId.get(ref.recordId);
      expect(stored?.record.warcType).toBe('response');
      expect(stored?.record.httpHeaders?.statusCode).toBe(200);
      const url = stored?.record.warcTargetURI ?? '';
      expect([entry.url, ...(entry.aliases as string[])]).toContain(url);
      const extraction = extractArticle(stored?.payload ?? Buffer.alloc(0), url, { 'content-type': 'text/html; charset=utf-8' });
      expect(extraction.kind === 'article' && extraction.article.contentHash).toBe(entry.contentHash);
    }
  });

  it('writes revisits on the next crawl: 304s refer to the earlier response, no payload is stored twice', async () => {
    expect((await crawl('--warc')).code).toBe(0);
    site.requests.length = 0;
    const again = await crawl('--warc');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    const names = await warcFiles(out);
    expect(names).toHaveLength(2);
    const [first, second] = await Promise.all(names.map((name) => parseWithWarcio(join(out, 'warc', name))));
    const firstIds = new Map((first ?? []).map((p) => [p.record.warcHeader('WARC-Record-ID'), p.record]));

    const notModified = (second ?? []).filter((p) => p.record.warcHeader('WARC-Profile') === NOT_MODIFIED);
    expect(notModified.length).toBe(site.requests.filter((r) => r.status === 304).length);
    expect(notModified.length).toBeGreaterThan(0);
    for (const { record } of notModified) {
      expect(record.httpHeaders?.statusCode).toBe(304);
      const original = firstIds.get(record.warcHeader('WARC-Refers-To'));
      expect(original?.warcType).toBe('response');
      expect(original?.warcTargetURI).toBe(record.warcRefersToTargetURI);
      expect(original?.warcDate).toBe(record.warcRefersToDate);
    }
    // After a complete run the listings too are asked conditionally: the unchanged home page is a 304,
    // recorded as a revisit of the first run's response.
    const home = (second ?? []).find((p) => p.record.warcTargetURI === `${site.url}/`);
    expect(home?.record.warcType).toBe('revisit');
    expect(home?.record.httpHeaders?.statusCode).toBe(304);
    expect(home?.record.warcHeader('WARC-Profile')).toBe(NOT_MODIFIED);
    expect(firstIds.get(home?.record.warcHeader('WARC-Refers-To'))?.warcTargetURI).toBe(`${site.url}/`);

    const digests = [...(first ?? []), ...(second ?? [])]
      .filter((p) => p.record.warcType === 'response' && p.payload.length > 0)
      .map((p) => p.record.warcPayloadDigest);
    expect(new Set(digests).size).toBe(digests.length);
  }, 60_000);

  it('is the default for an archive whose archive.yaml says "warc: true" (rotating at its size), and --no-warc overrides it', async () => {
    await writeFile(join(out, 'archive.yaml'), '# settings of this archive\nwarc: true\nwarcMaxFileMB: 0.01\n');
    expect((await crawl()).code).toBe(0);
    const names = await warcFiles(out);
    // About 50 kB of records rotated every 10 kB: several files of one crawl, numbered in order.
    expect(names.length).toBeGreaterThan(2);
    expect(names.map((n) => n.slice(-14))).toEqual(names.map((_, i) => `-${String(i).padStart(5, '0')}.warc.gz`));
    for (const name of names) expect((await parseWithWarcio(join(out, 'warc', name)))[0]?.record.warcType).toBe('warcinfo');
    expect((await crawl('--no-warc', '--max-pages', '2')).code).toBe(0);
    expect(await warcFiles(out)).toEqual(names);
    expect((await crawl('--dry-run', '--max-pages', '2')).code).toBe(0);
    expect(await warcFiles(out)).toEqual(names);
  }, 60_000);
});

describe('rebuild and verify', () => {
  it('rebuilds the same archive from the WARC files alone, dated by the WARC records', async () => {
    expect((await crawl('--warc')).code).toBe(0);
    expect((await crawl('--warc')).code).toBe(0);
    await site.close();

    const rebuilt = await runCli(['rebuild', '--from', join(out, 'warc'), '--out', other, '--base-url', site.url, '--json']);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toMatch(/rebuild summary: WARC files 2, .*other hosts 0/);
    const files = await archiveFiles(out);
    expect(await archiveFiles(other)).toEqual(files);
    const rebuiltRecords = parseNdjson(rebuilt.stdout);
    for (const record of rebuiltRecords) expect(schemaErrors(record)).toEqual([]);
    expect(rebuiltRecords.map((r) => r.path).sort()).toEqual(files);
    // The WARC files the references name come along, so they are the same and stay inside the archive.
    const copies = await warcFiles(other);
    expect(copies.length).toBeGreaterThan(0);
    for (const name of copies) expect(await readFile(join(other, 'warc', name))).toEqual(await readFile(join(out, 'warc', name)));
    const withoutDates = (text: string) => text.replace(/^(fetchedAt|firstSeenAt): .*\n/gm, '');
    const dates = new Map<string, string | null | undefined>();
    for (const name of copies) {
      for (const { record } of await parseWithWarcio(join(other, 'warc', name))) dates.set(record.warcHeader('WARC-Record-ID') ?? '', record.warcDate);
    }
    for (const file of files) {
      const [crawled, again] = await Promise.all([readFile(join(out, file), 'utf8'), readFile(join(other, file), 'utf8')]);
      expect(withoutDates(again)).toBe(withoutDates(crawled));
      // fetchedAt is the WARC-Date of the record: when that capture began.
      const entry = await frontMatter(other, file);
      expect(entry.fetchedAt).toBe(dates.get((entry.warc as { recordId: string }).recordId));
    }

    const verified = await runCli(['verify', '--out', other]);
    expect(verified.stdout).toBe('');
    expect(verified.code).toBe(0);
    const refreshed = await runCli(['rebuild', '--from', join(other, 'warc'), '--out', other, '--base-url', site.url, '--json']);
    expect(refreshed.code).toBe(0);
    expect(refreshed.stdout).toBe('');
    expect(refreshed.stderr).toMatch(/new 0, updated 0, unchanged \d+/);
  }, 60_000);

  it('rebuilds an archive crawled from 127.0.0.1 without --base-url, and says which --base-url to use when it is wrong', async () => {
    expect((await crawl('--warc')).code).toBe(0);
    await site.close();
    const files = await archiveFiles(out);

    // The site comes from the crawl options in the warcinfo records: not www.beauvais.fr, the default.
    const rebuilt = await runCli(['rebuild', '--from', join(out, 'warc'), '--out', other]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toContain(`site: ${site.url}/ (from the crawl options in the WARC files)`);
    expect(rebuilt.stderr).toMatch(/other hosts 0/);
    expect(await archiveFiles(other)).toEqual(files);

    // Into the archive itself: its own state names the site.
    const again = await runCli(['rebuild', '--from', join(out, 'warc'), '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`site: ${site.url}/ (from the archive in ${out})`);
    expect(again.stderr).toMatch(/new 0, updated 0, unchanged [1-9]/);

    const wrong = await mkdtemp(join(tmpdir(), 'beauvais-warc-e2e-wrong-'));
    try {
      const result = await runCli(['rebuild', '--from', join(out, 'warc'), '--out', wrong, '--base-url', 'https://www.beauvais.fr', '--json']);
      expect(result.code).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/pages 0, .*other hosts [1-9]/);
      expect(result.stderr).toMatch(new RegExp(`no page of https://www\\.beauvais\\.fr .*records of other hosts were skipped: ${site.url.replace(/[.]/g, '\\.')} \\(\\d+ records\\)`));
      expect(result.stderr).toContain(`run again with --base-url ${site.url}`);
    } finally {
      await rm(wrong, { recursive: true, force: true });
    }
  }, 60_000);

  it('verify passes on a crawled archive, then reports an edited body, a missing WARC record and a duplicate', async () => {
    expect((await crawl('--warc')).code).toBe(0);
    const clean = await runCli(['verify', '--out', out]);
    expect(clean.stderr).toMatch(/verify summary: \d+ archive files, all checks passed/);
    expect(clean.code).toBe(0);

    const [edited, unreferenced, copied] = await archiveFiles(out);
    if (!edited || !unreferenced || !copied) throw new Error('the fixture crawl archived fewer than three articles');
    await appendFile(join(out, edited), '\nUne phrase ajoutée à la main.\n');
    const text = await readFile(join(out, unreferenced), 'utf8');
    await writeFile(join(out, unreferenced), text.replace(/recordId: "<urn:uuid:[0-9a-f-]+>"/, 'recordId: "<urn:uuid:00000000-0000-4000-8000-000000000000>"'));
    await cp(join(out, copied), join(out, copied.replace(/\.md$/, '-copie.md')));

    const result = await runCli(['verify', '--out', out]);
    expect(result.code).toBe(3);
    const problems = parseNdjson(result.stdout);
    expect(problems).toContainEqual({ path: edited, problem: expect.stringMatching(/contentHash does not match/) });
    expect(problems).toContainEqual({ path: unreferenced, problem: expect.stringMatching(/WARC record <urn:uuid:0{8}-.*> is not in warc\//) });
    const copy = copied.replace(/\.md$/, '-copie.md');
    const duplicates = problems.filter((p) => /^duplicate: article \d+ is also archived in /.test(String(p.problem)));
    expect(duplicates.map((p) => [p.path, String(p.problem).split(' in ')[1]])).toEqual([[copy, copied], [copied, copy]]);
    expect(result.stderr).toMatch(/verify summary: .*\d+ problem/);

    expect((await runCli(['verify', '--out', join(out, 'nowhere')])).code).toBe(1);
  }, 60_000);
});
