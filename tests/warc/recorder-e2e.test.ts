/**
 * The crawl's WARC recorder (src/commands/crawl-warc.ts) between the real fetcher and a node:http
 * server on 127.0.0.1: each page gets the record of its own response even when two fetches end at
 * one URL at once; later runs write revisits from the payload index, and still do when the index is
 * lost or damaged; the archive.yaml setting.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readArchiveSettings } from '../../src/commands/archive-settings.js';
import { openWarcRecorder, warcSettings, type WarcRecorder } from '../../src/commands/crawl-warc.js';
import { UsageError } from '../../src/errors.js';
import { createDispatcher, createFetcher } from '../../src/http/fetch.js';
import type { FetchOk, FetchResult, Validators } from '../../src/http/types.js';
import { PAYLOAD_INDEX_FILE } from '../../src/warc/file-name.js';
import { findRecord } from '../../src/warc/find.js';
import { readWarcFile } from '../../src/warc/read-file.js';
import { PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED } from '../../src/warc/records.js';
import { createFakeClock } from '../http/helpers/fake-clock.js';
import { makeTempOut, recordingLogger } from './helpers.js';

const SAME = Buffer.from('<html><body><p>Toujours la même page.</p></body></html>');
const ETAG = `"${createHash('sha1').update(SAME).digest('hex').slice(0, 12)}"`;
let server: Server;
let base: string;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/old.html') return void res.writeHead(301, { location: '/page.html' }).end();
    if (req.url === '/page.html') {
      // Every answer differs, and the first one is the slowest: two fetches overlap and finish out of order.
      const n = ++hits;
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><p>Réponse ${n}</p></body></html>`), n === 1 ? 80 : 0);
      return;
    }
    if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
    res.writeHead(200, { 'content-type': 'text/html', etag: ETAG }).end(SAME);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let out: string;
let cleanup: () => Promise<void>;
let dispatcher: Dispatcher;
beforeEach(async () => {
  ({ out, cleanup } = await makeTempOut());
  dispatcher = createDispatcher({ connections: 4 });
});
afterEach(async () => {
  await dispatcher.close();
  await cleanup();
});

/** One "run": a recorder and a fetcher wired as the crawl wires them. */
async function openRun(logger = recordingLogger()) {
  const clock = createFakeClock();
  const recorder: WarcRecorder = await openWarcRecorder({
    outDir: out, crawlStart: new Date(clock.now()), software: 'beauvais-archive/test', crawlOptions: {}, clock, logger,
  });
  const fetcher = createFetcher({
    dispatcher, userAgent: 'beauvais-archive/test', timeoutMs: 5000, retries: 0, isInScope: () => true, clock, logger, onExchange: recorder.onExchange,
  });
  const fetchPage = (sitePath: string, validators?: Validators) => fetcher.fetch(`${base}${sitePath}`, { validators });
  return { recorder, fetchPage, logger };
}

function ok(result: FetchResult): FetchOk {
  if (result.kind !== 'ok') throw new Error(`expected a 200, got ${result.kind}`);
  return result;
}

describe('the crawl recorder', () => {
  it('gives each page the record of its own response, even when two fetches end at one URL at once', async () => {
    hits = 0;
    const { recorder, fetchPage } = await openRun();
    const [direct, redirected] = (await Promise.all([fetchPage('/page.html'), fetchPage('/old.html')])).map(ok);
    expect(redirected?.finalUrl).toBe(direct?.finalUrl);
    expect(direct?.body.equals(redirected?.body ?? Buffer.alloc(0))).toBe(false);
    for (const result of [direct, redirected]) {
      const ref = await recorder.refFor(result as FetchOk);
      // Written before refFor resolves: the save that follows can name it safely.
      const record = await findRecord(out, ref ?? { file: '', recordId: '' });
      expect(record?.kind).toBe('response');
      expect(record?.body.toString()).toBe(result?.body.toString());
    }
    await recorder.close();
  });

  it('writes revisits in the next run from the payload index, and again when the index is lost or damaged', async () => {
    const first = await openRun();
    const original = await first.recorder.refFor(ok(await first.fetchPage('/same.html')));
    await first.recorder.close();

    const cases: Array<[string, () => Promise<void>]> = [
      ['with the index', async () => {}],
      ['without it', () => rm(path.join(out, 'warc', PAYLOAD_INDEX_FILE))],
      ['with a damaged one', () => writeFile(path.join(out, 'warc', PAYLOAD_INDEX_FILE), '{"format": "beauvais-archive-warc-pay')],
    ];
    for (const [label, damage] of cases) {
      await damage();
      const run = await openRun();
      const ref = await run.recorder.refFor(ok(await run.fetchPage('/same.html')));
      await run.recorder.close();
      const record = await findRecord(out, ref ?? { file: '', recordId: '' });
      expect([label, record?.kind, record?.revisit?.profile, record?.revisit?.recordId]).toEqual([label, 'revisit', PROFILE_IDENTICAL, original?.recordId]);
      if (label === 'with a damaged one') expect(run.logger.warnings.join('\n')).toMatch(/payloads\.json is damaged/);
    }
  });

  it('refers a 304 to the response that holds the payload, and stores a payload again once its file is gone', async () => {
    const first = await openRun();
    const original = await first.recorder.refFor(ok(await first.fetchPage('/same.html')));
    // Another URL with the same payload: a revisit, whose 304 later must still reach the payload.
    await first.recorder.refFor(ok(await first.fetchPage('/alias.html')));
    await first.recorder.close();

    const second = await openRun();
    const results = await Promise.all([second.fetchPage('/same.html', { etag: ETAG }), second.fetchPage('/alias.html', { etag: ETAG })]);
    expect(results.map((r) => r.kind)).toEqual(['not-modified', 'not-modified']);
    await second.recorder.close();
    const index = JSON.parse(await readFile(path.join(out, 'warc', PAYLOAD_INDEX_FILE), 'utf8')) as { files: string[] };
    const { files } = index;
    expect(files).toHaveLength(2);
    const revisits = [];
    for await (const record of readWarcFile(path.join(out, files[1] ?? ''))) revisits.push(record);
    expect(revisits.map((r) => [r.status, r.revisit?.profile, r.revisit?.recordId])).toEqual([
      [304, PROFILE_NOT_MODIFIED, original?.recordId],
      [304, PROFILE_NOT_MODIFIED, original?.recordId],
    ]);

    await rm(path.join(out, original?.file ?? ''));
    const third = await openRun();
    const ref = await third.recorder.refFor(ok(await third.fetchPage('/same.html')));
    await third.recorder.close();
    expect((await findRecord(out, ref ?? { file: '', recordId: '' }))?.kind).toBe('response');
  });
});

describe('warcSettings', () => {
  it.each<[string | null, boolean | undefined, { enabled: boolean; maxFileBytes: number | undefined }]>([
    [null, undefined, { enabled: false, maxFileBytes: undefined }],
    [null, true, { enabled: true, maxFileBytes: undefined }],
    ['warc: true\n', undefined, { enabled: true, maxFileBytes: undefined }],
    ['warc: true\n', false, { enabled: false, maxFileBytes: undefined }],
    ['warc: false\n', true, { enabled: true, maxFileBytes: undefined }],
    ['warc: true\nwarcMaxFileMB: 0.5\n', undefined, { enabled: true, maxFileBytes: 524_288 }],
    ['# nothing set\n', undefined, { enabled: false, maxFileBytes: undefined }],
  ])('archive.yaml %j with the flag %j', async (yaml, flag, expected) => {
    if (yaml !== null) await writeFile(path.join(out, 'archive.yaml'), yaml);
    expect(warcSettings(await readArchiveSettings(out), flag)).toEqual(expected);
  });

  it.each([
    ['warc: yes please\n', /"warc" must be true or false/],
    ['warcMaxFileMB: -1\n', /"warcMaxFileMB" must be a positive number/],
    ['- warc\n', /must be a mapping/],
    ['warc: [\n', /not valid YAML/],
  ])('rejects %j as a usage error naming the file', async (yaml, message) => {
    await writeFile(path.join(out, 'archive.yaml'), yaml);
    const error = await readArchiveSettings(out).then((archive) => warcSettings(archive, undefined)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(String((error as Error).message)).toMatch(message);
    expect(String((error as Error).message)).toContain('archive.yaml');
  });
});
