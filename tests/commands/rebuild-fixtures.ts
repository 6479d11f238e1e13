/**
 * Shared by the rebuild and verify tests: the CLI run in-process with captured streams, WARC files
 * written by our own writer from the fixture site's pages (no server needed), and archive files read
 * back and rewritten through the front matter module.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import { parseArchiveFile, renderArchiveFile } from '../../src/archive/front-matter.js';
import type { ArchiveEntry } from '../../src/archive/types.js';
import { main } from '../../src/cli.js';
import type { Exchange } from '../../src/http/types.js';
import { openWarcWriter } from '../../src/warc/writer.js';
import type { KnownPayloads } from '../../src/warc/types.js';
import { fixedClock, htmlExchange, makeTempOut } from '../warc/helpers.js';

export const SITE = 'https://www.beauvais.fr';

/** The folders of one rebuild test, fresh for each test: `<root>/archive` and `<root>/captures/warc`. */
export interface RebuildDirs {
  readonly root: string;
  readonly out: string;
  readonly sources: string;
}

/** Registers hooks that give each test of the file fresh rebuild folders, removed afterwards. */
export function useRebuildDirs(): RebuildDirs {
  const dirs = { root: '', out: '', sources: '' };
  let cleanup: () => Promise<void> = async () => undefined;
  beforeEach(async () => {
    ({ out: dirs.root, cleanup } = await makeTempOut());
    dirs.out = path.join(dirs.root, 'archive');
    dirs.sources = path.join(dirs.root, 'captures', 'warc');
    await mkdir(dirs.sources, { recursive: true });
  });
  afterEach(() => cleanup());
  return dirs;
}

/** Site paths of fixture articles (fixtures/site/pages). */
export const PAGES = {
  arobases: '/actualites/vie-municipale/3751-beauvais-labellisee-5-arobases-pour-la-5eme-annee-consecutive.html',
  travaux: '/actualites/vie-municipale/3790-travaux-rue-de-la-madeleine.html',
  conseil: '/actualites/vie-municipale/3760-conseil-municipal-du-20-decembre.html',
  listing: '/actualites.html',
} as const;

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process (argv without "node script"), stdout and stderr captured. */
export async function runMain(args: readonly string[]): Promise<RunResult> {
  const captured = { stdout: '', stderr: '' };
  const sink = (key: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        captured[key] += chunk.toString('utf8');
        done();
      },
    });
  const code = await main(['node', 'beauvais-archive', ...args], { stdout: sink('stdout'), stderr: sink('stderr') });
  return { code, ...captured };
}

/** The HTML of a fixture page. */
export function fixturePage(sitePath: string): Promise<string> {
  return readFile(new URL(`../../fixtures/site/pages${sitePath}`, import.meta.url), 'utf8');
}

/** A 200 exchange of a fixture page (optionally with its text changed) at a given time. */
export async function pageExchange(sitePath: string, startedAt: string, change?: (html: string) => string): Promise<Exchange> {
  const html = await fixturePage(sitePath);
  return htmlExchange(`${SITE}${sitePath}`, change ? change(html) : html, startedAt);
}

/** A redirect exchange (no body). */
export function redirectExchange(sitePath: string, location: string, startedAt: string): Exchange {
  return {
    url: `${SITE}${sitePath}`,
    method: 'GET',
    requestHeaders: { 'user-agent': 'beauvais-archive/0.1.0' },
    status: 301,
    statusText: 'Moved Permanently',
    responseHeaders: { location },
    body: Buffer.alloc(0),
    startedAt,
  };
}

/** Writes the exchanges with our writer into `dir`; returns the files (absolute) and the refs. */
export async function writeOwnWarc(
  dir: string,
  crawlStart: string,
  exchanges: readonly Exchange[],
  knownDigests?: KnownPayloads,
  crawlOptions: Readonly<Record<string, unknown>> = { warc: true },
) {
  const writer = await openWarcWriter({
    dir,
    outDir: path.dirname(dir),
    crawlStart: new Date(crawlStart),
    software: 'beauvais-archive/0.1.0',
    crawlOptions,
    knownDigests,
    clock: fixedClock(crawlStart),
  });
  const refs = [];
  for (const exchange of exchanges) refs.push(await writer.writeExchange(exchange));
  await writer.close();
  return { files: writer.files().map((f) => path.join(path.dirname(dir), f)), refs, known: writer.knownPayloads() };
}

/** The archive files under `<out>/YYYY/MM/`, sorted. */
export async function archiveFiles(out: string): Promise<string[]> {
  const found: string[] = [];
  for (const year of (await readdir(out).catch(() => [])).filter((n) => /^\d{4}$/.test(n)).sort()) {
    for (const month of (await readdir(path.join(out, year))).sort()) {
      for (const name of (await readdir(path.join(out, year, month))).sort()) found.push(`${year}/${month}/${name}`);
    }
  }
  return found;
}

/** The entry of an archive file. */
export async function readEntry(out: string, file: string): Promise<ArchiveEntry> {
  return parseArchiveFile(await readFile(path.join(out, file), 'utf8'));
}

/** Rewrites an archive file with some fields changed (front matter rendered as the store does). */
export async function editEntry(out: string, file: string, change: Partial<ArchiveEntry>): Promise<void> {
  await writeFile(path.join(out, file), renderArchiveFile({ ...(await readEntry(out, file)), ...change }));
}
