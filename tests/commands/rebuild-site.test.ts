/**
 * `rebuild` without `--base-url` takes its site from what it reads: the archive in `--out`, else the
 * crawl options of this tool's warcinfo records, else the one host of the captured pages; and a
 * rebuild that finds no page of its site but records of other hosts exits 3 and says which to use.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wgetStyleWarc } from '../warc/foreign-warcs.js';
import { htmlExchange } from '../warc/helpers.js';
import { archiveFiles, fixturePage, PAGES, pageExchange, readEntry, runMain, useRebuildDirs, writeOwnWarc } from './rebuild-fixtures.js';

const STAGING = 'https://staging.beauvais.test';

const dirs = useRebuildDirs();

const rebuild = (...args: string[]) => runMain(['rebuild', '--out', dirs.out, ...args]);

async function stagingWgetCapture(): Promise<string> {
  const file = path.join(dirs.sources, 'staging.warc.gz');
  await writeFile(file, await wgetStyleWarc(`${STAGING}${PAGES.conseil}`, await fixturePage(PAGES.conseil), 'gzip-per-record'));
  return file;
}

describe('rebuild without --base-url', () => {
  it('takes the one host of the captured pages (a staging capture made by another tool)', async () => {
    const result = await rebuild('--from', await stagingWgetCapture());
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`site: ${STAGING}/ (from the host of the captured pages)`);
    expect(result.stderr).toMatch(/pages 1, new 1, .*other hosts 0/);
    const [file] = await archiveFiles(dirs.out);
    expect((await readEntry(dirs.out, file ?? '')).id).toBe('3760');
  });

  it('takes the --base-url of the crawl named in our warcinfo record, even when the captures span hosts', async () => {
    const html = await fixturePage(PAGES.travaux);
    const { files } = await writeOwnWarc(
      dirs.sources,
      '2026-11-20T08:00:00Z',
      [
        htmlExchange(`${STAGING}${PAGES.travaux}`, html, '2026-11-20T08:00:01.000Z'),
        htmlExchange('https://cdn.example.org/embed.html', '<html><body><p>embed</p></body></html>', '2026-11-20T08:00:02.000Z'),
      ],
      undefined,
      { baseUrl: `${STAGING}/`, warc: true },
    );
    const result = await rebuild('--from', ...files);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`site: ${STAGING}/ (from the crawl options in the WARC files)`);
    expect(result.stderr).toMatch(/new 1, .*other hosts 1,/);
    expect(await archiveFiles(dirs.out)).toHaveLength(1);
  });

  it('keeps the site of the archive in --out, and exits 3 naming the hosts seen when the captures are of another', async () => {
    const { files } = await writeOwnWarc(dirs.sources, '2026-11-20T08:00:00Z', [await pageExchange(PAGES.arobases, '2026-11-20T08:00:01.000Z')]);
    expect((await rebuild('--from', ...files)).code).toBe(0);
    const before = await archiveFiles(dirs.out);

    const result = await rebuild('--from', await stagingWgetCapture());
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/pages 0, .*other hosts 1,/);
    expect(result.stderr).toContain(`no page of https://www.beauvais.fr (the site, from the archive in ${dirs.out})`);
    expect(result.stderr).toContain(`${STAGING} (1 records)`);
    expect(result.stderr).toContain(`run again with --base-url ${STAGING}`);
    expect(await archiveFiles(dirs.out)).toEqual(before);
  });

  it('with --base-url given, archives only that site, as before', async () => {
    const result = await rebuild('--from', await stagingWgetCapture(), '--base-url', STAGING);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('site:');
    expect(await archiveFiles(dirs.out)).toHaveLength(1);
  });
});
