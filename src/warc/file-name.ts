/** Names of the WARC files (`<crawl-start>-<n>.warc.gz`) and of the payload index inside `<out>/warc/`. */
import path from 'node:path';

/** The folder of the archive `<out>` that holds the WARC files. */
export const WARC_DIR = 'warc';
/** The payload index, beside the WARC files it describes (see commands/crawl-warc.ts). */
export const PAYLOAD_INDEX_FILE = 'payloads.json';

/** What `rebuild` copies a WARC file to before renaming it into place (so a ref never names half a copy). */
export const PARTIAL_COPY_SUFFIX = '.part';

/** Suffixes the reader accepts (ours are always `.warc.gz`). */
const WARC_FILE = /\.warc(\.gz)?$/;
/** The names renderWarcFileName gives: "<YYYYMMDD>T<HHMMSS>Z-<nnnnn>.warc.gz". */
const OWN_WARC_FILE = /^\d{8}T\d{6}Z-\d{5}\.warc\.gz$/;

/** `<out>/warc`: where a crawl of the archive `<out>` writes its WARC files. */
export function toWarcDir(outDir: string): string {
  return path.join(outDir, WARC_DIR);
}

/** A filesystem-safe UTC stamp of the crawl start: 2026-11-26T10:00:00.123Z → "20261126T100000Z". */
export function renderCrawlStamp(date: Date): string {
  // Colons are not allowed in Windows file names; the stamp still sorts chronologically.
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/** The name of the n-th file of a crawl: "20261126T100000Z-00001.warc.gz". */
export function renderWarcFileName(stamp: string, n: number): string {
  return `${stamp}-${String(n).padStart(5, '0')}.warc.gz`;
}

/** Whether a file name is a WARC file (`.warc` or `.warc.gz`). */
export function isWarcFileName(name: string): boolean {
  return WARC_FILE.test(name);
}

/** Whether a file name is an unfinished copy of a WARC file (`<name>.warc.gz.part`). */
export function isPartialWarcCopy(name: string): boolean {
  return name.endsWith(PARTIAL_COPY_SUFFIX) && isWarcFileName(name.slice(0, -PARTIAL_COPY_SUFFIX.length));
}

/** Whether a file name is one this tool gives its WARC files (so its digests are ours). */
export function isOwnWarcFileName(name: string): boolean {
  return OWN_WARC_FILE.test(name);
}
