/**
 * Directory snapshots (path → size and mtime) and their difference: how a re-crawl proves it wrote
 * nothing. Paths under a dot-folder (`.state/`, `.lock`) are bookkeeping, reported apart from the
 * archive files.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir`, by path relative to it, with its size and mtime (none if `dir` is missing).
 * @param {string} dir
 * @returns {Map<string, { size: number, mtimeMs: number }>}
 */
export function snapshotDir(dir) {
  /** @type {Map<string, { size: number, mtimeMs: number }>} */
  const files = new Map();
  /** @param {string} sub */
  const walk = (sub) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) {
        const stat = statSync(path.join(dir, rel));
        files.set(rel, { size: stat.size, mtimeMs: stat.mtimeMs });
      }
    }
  };
  if (existsSync(dir)) walk('');
  return files;
}

/**
 * Files created, changed (size or mtime) or removed between two snapshots, archive files apart from
 * bookkeeping under dot-folders.
 * @param {ReturnType<typeof snapshotDir>} before
 * @param {ReturnType<typeof snapshotDir>} after
 */
export function diffSnapshots(before, after) {
  /** @type {string[]} */
  const changed = [];
  for (const [rel, now] of after) {
    const was = before.get(rel);
    if (!was || was.size !== now.size || was.mtimeMs !== now.mtimeMs) changed.push(rel);
  }
  for (const rel of before.keys()) if (!after.has(rel)) changed.push(rel);
  const isBookkeeping = (/** @type {string} */ rel) => rel.split(path.sep).some((part) => part.startsWith('.'));
  return { archive: changed.filter((r) => !isBookkeeping(r)), bookkeeping: changed.filter(isBookkeeping) };
}

/**
 * Number of files with this extension under `dir` (Markdown files: articles written).
 * @param {string} dir @param {string} ext e.g. ".md"
 */
export function countFiles(dir, ext) {
  let n = 0;
  for (const rel of snapshotDir(dir).keys()) if (rel.endsWith(ext) && !rel.split(path.sep).some((p) => p.startsWith('.'))) n++;
  return n;
}
