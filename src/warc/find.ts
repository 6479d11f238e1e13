/** Finds the record an archive entry's front matter names (`warc: { file, recordId }`), for `verify`. */
import { resolveInside } from '../archive/atomic-write.js';
import type { WarcRef } from '../archive/types.js';
import { readWarcFile, type ReadWarcOptions } from './read-file.js';
import type { StoredResponse } from './types.js';

/** The response or revisit record `ref` names under `<out>`, or null when the file or the record is missing. */
export async function findRecord(outDir: string, ref: WarcRef, options: ReadWarcOptions = {}): Promise<StoredResponse | null> {
  let file: string;
  try {
    file = resolveInside(outDir, ref.file);
  } catch {
    // A hand-edited front matter must not send us reading outside the archive.
    return null;
  }
  try {
    for await (const record of readWarcFile(file, { ...options, select: (id) => id === ref.recordId })) return record;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return null;
    throw error;
  }
  return null;
}
