/**
 * `verify`, media part: every media file an archive file or one of its history versions names must
 * exist inside `<out>` and hash to the SHA-256 its front matter gives. Each file is hashed once,
 * streamed (never held in memory), however many articles name it.
 */
import { readFile } from 'node:fs/promises';
import { sha256OfFile } from '../archive/file-hash.js';
import { isMissing, resolveInside } from '../archive/atomic-write.js';
import { parseArchiveFile } from '../archive/front-matter.js';
import type { MediaRef } from '../archive/types.js';
import type { Problem } from './verify.js';

/** A media reference and the archive file (or history file) that makes it. */
export interface MediaUse {
  readonly path: string;
  readonly media: MediaRef;
}

/** The media references of the history versions named by archive files (missing ones are reported elsewhere). */
export async function historyMediaUses(outDir: string, historyPaths: readonly string[]): Promise<MediaUse[]> {
  const uses: MediaUse[] = [];
  for (const history of historyPaths) {
    let text: string;
    try {
      text = await readFile(resolveInside(outDir, history), 'utf8');
    } catch {
      continue;
    }
    try {
      for (const media of parseArchiveFile(text).media ?? []) uses.push({ path: history, media });
    } catch {
      // A history file without valid front matter names no media to check.
    }
  }
  return uses;
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
