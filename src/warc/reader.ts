/** Reads the HTTP responses kept in WARC files: a list of files, or every WARC under a folder. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isWarcFileName } from './file-name.js';
import { readWarcFile, type ReadWarcOptions } from './read-file.js';
import type { StoredResponse } from './types.js';

/**
 * Every response and revisit record of the files (or of the `.warc`/`.warc.gz` files under the
 * folder, in sorted order), skipping request, metadata, resource and warcinfo records.
 */
export async function* readWarcResponses(
  source: string | readonly string[],
  options: ReadWarcOptions = {},
): AsyncGenerator<StoredResponse> {
  const files = typeof source === 'string' ? await listWarcFiles(source) : source;
  for (const file of files) yield* readWarcFile(file, options);
}

/** The WARC files under a folder (recursively), sorted by path: ours then run oldest first. A file is itself. */
export async function listWarcFiles(fileOrDir: string): Promise<string[]> {
  if (!(await stat(fileOrDir)).isDirectory()) return [fileOrDir];
  const entries = await readdir(fileOrDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isWarcFileName(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    // Code-unit order, not locale order: "20261126T100000Z-00002" must sort before "-00010".
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
