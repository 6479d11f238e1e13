/**
 * The store's disk primitives. Every file is written whole or not at all (write-file-atomic: a temp
 * file then a rename, the temp file removed on failure), every path is checked to stay inside `<out>`,
 * and every failure (EACCES, EROFS, ENOSPC, ENOTDIR) becomes an ArchiveWriteError naming the path.
 */
import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { ArchiveWriteError } from '../errors.js';
import { isPartialWarcCopy, PAYLOAD_INDEX_FILE, WARC_DIR } from '../warc/file-name.js';
import { isMediaTemp, MEDIA_DIR } from './media-names.js';

/** The absolute path of `relative` (POSIX, from `<out>`); throws if it would leave `<out>`. */
export function resolveInside(outDir: string, relative: string): string {
  const root = path.resolve(outDir);
  const target = path.resolve(root, ...relative.split('/'));
  if (target === root || !target.startsWith(root + path.sep) || relative.includes('\0')) {
    throw new Error(`refusing a path outside the archive: ${JSON.stringify(relative)}`);
  }
  return target;
}

/** The POSIX path of `file` relative to `<out>`, as the front matter and the state hold it (resolveInside's inverse). */
export function toRelativeInside(outDir: string, file: string): string {
  return path.relative(outDir, file).split(path.sep).join('/');
}

/** Creates a folder and its parents; ArchiveWriteError if impossible. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await makeDirs(path.resolve(dir));
  } catch (error) {
    throw new ArchiveWriteError(dir, error);
  }
}

/**
 * `mkdir -p`, one level at a time. Not `mkdir(dir, { recursive: true })`: Node's loops forever, CPU
 * bound and never settling, where a parent exists but cannot hold children (under /proc: ENOENT for
 * the child, EEXIST for the parent, again and again), so `--out /proc/x` would hang the crawl.
 */
async function makeDirs(dir: string): Promise<void> {
  if (await makeDir(dir)) return;
  const parent = path.dirname(dir);
  if (parent === dir) throw new Error(`no file system root for ${dir}`);
  await makeDirs(parent);
  // The parent exists now: a second ENOENT is final.
  if (!(await makeDir(dir))) await mkdir(dir);
}

/** Creates one folder: true if it exists now, false if its parent is missing; throws otherwise. */
async function makeDir(dir: string): Promise<boolean> {
  try {
    await mkdir(dir);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    // EEXIST: fine for a folder (or a link to one); stat throws ENOENT for a dangling link.
    if (code === 'EEXIST' && (await stat(dir)).isDirectory()) return true;
    throw error;
  }
}

/** Writes `data` to `<out>/<relative>` atomically, creating its folder. */
export async function writeInside(outDir: string, relative: string, data: string | Buffer): Promise<void> {
  await writeAtomic(resolveInside(outDir, relative), data);
}

/** Writes an absolute path atomically (temp file + rename), creating its folder. */
export async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  try {
    await writeFileAtomic(file, data);
    return;
  } catch (error) {
    // The folder almost always exists already: create it only when the write says it is missing,
    // rather than paying a mkdir and a stat on every article of the crawl.
    if (!isMissing(error)) throw new ArchiveWriteError(file, error);
  }
  await ensureDir(path.dirname(file));
  try {
    await writeFileAtomic(file, data);
  } catch (error) {
    throw new ArchiveWriteError(file, error);
  }
}

/** The bytes of `<out>/<relative>`, or undefined if there is no such file. */
export async function readInside(outDir: string, relative: string): Promise<Buffer | undefined> {
  const file = resolveInside(outDir, relative);
  try {
    return await readFile(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new ArchiveWriteError(file, error);
  }
}

/** Removes `<out>/<relative>`; a file already gone is fine. */
export async function removeInside(outDir: string, relative: string): Promise<void> {
  const file = resolveInside(outDir, relative);
  try {
    await rm(file, { force: true });
  } catch (error) {
    throw new ArchiveWriteError(file, error);
  }
}

/** write-file-atomic's temporary name for a file: the target's name, a dot, a 32-bit hash in decimal. */
const TEMP_SUFFIX = /\.\d{1,10}$/;
/**
 * The files written through this module outside `warc/`: articles and history, the snapshot, the
 * lock's owner record and the archive's settings.
 */
const OWN_FILE = /^(?:.+\.md|snapshot\.json|\.lock-owner|archive\.yaml)$/;
/** Top-level folders with writers of their own: proper-lockfile's lock, the WARC and media files (swept apart). */
const NOT_SWEPT = new Set(['.lock', WARC_DIR, MEDIA_DIR]);

/**
 * Removes the temporary files of writes that never finished: a process killed (SIGKILL, power loss)
 * between creating its temporary file and renaming it leaves one that nothing else would remove. Only
 * safe while holding the archive's lock, when no write can be in progress. Returns the removed files,
 * relative to `<out>`.
 */
export async function removeStaleTempFiles(outDir: string): Promise<string[]> {
  const removed: string[] = [];
  const sweep = async (dir: string, relative: string): Promise<void> => {
    for (const entry of await listEntries(dir)) {
      const child = path.join(dir, entry.name);
      if (entry.isDirectory() && !(relative === '' && NOT_SWEPT.has(entry.name))) await sweep(child, `${relative}${entry.name}/`);
      else if (entry.isFile() && OWN_FILE.test(toTempTarget(entry.name) ?? '')) removed.push(await removeTempFile(child, relative));
    }
  };
  await sweep(outDir, '');
  // In warc/ only the payload index is written through this module, and `rebuild` copies WARC files
  // in through a temporary name: those leftovers go, the WARC files themselves are never touched.
  const warcDir = path.join(outDir, WARC_DIR);
  for (const entry of await listEntries(warcDir)) {
    const leftover = toTempTarget(entry.name) === PAYLOAD_INDEX_FILE || isPartialWarcCopy(entry.name);
    if (entry.isFile() && leftover) removed.push(await removeTempFile(path.join(warcDir, entry.name), `${WARC_DIR}/`));
  }
  // In media/, downloads stream into `.part-*` files renamed once complete: a leftover is a cut download.
  const mediaDir = path.join(outDir, MEDIA_DIR);
  for (const entry of await listEntries(mediaDir)) {
    if (entry.isFile() && isMediaTemp(entry.name)) removed.push(await removeTempFile(path.join(mediaDir, entry.name), `${MEDIA_DIR}/`));
  }
  return removed;
}

/** The name of the file a write-file-atomic temporary file stands for, or undefined if it is none. */
function toTempTarget(name: string): string | undefined {
  const suffix = TEMP_SUFFIX.exec(name);
  return suffix ? name.slice(0, suffix.index) : undefined;
}

/** The entries of a folder; none when it does not exist. */
async function listEntries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw new ArchiveWriteError(dir, error);
  }
}

/** Removes one temporary file; returns its path relative to `<out>` (`relative` is its folder's). */
async function removeTempFile(file: string, relative: string): Promise<string> {
  try {
    await rm(file, { force: true });
  } catch (error) {
    throw new ArchiveWriteError(file, error);
  }
  return `${relative}${path.basename(file)}`;
}

/** Whether an fs error means "no such file" (ENOENT, or ENOTDIR: a parent is a file). */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
