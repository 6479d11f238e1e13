/**
 * Reads the archive back (for `export`, `verify` and rebuilding a lost state): every
 * `<out>/YYYY/MM/*.md` in sorted path order. Only year and month folders are walked, so `.state`,
 * `.history`, `warc` and the README are never mistaken for articles. A file that does not parse is
 * yielded as an error item and the walk goes on: one damaged file must not hide the rest.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveWriteError, describeCause } from '../errors.js';
import { isMissing, readInside } from './atomic-write.js';
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
  /** Set when there is no such file in the archive: none at that path, a folder there, or a path leaving `<out>`. */
  readonly missing?: true;
}

const YEAR_DIR = /^\d{4}$/;
const MONTH_DIR = /^(0[1-9]|1[0-2])$/;
const ARCHIVE_FILE = /^\d{4}-\d{2}-\d{2}-.+\.md$/;

/** Every archived article under `outDir`, sorted by path; an unreadable file gives an error item. */
export async function* readArchive(outDir: string): AsyncIterable<ArchiveItem | ArchiveReadError> {
  for (const relative of await listArchiveFiles(outDir)) yield await readArchiveItem(outDir, relative);
}

/**
 * One archive or history file (`relative` to `<out>`, POSIX), parsed; an error item when it cannot be
 * read or parsed. The path comes from a front matter as often as from a listing: one leaving `<out>`
 * is never read.
 */
export async function readArchiveItem(outDir: string, relative: string): Promise<ArchiveItem | ArchiveReadError> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readInside(outDir, relative);
  } catch (error) {
    return toReadError(relative, error);
  }
  if (bytes === undefined) return { path: relative, error: 'the file is missing', missing: true };
  try {
    return { path: relative, entry: parseArchiveFile(bytes.toString('utf8')) };
  } catch (error) {
    return { path: relative, error: (error as Error).message };
  }
}

/** The error item of a file readInside could not read, or of a path it refused. */
function toReadError(relative: string, error: unknown): ArchiveReadError {
  // readInside wraps the file system's error; its own words say why, without the absolute path twice.
  if (error instanceof ArchiveWriteError) {
    const folder = (error.cause as NodeJS.ErrnoException | undefined)?.code === 'EISDIR';
    return { path: relative, error: describeCause(error.cause), ...(folder ? { missing: true as const } : {}) };
  }
  // resolveInside refused a path leaving the archive: the archive holds no such file.
  return { path: relative, error: (error as Error).message, missing: true };
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
