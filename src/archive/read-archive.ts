/**
 * Reads the archive back (for `export`, `verify` and rebuilding a lost state): every
 * `<out>/YYYY/MM/*.md` in sorted path order. Only year and month folders are walked, so `.state`,
 * `.history`, `warc` and the README are never mistaken for articles. A file that does not parse is
 * yielded as an error item and the walk goes on: one damaged file must not hide the rest.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMissing } from './atomic-write.js';
import { parseArchiveFile } from './front-matter.js';
import type { ArchiveEntry } from './types.js';

/** One archived article: its file (relative to `<out>`, POSIX) and its entry. */
export interface ArchiveItem {
  readonly path: string;
  readonly entry: ArchiveEntry;
}

/** A file of the archive that could not be read or parsed. */
export interface ArchiveReadError {
  readonly path: string;
  /** Why, in one line. */
  readonly error: string;
}

const YEAR_DIR = /^\d{4}$/;
const MONTH_DIR = /^(0[1-9]|1[0-2])$/;
const ARCHIVE_FILE = /^\d{4}-\d{2}-\d{2}-.+\.md$/;

/** Every archived article under `outDir`, sorted by path; an unreadable file gives an error item. */
export async function* readArchive(outDir: string): AsyncIterable<ArchiveItem | ArchiveReadError> {
  for (const relative of await listArchiveFiles(outDir)) yield await readArchiveItem(outDir, relative);
}

/** One archive file (`relative` to `<out>`, POSIX), parsed; an error item when it cannot be read or parsed. */
export async function readArchiveItem(outDir: string, relative: string): Promise<ArchiveItem | ArchiveReadError> {
  try {
    return { path: relative, entry: parseArchiveFile(await readFile(path.join(outDir, ...relative.split('/')), 'utf8')) };
  } catch (error) {
    return { path: relative, error: (error as Error).message };
  }
}

/** The paths (relative to `<out>`, POSIX) of every archive file, sorted as `readArchive` yields them. */
export async function listArchiveFiles(outDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const year of await listNames(outDir, YEAR_DIR, true)) {
    for (const month of await listNames(path.join(outDir, year), MONTH_DIR, true)) {
      for (const name of await listNames(path.join(outDir, year, month), ARCHIVE_FILE, false)) files.push(`${year}/${month}/${name}`);
    }
  }
  return files;
}

/** Sorted names in `dir` matching `pattern` that are folders (or files); none if `dir` is missing. */
async function listNames(dir: string, pattern: RegExp, folders: boolean): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  return entries
    .filter((e) => pattern.test(e.name) && (folders ? e.isDirectory() : e.isFile()))
    .map((e) => e.name)
    .sort();
}
