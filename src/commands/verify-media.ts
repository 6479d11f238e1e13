/**
 * `verify`, media part: every media file an archive file or one of its history versions names must
 * exist inside `<out>` and hash to the SHA-256 its front matter gives. Each file is hashed once,
 * streamed (never held in memory), however many articles name it.
 */
import { sha256OfFile } from '../archive/file-hash.js';
import { isMissing, resolveInside } from '../archive/atomic-write.js';
import { readArchiveItem } from '../archive/read-archive.js';
import type { MediaRef } from '../archive/types.js';
import type { Problem } from './verify.js';

/** A media reference and the archive file (or history file) that makes it. */
export interface MediaUse {
  readonly path: string;
  readonly media: MediaRef;
}

/**
 * The media references of one history version named by an archive file, or null when its file is
 * missing. A history file without valid front matter names no media to check.
 */
export async function historyMediaUses(outDir: string, history: string): Promise<MediaUse[] | null> {
  const version = await readArchiveItem(outDir, history);
  if ('error' in version) return version.missing ? null : [];
  return (version.entry.media ?? []).map((media) => ({ path: history, media }));
}

/** The problems of the media files `uses` name: outside the archive, missing, or not the bytes archived. */
export async function checkMediaFiles(outDir: string, uses: readonly MediaUse[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const hashes = new Map<string, Promise<string | null>>();
  for (const { path, media } of uses) {
    let file: string;
    try {
      file = resolveInside(outDir, media.path);
    } catch {
      problems.push({ path, problem: `media file ${media.path} is outside the archive` });
      continue;
    }
    let hashing = hashes.get(file);
    if (!hashing) {
      hashing = hashFile(file);
      hashes.set(file, hashing);
    }
    const actual = await hashing;
    if (actual === null) problems.push({ path, problem: `media file ${media.path} (${media.url}) is missing` });
    else if (actual !== media.sha256) problems.push({ path, problem: `media file ${media.path} has SHA-256 ${actual}, not ${media.sha256} (damaged or replaced)` });
  }
  return problems;
}

/** Hex SHA-256 of a file, or null if it does not exist. */
async function hashFile(file: string): Promise<string | null> {
  try {
    return await sha256OfFile(file);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw error;
  }
}
