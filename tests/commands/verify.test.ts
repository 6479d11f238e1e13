/**
 * `verify`, in-process, on archives rebuilt from WARC files our writer made: each check is shown to
 * pass on a sound archive and to name the file when it fails. Problems are NDJSON on stdout.
 */
import { cp, mkdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderArchiveFile } from '../../src/archive/front-matter.js';
import { makeTempOut } from '../warc/helpers.js';
import { archiveFiles, editEntry, fixturePage, PAGES, pageExchange, readEntry, runMain, SITE, writeOwnWarc } from './rebuild-fixtures.js';

let root: string;
let cleanup: () => Promise<void>;
let out: string;
let captures: string;
beforeEach(async () => {
  ({ out: root, cleanup } = await makeTempOut());
  out = path.join(root, 'archive');
  captures = path.join(root, 'captures', 'warc');
  await mkdir(captures, { recursive: true });
});
afterEach(() => cleanup());

const verify = async () => {
  const result = await runMain(['verify', '--out', out]);
  return { ...result, problems: result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { path: string; problem: string }) };
};

/** An archive of two articles rebuilt from one WARC file; returns the archive files (3751, 3790). */
async function soundArchive(): Promise<{ arobases: string; travaux: string }> {
  await writeOwnWarc(captures, '2026-11-20T08:00:00Z', [
    await pageExchange(PAGES.arobases, '2026-11-20T08:00:01.000Z'),
    await pageExchange(PAGES.travaux, '2026-11-20T08:00:02.000Z'),
  ]);
  expect((await runMain(['rebuild', '--from', captures, '--out', out])).code).toBe(0);
  const files = await archiveFiles(out);
  const ids = await Promise.all(files.map(async (f) => (await readEntry(out, f)).id));
  return { arobases: files[ids.indexOf('3751')] ?? '', travaux: files[ids.indexOf('3790')] ?? '' };
}

describe('verify', () => {
  it('passes on a sound archive: nothing on stdout, exit 0', async () => {
    await soundArchive();
    const result = await verify();
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('verify summary: 2 archive files, all checks passed\n');
    expect(result.code).toBe(0);
  });

  it('exits 1 when there is no archive folder', async () => {
    const result = await runMain(['verify', '--out', path.join(root, 'nowhere')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no archive folder/);
    expect(result.stdout).toBe('');
  });

  it('reports an edited body, a file that does not parse and a missing history file', async () => {
    const { arobases, travaux } = await soundArchive();
    const entry = await readEntry(out, arobases);
    await editEntry(out, arobases, { markdown: entry.markdown.replace('hier', 'avant-hier') });
    await editEntry(out, travaux, { history: ['.history/3790/2026-11-19T08-00-00.000Z.md'] });
    await writeFile(path.join(out, '2018/03/2018-03-01-brouillon.md'), 'no front matter\n');
    const { code, problems } = await verify();
    expect(code).toBe(3);
    expect(problems).toEqual([
      { path: arobases, problem: expect.stringMatching(/^contentHash does not match the text/) },
      { path: travaux, problem: 'history file .history/3790/2026-11-19T08-00-00.000Z.md is missing' },
      { path: '2018/03/2018-03-01-brouillon.md', problem: expect.stringMatching(/^unreadable: no front matter/) },
    ].sort((a, b) => (a.path < b.path ? -1 : 1)));
  });

  it('reports a history path leaving the archive or naming a folder as missing, and checks the media of a history file', async () => {
    const { travaux } = await soundArchive();
    const entry = await readEntry(out, travaux);
    const kept = '.history/3790/2026-11-19T08-00-00.000Z.md';
    const media = { url: 'https://www.beauvais.fr/images/plan.jpg', path: `media/${'a'.repeat(64)}-plan.jpg`, sha256: 'a'.repeat(64), type: 'image/jpeg', bytes: 3 };
    await mkdir(path.join(out, '.history', '3790', 'dossier.md'), { recursive: true });
    await writeFile(path.join(out, kept), renderArchiveFile({ ...entry, history: [], media: [media] }));
    await writeFile(path.join(root, 'dehors.md'), renderArchiveFile({ ...entry, history: [] }));
    await editEntry(out, travaux, { history: ['../dehors.md', '.history/3790/dossier.md', kept] });
    const { code, problems } = await verify();
    expect(code).toBe(3);
    expect(problems).toEqual([
      { path: kept, problem: `media file ${media.path} (${media.url}) is missing` },
      { path: travaux, problem: 'history file ../dehors.md is missing' },
      { path: travaux, problem: 'history file .history/3790/dossier.md is missing' },
    ]);
  });

  it('reports the same article twice, and the same text under two ids', async () => {
    const { arobases, travaux } = await soundArchive();
    const copy = arobases.replace(/\.md$/, '-bis.md');
    await cp(path.join(out, arobases), path.join(out, copy));
    const twin = travaux.replace(/\.md$/, '-jumeau.md');
    await cp(path.join(out, travaux), path.join(out, twin));
    await editEntry(out, twin, { id: '9999' });
    const { code, problems } = await verify();
    expect(code).toBe(3);
    // Each file of a pair names the other (in path order: "-bis.md" sorts before ".md"); a copy under
    // the same id is not reported a second time for its text.
    const hash = (await readEntry(out, travaux)).contentHash;
    expect(problems).toEqual([
      { path: copy, problem: `duplicate: article 3751 is also archived in ${arobases}` },
      { path: arobases, problem: `duplicate: article 3751 is also archived in ${copy}` },
      { path: twin, problem: `duplicate: the same text (${hash}) is also archived in ${travaux}, under another id` },
      { path: travaux, problem: `duplicate: the same text (${hash}) is also archived in ${twin}, under another id` },
    ]);
  });

  it('reports a missing WARC file, a missing record and a reference leaving the archive', async () => {
    const { arobases, travaux } = await soundArchive();
    const ref = (await readEntry(out, arobases)).warc;
    await editEntry(out, arobases, { warc: { file: 'warc/gone.warc.gz', recordId: ref?.recordId ?? '' } });
    await editEntry(out, travaux, { warc: { file: ref?.file ?? '', recordId: '<urn:uuid:00000000-0000-4000-8000-000000000000>' } });
    const outside = arobases.replace(/\.md$/, '-ailleurs.md');
    await cp(path.join(out, arobases), path.join(out, outside));
    await editEntry(out, outside, { id: '1', warc: { file: '../captures/warc/x.warc.gz', recordId: 'x' } });
    const { problems } = await verify();
    expect(problems).toContainEqual({ path: arobases, problem: 'WARC file warc/gone.warc.gz is missing' });
    expect(problems).toContainEqual({ path: travaux, problem: `WARC record <urn:uuid:00000000-0000-4000-8000-000000000000> is not in ${ref?.file}` });
    expect(problems).toContainEqual({ path: outside, problem: 'WARC file ../captures/warc/x.warc.gz is outside the archive' });
  });

  it('recomputes the payload digest of our own records and reports a mismatch', async () => {
    await soundArchive();
    const html = await fixturePage(PAGES.conseil);
    const record = WARCRecord.create(
      { url: `${SITE}${PAGES.conseil}`, date: '2026-11-22T08:00:00.000Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'content-type': 'text/html; charset=utf-8' } },
      [Buffer.from(html)],
    );
    // A digest that is not the payload's (a bit flipped on disk would give the same).
    record.warcHeaders.headers.set('WARC-Payload-Digest', `sha256:${'0'.repeat(64)}`);
    const own = path.join(root, 'damaged', 'warc', '20261122T080000Z-00000.warc.gz');
    await mkdir(path.dirname(own), { recursive: true });
    await writeFile(own, await WARCSerializer.serialize(record, { gzip: true }));
    const rebuilt = await runMain(['rebuild', '--from', own, '--out', out]);
    expect(rebuilt.stderr).toMatch(/new 1/);
    const file = (await archiveFiles(out)).find((f) => f.includes('conseil')) ?? '';
    const { code, problems } = await verify();
    expect(code).toBe(3);
    expect(problems).toEqual([{ path: file, problem: expect.stringMatching(/^the payload of WARC record <urn:uuid:.*> does not match its digest sha256:0{64}$/) }]);
  });

  it('follows a revisit to the response holding its payload, and reports it when that is gone', async () => {
    const { arobases } = await soundArchive();
    const first = await writeOwnWarc(path.join(out, 'warc'), '2026-11-20T08:00:00Z', [await pageExchange(PAGES.arobases, '2026-11-20T08:00:01.000Z')]);
    const second = await writeOwnWarc(path.join(out, 'warc'), '2026-11-21T08:00:00Z', [await pageExchange(PAGES.arobases, '2026-11-21T08:00:01.000Z')], first.known);
    const revisit = second.refs[0];
    expect(revisit?.file).not.toBe(first.refs[0]?.file);
    await editEntry(out, arobases, { warc: revisit });
    expect((await verify()).code).toBe(0);

    await rm(path.join(out, first.refs[0]?.file ?? ''));
    const { code, problems } = await verify();
    expect(code).toBe(3);
    expect(problems).toEqual([{ path: arobases, problem: `revisit ${revisit?.recordId} refers to ${first.refs[0]?.recordId}, which is in no WARC file of the archive` }]);
  });

  it('reports a torn WARC file under its own path', async () => {
    const { arobases } = await soundArchive();
    const ref = (await readEntry(out, arobases)).warc;
    // A crawl killed mid-write: the last gzip member (3790's request record) is cut short.
    const file = path.join(out, ref?.file ?? '');
    await truncate(file, (await stat(file)).size - 40);
    const { code, problems } = await verify();
    expect(code).toBe(3);
    expect(problems).toEqual([{ path: ref?.file, problem: expect.stringMatching(/^torn gzip member at offset \d+/) }]);
  });
});
