import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { toWarcDir } from '../../src/warc/file-name.js';
import { listWarcFiles, readWarcResponses } from '../../src/warc/reader.js';
import { PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED } from '../../src/warc/records.js';
import type { StoredResponse } from '../../src/warc/types.js';
import { openWarcWriter } from '../../src/warc/writer.js';
import { browsertrixStyleWarc, wgetStyleWarc, type Packing } from './foreign-warcs.js';
import { fixedClock, htmlExchange, makeTempOut, notModifiedExchange, recordingLogger, scanGzipMembers } from './helpers.js';

const SITE = 'https://www.beauvais.fr';
const HTML = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Beauvais labellisée 5 arobases</title></head>'
  + `<body><div itemprop="articleBody"><p>Pour la 5ème année consécutive…</p>${'<p>Parmi les dernières initiatives :</p>'.repeat(40)}</div></body></html>`;

let out: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ out, cleanup } = await makeTempOut()));
afterEach(() => cleanup());

async function collect(source: string | string[], logger = recordingLogger()): Promise<StoredResponse[]> {
  const all: StoredResponse[] = [];
  for await (const stored of readWarcResponses(source, { logger })) all.push(stored);
  return all;
}

/** Three pages, a same-payload alias and a 304, written by our writer; returns the file path. */
async function writeOwnWarc(): Promise<string> {
  const writer = await openWarcWriter({
    dir: toWarcDir(out), crawlStart: new Date('2026-11-26T10:00:00Z'), software: 'beauvais-archive/0.1.0', crawlOptions: {}, clock: fixedClock('2026-11-26T10:00:00Z'),
  });
  await writer.writeExchange(htmlExchange(`${SITE}/1-a.html`, `${HTML}<!-- 1 -->`, '2026-11-26T10:00:01.000Z'));
  await writer.writeExchange(htmlExchange(`${SITE}/2-b.html`, `${HTML}<!-- 2 -->`, '2026-11-26T10:00:02.000Z'));
  await writer.writeExchange(htmlExchange(`${SITE}/2-alias.html`, `${HTML}<!-- 2 -->`, '2026-11-26T10:00:03.000Z'));
  await writer.writeExchange(notModifiedExchange(`${SITE}/1-a.html`, '2026-11-26T10:00:04.000Z'));
  await writer.writeExchange(htmlExchange(`${SITE}/3-c.html`, `${HTML}<!-- 3 -->`, '2026-11-26T10:00:05.000Z'));
  await writer.close();
  return path.join(out, writer.files()[0] ?? '');
}

describe('readWarcResponses on our own files', () => {
  test('returns responses with their decoded bodies and revisits flagged, skipping requests and warcinfo', async () => {
    const file = await writeOwnWarc();
    const stored = await collect(file);
    expect(stored.map((s) => [s.kind, s.status, s.url])).toEqual([
      ['response', 200, `${SITE}/1-a.html`],
      ['response', 200, `${SITE}/2-b.html`],
      ['revisit', 200, `${SITE}/2-alias.html`],
      ['revisit', 304, `${SITE}/1-a.html`],
      ['response', 200, `${SITE}/3-c.html`],
    ]);
    const [first, second, alias, notModified] = stored;
    expect(first?.body.toString('utf8')).toBe(`${HTML}<!-- 1 -->`);
    expect(first?.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first?.date).toBe('2026-11-26T10:00:01.000Z');
    expect(first?.file).toBe(file);
    expect(alias?.body.length).toBe(0);
    expect(alias?.revisit).toEqual({ profile: PROFILE_IDENTICAL, url: `${SITE}/2-b.html`, date: '2026-11-26T10:00:02.000Z', recordId: second?.recordId });
    expect(notModified?.revisit?.profile).toBe(PROFILE_NOT_MODIFIED);
    expect(new Set(stored.map((s) => s.recordId)).size).toBe(5);
  });

  test('walks a folder for .warc and .warc.gz files in sorted order, ignoring other files', async () => {
    const dir = toWarcDir(out);
    await mkdir(path.join(dir, 'older'), { recursive: true });
    await writeFile(path.join(dir, '20261127T000000Z-00000.warc.gz'), await wgetStyleWarc(`${SITE}/late.html`, HTML, 'gzip-per-record'));
    await writeFile(path.join(dir, '20261126T000000Z-00000.warc'), await wgetStyleWarc(`${SITE}/early.html`, HTML, 'plain'));
    await writeFile(path.join(dir, 'older', 'x.warc.gz'), await wgetStyleWarc(`${SITE}/older.html`, HTML, 'gzip-whole-file'));
    await writeFile(path.join(dir, 'notes.txt'), 'WARC/1.0 not a warc');
    await writeFile(path.join(dir, '20261126T000000Z-00000.warc.gz.open'), 'partial');
    expect((await listWarcFiles(dir)).map((f) => path.relative(dir, f))).toEqual([
      '20261126T000000Z-00000.warc',
      '20261127T000000Z-00000.warc.gz',
      path.join('older', 'x.warc.gz'),
    ]);
    expect((await collect(dir)).map((s) => s.url)).toEqual([`${SITE}/early.html`, `${SITE}/late.html`, `${SITE}/older.html`]);
  });
});

describe('readWarcResponses on files of other tools', () => {
  test.each<Packing>(['gzip-per-record', 'gzip-whole-file', 'plain'])('reads a wget WARC/1.0 (%s) into the real HTML', async (packing) => {
    const file = path.join(out, packing === 'plain' ? 'wget.warc' : 'wget.warc.gz');
    await writeFile(file, await wgetStyleWarc(`${SITE}/actualites/3750-marche.html`, HTML, packing));
    const logger = recordingLogger();
    const stored = await collect([file], logger);
    expect(stored).toHaveLength(1);
    const [page] = stored;
    expect(page?.kind).toBe('response');
    expect(page?.url).toBe(`${SITE}/actualites/3750-marche.html`);
    expect(page?.status).toBe(200);
    expect(page?.date).toBe('2026-11-20T09:15:42Z');
    // De-chunked and gunzipped: the HTML the server meant, accents intact.
    expect(page?.body.toString('utf8')).toBe(HTML);
    // Headers now describe that body.
    expect(page?.headers['content-encoding']).toBeUndefined();
    expect(page?.headers['transfer-encoding']).toBeUndefined();
    expect(page?.headers['x-orig-content-encoding']).toBe('gzip');
    expect(page?.headers['content-length']).toBe(String(Buffer.byteLength(HTML)));
    expect(page?.payloadDigest).toMatch(/^sha1:[A-Z2-7]{32}$/);
    expect(logger.warnings).toEqual([]);
  });

  test('reads a browsertrix WARC/1.1: revisits flagged, header-less revisit has status 0, brotli decoded', async () => {
    const file = path.join(out, 'rec.warc.gz');
    await writeFile(file, await browsertrixStyleWarc(SITE, HTML));
    const stored = await collect([file]);
    expect(stored.map((s) => [s.kind, s.status, s.url])).toEqual([
      ['response', 200, `${SITE}/a.html`],
      ['revisit', 200, `${SITE}/b.html`],
      ['revisit', 0, `${SITE}/c.html`],
      ['response', 200, `${SITE}/br.html`],
    ]);
    expect(stored[1]?.revisit).toMatchObject({ profile: PROFILE_IDENTICAL, url: `${SITE}/a.html`, date: '2026-11-21T08:00:00.000Z' });
    expect(stored[3]?.body.toString('utf8')).toBe(HTML);
    expect(stored[3]?.headers['x-orig-content-encoding']).toBe('br');
  });
});

describe('a torn WARC (crawl killed while writing)', () => {
  /** Cut points inside the last member: just after it starts, mid-way, and one byte short. */
  function cutPoints(start: number, end: number): number[] {
    return [start + 1, start + 10, Math.floor((start + end) / 2), end - 9, end - 1];
  }

  test('a .warc.gz cut inside its last record yields every whole record and one warning', async () => {
    const file = await writeOwnWarc();
    const whole = await readFile(file);
    const members = scanGzipMembers(whole);
    // The last two members are the last page's response and its request.
    const lastResponse = members.at(-2);
    const lastRequest = members.at(-1);
    if (!lastResponse || !lastRequest) throw new Error('no members');
    const complete = (await collect(file)).map((s) => s.url);
    for (const [member, expected] of [
      [lastRequest, complete],
      [lastResponse, complete.slice(0, -1)],
    ] as const) {
      for (const cut of cutPoints(member.start, member.end)) {
        await writeFile(file, whole.subarray(0, cut));
        const logger = recordingLogger();
        expect((await collect(file, logger)).map((s) => s.url), `cut at ${cut}`).toEqual(expected);
        expect(logger.warnings, `cut at ${cut}`).toHaveLength(1);
        expect(logger.warnings[0]).toContain(file);
      }
    }
  });

  test('a plain .warc cut inside its last record yields every whole record and one warning', async () => {
    const plain = gunzipSync(await readFile(await writeOwnWarc()));
    const file = path.join(out, 'plain.warc');
    await writeFile(file, plain);
    const complete = (await collect(file)).map((s) => s.url);
    const lastStart = plain.lastIndexOf('WARC/1.1\r\nWARC-Record-ID');
    // The last record is a request; cut in its WARC headers, its HTTP headers and its end.
    const httpStart = plain.indexOf('GET ', lastStart);
    for (const cut of [lastStart + 5, lastStart + 60, httpStart + 3, plain.length - 10]) {
      await writeFile(file, plain.subarray(0, cut));
      const logger = recordingLogger();
      expect((await collect(file, logger)).map((s) => s.url), `cut at ${cut}`).toEqual(complete);
      expect(logger.warnings, `cut at ${cut}`).toHaveLength(1);
    }
    // Cut inside the last response's body: that page is lost, the others are kept.
    const lastResponse = plain.lastIndexOf('WARC-Type: response');
    await writeFile(file, plain.subarray(0, plain.indexOf('<!DOCTYPE', lastResponse) + 20));
    expect((await collect(file)).map((s) => s.url)).toEqual(complete.slice(0, -1));
  });

  test('a torn file does not stop the files after it', async () => {
    const dir = toWarcDir(out);
    const ours = await writeOwnWarc();
    const whole = await readFile(ours);
    await writeFile(ours, whole.subarray(0, whole.length - 5));
    await writeFile(path.join(dir, 'zz-later.warc.gz'), await wgetStyleWarc(`${SITE}/later.html`, HTML, 'gzip-per-record'));
    const logger = recordingLogger();
    const urls = (await collect(dir, logger)).map((s) => s.url);
    expect(urls.at(-1)).toBe(`${SITE}/later.html`);
    expect(urls).toHaveLength(6);
    expect(logger.warnings).toHaveLength(1);
  });

  test('garbage that is not a WARC at all is reported, not thrown', async () => {
    const file = path.join(out, 'junk.warc.gz');
    await writeFile(file, Buffer.concat([await wgetStyleWarc(`${SITE}/ok.html`, HTML, 'gzip-per-record'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3])]));
    const logger = recordingLogger();
    expect((await collect([file], logger)).map((s) => s.url)).toEqual([`${SITE}/ok.html`]);
    expect(logger.warnings).toHaveLength(1);
  });
});
