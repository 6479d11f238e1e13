import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { WARCParser } from 'warcio';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readPayloadIndex } from '../../src/commands/crawl-warc.js';
import { silentLogger } from '../../src/log.js';
import { payloadDigest } from '../../src/warc/digest.js';
import { toWarcDir } from '../../src/warc/file-name.js';
import { PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED } from '../../src/warc/records.js';
import { openWarcWriter, type WarcWriterOptions } from '../../src/warc/writer.js';
import { fixedClock, htmlExchange, makeTempOut, notModifiedExchange, parseWithWarcio, scanGzipMembers } from './helpers.js';

const SITE = 'https://www.beauvais.fr';
const ARTICLE = `${SITE}/actualites/prochainement-a-beauvais/3750-le-2e-marche-nocturne.html`;
const ALIAS = `${SITE}/index.php?option=com_content&view=article&id=3750&catid=12`;
const HTML = '<html><body><h2 itemprop="headline">Beauvais labellisée 5 arobases</h2><p>Texte.</p></body></html>';
const UUID_ID = /^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}>$/;

let out: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ out, cleanup } = await makeTempOut()));
afterEach(() => cleanup());

function options(extra: Partial<WarcWriterOptions> = {}): WarcWriterOptions {
  return {
    dir: toWarcDir(out),
    crawlStart: new Date('2026-11-26T10:00:00.789Z'),
    software: 'beauvais-archive/0.1.0',
    crawlOptions: { concurrency: 2, delayMs: 1000, userAgent: 'beauvais-archive/0.1.0 (+contact)', warc: true },
    clock: fixedClock('2026-11-26T10:00:00.900Z'),
    ...extra,
  };
}

/** Writes a 200, the same payload under an alias, then a 304 for the first URL. */
async function writeTypicalCrawl() {
  const writer = await openWarcWriter(options());
  const first = await writer.writeExchange(htmlExchange(ARTICLE, HTML, '2026-11-26T10:00:01.250Z'));
  const again = await writer.writeExchange(htmlExchange(ALIAS, HTML, '2026-11-26T10:00:02.500Z'));
  const notModified = await writer.writeExchange(notModifiedExchange(ARTICLE, '2026-11-26T10:00:03.000Z'));
  await writer.close();
  return { writer, first, again, notModified, file: path.join(out, first.file) };
}

describe('openWarcWriter', () => {
  test('names the file after the crawl start and returns refs relative to <out>', async () => {
    const { first, again, notModified, writer } = await writeTypicalCrawl();
    expect(first.file).toBe('warc/20261126T100000Z-00000.warc.gz');
    expect(again.file).toBe(first.file);
    expect(notModified.file).toBe(first.file);
    expect(writer.files()).toEqual([first.file]);
    expect(await readdir(toWarcDir(out))).toEqual(['20261126T100000Z-00000.warc.gz']);
  });

  test('writes warcinfo first, naming the tool, its version and the crawl options', async () => {
    const { file } = await writeTypicalCrawl();
    const [info] = await parseWithWarcio(file);
    expect(info?.record.warcType).toBe('warcinfo');
    expect(info?.record.warcHeader('WARC-Filename')).toBe('20261126T100000Z-00000.warc.gz');
    expect(info?.record.warcDate).toBe('2026-11-26T10:00:00.900Z');
    const fields = info?.payload.toString('utf8') ?? '';
    expect(fields).toContain('software: beauvais-archive/0.1.0\r\n');
    const optionsLine = /^crawl-options: (.*)\r$/m.exec(fields)?.[1];
    expect(JSON.parse(optionsLine ?? 'null')).toEqual(options().crawlOptions);
  });

  test('records response, identical-payload revisit and server-not-modified revisit, each with its request', async () => {
    const { file, first, again, notModified } = await writeTypicalCrawl();
    const records = (await parseWithWarcio(file)).map((p) => p.record);
    expect(records.map((r) => [r.warcType, r.warcTargetURI])).toEqual([
      ['warcinfo', null],
      ['response', ARTICLE],
      ['request', ARTICLE],
      ['revisit', ALIAS],
      ['request', ALIAS],
      ['revisit', ARTICLE],
      ['request', ARTICLE],
    ]);
    const [, response, request1, revisit, request2, notModifiedRecord, request3] = records;
    expect(response?.warcHeader('WARC-Record-ID')).toBe(first.recordId);
    expect(revisit?.warcHeader('WARC-Record-ID')).toBe(again.recordId);
    expect(notModifiedRecord?.warcHeader('WARC-Record-ID')).toBe(notModified.recordId);
    // Each request names the record of its response.
    expect(request1?.warcConcurrentTo).toEqual([first.recordId]);
    expect(request2?.warcConcurrentTo).toEqual([again.recordId]);
    expect(request3?.warcConcurrentTo).toEqual([notModified.recordId]);
    // WARC-Date is when the exchange started, as the fetcher said.
    expect(records.slice(1).map((r) => r.warcDate)).toEqual([
      '2026-11-26T10:00:01.250Z', '2026-11-26T10:00:01.250Z',
      '2026-11-26T10:00:02.500Z', '2026-11-26T10:00:02.500Z',
      '2026-11-26T10:00:03.000Z', '2026-11-26T10:00:03.000Z',
    ]);
    const ids = records.map((r) => r.warcHeader('WARC-Record-ID'));
    for (const id of ids) expect(id).toMatch(UUID_ID);
    expect(new Set(ids).size).toBe(ids.length);

    expect(revisit?.warcHeader('WARC-Profile')).toBe(PROFILE_IDENTICAL);
    expect(revisit?.warcRefersToTargetURI).toBe(ARTICLE);
    expect(revisit?.warcRefersToDate).toBe('2026-11-26T10:00:01.250Z');
    expect(revisit?.warcHeader('WARC-Refers-To')).toBe(first.recordId);
    expect(revisit?.warcPayloadDigest).toBe(response?.warcPayloadDigest);
    // The writer hands back the digest it wrote, so the recorder need not hash the body again.
    expect([first.payloadDigest, again.payloadDigest]).toEqual([response?.warcPayloadDigest, response?.warcPayloadDigest]);
    expect(notModified.payloadDigest).toBeUndefined();

    expect(notModifiedRecord?.warcHeader('WARC-Profile')).toBe(PROFILE_NOT_MODIFIED);
    expect(notModifiedRecord?.httpHeaders?.statusCode).toBe(304);
    // The 304 points at the last stored response of its URL.
    expect(notModifiedRecord?.warcRefersToTargetURI).toBe(ARTICLE);
    expect(notModifiedRecord?.warcHeader('WARC-Refers-To')).toBe(first.recordId);
  });

  test('Content-Length, block digest and payload digest match the bytes in the file', async () => {
    const { file } = await writeTypicalCrawl();
    const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
    const blocks = await parseWithWarcio(file, false);
    expect(blocks).toHaveLength(7);
    for (const { record, payload } of blocks) {
      expect(payload.length).toBe(record.warcContentLength);
      if (record.warcType !== 'warcinfo') expect(record.warcBlockDigest).toBe(sha256(payload));
    }
    const withHttp = await parseWithWarcio(file, true);
    const response = withHttp.find((p) => p.record.warcType === 'response');
    expect(response?.payload.toString('utf8')).toBe(HTML);
    expect(response?.record.warcPayloadDigest).toBe(sha256(Buffer.from(HTML)));
    // The digest function `verify` uses gives the same string.
    expect(payloadDigest(Buffer.from(HTML))).toBe(response?.record.warcPayloadDigest);
  });

  test('stores the decoded body with headers that describe it, keeping the originals', async () => {
    const { file } = await writeTypicalCrawl();
    const response = (await parseWithWarcio(file)).find((p) => p.record.warcType === 'response');
    const headers = response?.record.httpHeaders?.headers;
    expect(headers?.get('content-encoding')).toBeNull();
    expect(headers?.get('x-orig-content-encoding')).toBe('gzip');
    expect(headers?.get('content-length')).toBe(String(Buffer.byteLength(HTML)));
    expect(headers?.get('x-orig-content-length')).toBe('123');
    expect(headers?.get('etag')).toBe('"v1"');
    expect(response?.record.httpHeaders?.statusline).toBe('HTTP/1.1 200 OK');
  });

  test('writes every record as its own gzip member', async () => {
    const { file } = await writeTypicalCrawl();
    const members = scanGzipMembers(await readFile(file));
    const records = await parseWithWarcio(file);
    expect(members).toHaveLength(records.length);
    for (const [i, member] of members.entries()) {
      // Each member alone holds one whole record: the one at the same position in the file.
      const inside = [];
      for await (const r of new WARCParser([member.data])) inside.push(r.warcHeader('WARC-Record-ID'));
      expect(inside).toEqual([records[i]?.record.warcHeader('WARC-Record-ID')]);
    }
  });

  test('rotates to -00001 once a file has passed maxFileBytes, each file starting with warcinfo', async () => {
    const writer = await openWarcWriter(options({ maxFileBytes: 1 }));
    const a = await writer.writeExchange(htmlExchange(`${SITE}/a.html`, '<p>a</p>'));
    const b = await writer.writeExchange(htmlExchange(`${SITE}/b.html`, '<p>b</p>'));
    const c = await writer.writeExchange(htmlExchange(`${SITE}/c.html`, '<p>c</p>'));
    await writer.close();
    expect([a.file, b.file, c.file]).toEqual([
      'warc/20261126T100000Z-00000.warc.gz',
      'warc/20261126T100000Z-00001.warc.gz',
      'warc/20261126T100000Z-00002.warc.gz',
    ]);
    expect(writer.files()).toEqual([a.file, b.file, c.file]);
    for (const ref of [a, b, c]) {
      const types = (await parseWithWarcio(path.join(out, ref.file))).map((p) => p.record.warcType);
      expect(types).toEqual(['warcinfo', 'response', 'request']);
    }
  });

  test('keeps exchanges together in one file until the size limit is passed', async () => {
    const writer = await openWarcWriter(options({ maxFileBytes: 2_000 }));
    const refs = [];
    for (let i = 0; i < 12; i++) refs.push(await writer.writeExchange(htmlExchange(`${SITE}/${i}.html`, `<p>${i} ${'x'.repeat(200 + i)}</p>`)));
    await writer.close();
    const files = [...new Set(refs.map((r) => r.file))];
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThan(12);
    for (const file of files) {
      const stored = await parseWithWarcio(path.join(out, file));
      expect(stored[0]?.record.warcType).toBe('warcinfo');
      // Every ref names the file its record is really in.
      const ids = stored.map((p) => p.record.warcHeader('WARC-Record-ID'));
      for (const ref of refs.filter((r) => r.file === file)) expect(ids).toContain(ref.recordId);
    }
  });

  test('serialises concurrent writes: all records readable, one response per distinct payload', async () => {
    const writer = await openWarcWriter(options());
    const urls = Array.from({ length: 30 }, (_, i) => `${SITE}/page-${i}.html`);
    // Three distinct payloads over thirty pages, all written at once.
    const refs = await Promise.all(urls.map((url, i) => writer.writeExchange(htmlExchange(url, `<p>payload ${i % 3}</p>`))));
    await writer.close();
    const records = (await parseWithWarcio(path.join(out, refs[0]?.file ?? ''))).map((p) => p.record);
    expect(records.filter((r) => r.warcType === 'response')).toHaveLength(3);
    expect(records.filter((r) => r.warcType === 'revisit')).toHaveLength(27);
    expect(records.filter((r) => r.warcType === 'request')).toHaveLength(30);
    const ids = new Set(records.map((r) => r.warcHeader('WARC-Record-ID')));
    for (const ref of refs) expect(ids).toContain(ref.recordId);
  });

  test('does not deduplicate empty payloads (redirects)', async () => {
    const writer = await openWarcWriter(options());
    const redirect = (url: string, to: string) =>
      htmlExchange(url, '', undefined, { status: 301, statusText: 'Moved Permanently', responseHeaders: { location: to } });
    await writer.writeExchange(redirect(`${SITE}/a`, `${SITE}/a.html`));
    await writer.writeExchange(redirect(`${SITE}/b`, `${SITE}/b.html`));
    await writer.close();
    const records = (await parseWithWarcio(path.join(out, writer.files()[0] ?? ''))).map((p) => p.record);
    expect(records.filter((r) => r.warcType === 'response').map((r) => r.httpHeaders?.headers.get('location'))).toEqual([
      `${SITE}/a.html`,
      `${SITE}/b.html`,
    ]);
  });

  test('turns a payload stored by an earlier run into a revisit pointing at it', async () => {
    const run1 = await openWarcWriter(options());
    const original = await run1.writeExchange(htmlExchange(ARTICLE, HTML, '2026-11-26T10:00:01.250Z'));
    await run1.close();

    // Both ways of carrying the digests over: the writer's own map, or the files of <out>.
    const { payloads: fromFiles } = await readPayloadIndex(out, silentLogger);
    expect([...fromFiles]).toEqual([...run1.knownPayloads()]);
    expect(fromFiles.get(payloadDigest(Buffer.from(HTML)))).toEqual({
      url: ARTICLE,
      date: '2026-11-26T10:00:01.250Z',
      recordId: original.recordId,
      file: original.file,
    });

    const run2 = await openWarcWriter(options({ crawlStart: new Date('2026-11-27T08:30:00Z'), knownDigests: fromFiles }));
    const later = await run2.writeExchange(htmlExchange(ARTICLE, HTML, '2026-11-27T08:30:05.000Z'));
    await run2.close();
    expect(later.file).toBe('warc/20261127T083000Z-00000.warc.gz');
    const revisit = (await parseWithWarcio(path.join(out, later.file))).find((p) => p.record.warcType === 'revisit')?.record;
    expect(revisit?.warcHeader('WARC-Record-ID')).toBe(later.recordId);
    expect(revisit?.warcRefersToDate).toBe('2026-11-26T10:00:01.250Z');
    expect(revisit?.warcHeader('WARC-Refers-To')).toBe(original.recordId);
  });

  test('a 304 with no earlier payload known refers to nothing; an explicit previous one is named', async () => {
    const writer = await openWarcWriter(options());
    const bare = await writer.writeNotModified(notModifiedExchange(ARTICLE, '2026-11-26T10:00:03.000Z'));
    const previous = { url: ARTICLE, date: '2026-11-20T09:00:00Z', recordId: '<urn:uuid:00000000-0000-4000-8000-000000000001>', file: 'warc/x.warc.gz' };
    const named = await writer.writeNotModified(notModifiedExchange(ARTICLE, '2026-11-26T10:00:04.000Z'), previous);
    await writer.close();
    const records = (await parseWithWarcio(path.join(out, bare.file))).map((p) => p.record);
    const byId = (id: string) => records.find((r) => r.warcHeader('WARC-Record-ID') === id);
    expect(byId(bare.recordId)?.warcHeader('WARC-Profile')).toBe(PROFILE_NOT_MODIFIED);
    expect(byId(bare.recordId)?.warcRefersToTargetURI).toBeNull();
    expect(byId(named.recordId)?.warcRefersToDate).toBe('2026-11-20T09:00:00Z');
    expect(byId(named.recordId)?.warcHeader('WARC-Refers-To')).toBe(previous.recordId);
  });

  test('a 304 finds the earlier response of its URL even when the URL was not normalised', async () => {
    const writer = await openWarcWriter(options());
    // warcio writes "https://www.beauvais.fr/" as the target of "https://www.beauvais.fr".
    const home = await writer.writeExchange(htmlExchange(SITE, HTML));
    const again = await writer.writeExchange(notModifiedExchange(SITE, '2026-11-26T10:00:03.000Z'));
    await writer.close();
    const revisit = (await parseWithWarcio(path.join(out, again.file))).find((p) => p.record.warcHeader('WARC-Record-ID') === again.recordId);
    expect(revisit?.record.warcHeader('WARC-Refers-To')).toBe(home.recordId);
  });

  test('writes crawl options JSON cannot hold (a RegExp, a bigint) readably', async () => {
    const writer = await openWarcWriter(options({ crawlOptions: { include: /\/actualites\//, maxBytes: 10n } }));
    const ref = await writer.writeExchange(htmlExchange(ARTICLE, HTML));
    await writer.close();
    const fields = (await parseWithWarcio(path.join(out, ref.file)))[0]?.payload.toString('utf8') ?? '';
    const optionsLine = /^crawl-options: (.*)\r$/m.exec(fields)?.[1];
    expect(JSON.parse(optionsLine ?? 'null')).toEqual({ include: '/\\/actualites\\//', maxBytes: '10' });
  });

  test('never appends to a file of another run that started the same second', async () => {
    await mkdir(toWarcDir(out), { recursive: true });
    const foreign = path.join(toWarcDir(out), '20261126T100000Z-00000.warc.gz');
    await writeFile(foreign, 'not ours');
    const writer = await openWarcWriter(options());
    const ref = await writer.writeExchange(htmlExchange(ARTICLE, HTML));
    await writer.close();
    expect(ref.file).toBe('warc/20261126T100000Z-00001.warc.gz');
    expect(await readFile(foreign, 'utf8')).toBe('not ours');
  });

  test('rejects writes after close', async () => {
    const writer = await openWarcWriter(options());
    await writer.close();
    await expect(writer.writeExchange(htmlExchange(ARTICLE, HTML))).rejects.toThrow(/closed/);
  });
});
