/**
 * `rebuild`: the archive from WARC files alone, in-process. Our own files (latest capture wins,
 * redirects and links give aliases, an older capture never replaces a newer version) and files of
 * other tools (wget's WARC/1.0 with chunked gzip payloads, in three packings).
 */
import { mkdir, readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WARCParser } from 'warcio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browsertrixStyleWarc, wgetStyleWarc, type Packing } from '../warc/foreign-warcs.js';
import { makeTempOut, scanGzipMembers } from '../warc/helpers.js';
import { archiveFiles, fixturePage, PAGES, pageExchange, readEntry, redirectExchange, runMain, SITE, writeOwnWarc } from './rebuild-fixtures.js';

let root: string;
let cleanup: () => Promise<void>;
let out: string;
let sources: string;
beforeEach(async () => {
  ({ out: root, cleanup } = await makeTempOut());
  out = path.join(root, 'archive');
  sources = path.join(root, 'captures', 'warc');
  await mkdir(sources, { recursive: true });
});
afterEach(() => cleanup());

const rebuild = (...args: string[]) => runMain(['rebuild', '--out', out, ...args]);
const NEW_TEXT = (html: string) => html.replace('a dévoilé hier', 'a dévoilé mardi');

describe('rebuild from our own WARC files', () => {
  it('archives the latest 200 capture of each article, dated by its WARC-Date, referring to its record', async () => {
    const { files, refs } = await writeOwnWarc(sources, '2026-11-20T08:00:00Z', [
      await pageExchange(PAGES.arobases, '2026-11-20T08:00:01.000Z'),
      await pageExchange(PAGES.arobases, '2026-11-21T08:00:01.000Z', NEW_TEXT),
      await pageExchange(PAGES.travaux, '2026-11-21T08:00:02.000Z'),
    ]);
    const result = await rebuild('--from', sources, '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/rebuild summary: WARC files 1, records 3, pages 2, new 2, updated 0/);
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => [r.id, r.change])).toEqual([['3751', 'new'], ['3790', 'new']]);

    const arobases = await readEntry(out, String(records[0]?.path));
    expect(arobases.markdown).toContain('a dévoilé mardi');
    expect(arobases.fetchedAt).toBe('2026-11-21T08:00:01.000Z');
    expect(arobases.history).toEqual([]);
    // Copied into the archive under its own name, so the reference stays valid where the archive goes.
    const name = path.basename(files[0] ?? '');
    expect(arobases.warc).toEqual({ file: `warc/${name}`, recordId: refs[1]?.recordId });
    expect(await readFile(path.join(out, 'warc', name))).toEqual(await readFile(files[0] ?? ''));
  });

  it('gives an article the URLs that redirect to it and the other URLs pages link to', async () => {
    const listing = (await fixturePage(PAGES.listing)).replace('</body>', '<a href="/index.php?option=com_content&view=article&id=3790&catid=8">Travaux</a></body>');
    await writeOwnWarc(sources, '2026-11-20T08:00:00Z', [
      redirectExchange('/ancienne-adresse.html', PAGES.travaux, '2026-11-20T08:00:01.000Z'),
      await pageExchange(PAGES.travaux, '2026-11-20T08:00:02.000Z'),
      { ...(await pageExchange(PAGES.listing, '2026-11-20T08:00:03.000Z')), body: Buffer.from(listing) },
    ]);
    expect((await rebuild('--from', sources)).code).toBe(0);
    const [file] = await archiveFiles(out);
    const entry = await readEntry(out, file ?? '');
    expect(entry.id).toBe('3790');
    expect(entry.aliases).toEqual(expect.arrayContaining([
      `${SITE}/ancienne-adresse.html`,
      `${SITE}/index.php?catid=8&id=3790&option=com_content&view=article`,
    ]));
    expect(entry.aliases).not.toContain(entry.url);
  });

  it('leaves a newer archived version alone when given an older capture, and refreshes nothing twice', async () => {
    await writeOwnWarc(sources, '2026-11-21T08:00:00Z', [await pageExchange(PAGES.arobases, '2026-11-21T08:00:01.000Z', NEW_TEXT)]);
    expect((await rebuild('--from', sources)).code).toBe(0);
    const [file] = await archiveFiles(out);
    const before = await readFile(path.join(out, file ?? ''));

    const old = path.join(root, 'old', 'warc');
    await writeOwnWarc(old, '2019-05-01T08:00:00Z', [await pageExchange(PAGES.arobases, '2019-05-01T08:00:01.000Z')]);
    const result = await rebuild('--from', old, '--json');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/older than the archive 1/);
    expect(await readFile(path.join(out, file ?? ''))).toEqual(before);

    const again = await rebuild('--from', path.join(out, 'warc'), '--json');
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/new 0, updated 0, unchanged 1/);
    // A file already inside the archive is referred to where it is, not copied again; a capture
    // that gave nothing to the archive is not copied into it either.
    expect((await readdir(path.join(out, 'warc'))).filter((n) => n.endsWith('.warc.gz'))).toEqual(['20261121T080000Z-00000.warc.gz']);
  });

  it('uses what precedes a torn record, and exits 3 to say the capture was damaged', async () => {
    const { files } = await writeOwnWarc(sources, '2026-11-20T08:00:00Z', [
      await pageExchange(PAGES.arobases, '2026-11-20T08:00:01.000Z'),
      await pageExchange(PAGES.travaux, '2026-11-20T08:00:02.000Z'),
    ]);
    const file = files[0] ?? '';
    // Members: warcinfo, response and request of 3751, then those of 3790: cut into 3790's response.
    const members = scanGzipMembers(await readFile(file));
    await truncate(file, (members[3]?.start ?? 0) + 100);
    const result = await rebuild('--from', file);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/torn/);
    expect((await Promise.all((await archiveFiles(out)).map((f) => readEntry(out, f)))).map((e) => e.id)).toEqual(['3751']);
  });

  it.each([
    [['--from', 'nowhere.warc.gz'], /--from: cannot read nowhere\.warc\.gz \(no such file or folder\)/],
    [['--from'], /argument missing/],
    [[], /required option '--from <paths...>' not specified/],
  ])('%j is a usage error', async (args, message) => {
    const result = await rebuild(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses a folder without any WARC file', async () => {
    const result = await rebuild('--from', sources);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no \.warc or \.warc\.gz file/);
  });
});

describe('rebuild from other tools\' WARC files', () => {
  it.each<Packing>(['gzip-per-record', 'gzip-whole-file', 'plain'])('seeds the archive from a wget capture (%s), other hosts ignored', async (packing) => {
    const html = await fixturePage(PAGES.conseil);
    const wget = path.join(sources, packing === 'plain' ? 'beauvais.warc' : 'beauvais.warc.gz');
    await writeFile(wget, await wgetStyleWarc(`${SITE}${PAGES.conseil}`, html, packing));
    const elsewhere = path.join(sources, 'elsewhere.warc.gz');
    await writeFile(elsewhere, await browsertrixStyleWarc('https://www.example.org', html));

    const result = await rebuild('--from', wget, elsewhere);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/new 1, .*other hosts 4/);
    const [file] = await archiveFiles(out);
    const entry = await readEntry(out, file ?? '');
    expect(entry).toMatchObject({ id: '3760', url: `${SITE}${PAGES.conseil}`, fetchedAt: '2026-11-20T09:15:42.000Z' });
    expect(entry.markdown).not.toMatch(/Partager cet article|Mairie de Beauvais - BP/);
    const response = await findResponseId(wget);
    expect(entry.warc).toEqual({ file: `warc/${path.basename(wget)}`, recordId: response });

    // Its sha1 digest covers the chunked, gzipped bytes wget received: not comparable, not a problem.
    const verified = await runMain(['verify', '--out', out]);
    expect(verified.stdout).toBe('');
    expect(verified.code).toBe(0);
  });
});

describe('rebuild from a browsertrix capture', () => {
  it('takes the latest 200 response of an article, decoding brotli, and ignores the revisits', async () => {
    const file = path.join(sources, 'rec.warc.gz');
    await writeFile(file, await browsertrixStyleWarc(SITE, await fixturePage(PAGES.conseil)));
    const result = await rebuild('--from', file);
    expect(result.code).toBe(0);
    // a.html and br.html hold the same page: one article, from the later capture (the brotli one).
    expect(result.stderr).toMatch(/records 4, pages 2, new 1, .*skipped 2/);
    const [archived] = await archiveFiles(out);
    const entry = await readEntry(out, archived ?? '');
    expect(entry.fetchedAt).toBe('2026-11-21T08:00:07.000Z');
    expect(entry.aliases).toEqual(expect.arrayContaining([`${SITE}/a.html`, `${SITE}/br.html`]));
    expect(entry.markdown).toContain('Budget primitif 2018');
    expect((await runMain(['verify', '--out', out])).code).toBe(0);
  });
});

async function findResponseId(file: string): Promise<string | null> {
  for await (const record of new WARCParser([await readFile(file)])) {
    if (record.warcType === 'response') return record.warcHeader('WARC-Record-ID') ?? null;
  }
  return null;
}
