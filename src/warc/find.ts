/** Finds the record an archive entry's front matter names (`warc: { file, recordId }`), for `verify`. */
import path from 'node:path';
import type { WarcRef } from '../archive/types.js';
import { readWarcFile, type ReadWarcOptions } from './read-file.js';
import type { StoredResponse } from './types.js';

/** The response or revisit record `ref` names under `<out>`, or null when the file or the record is missing. */
export async function findRecord(outDir: string, ref: WarcRef, options: ReadWarcOptions = {}): Promise<StoredResponse | null> {
  const root = path.resolve(outDir);
  const file = path.resolve(root, ...ref.file.split('/'));
  // A hand-edited front matter must not send us reading outside the archive.
  if (!file.startsWith(root + path.sep)) return null;
  try {
    for await (const record of readWarcFile(file, { ...options, select: (id) => id === ref.recordId })) return record;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return null;
    throw error;
  }
  return null;
}
