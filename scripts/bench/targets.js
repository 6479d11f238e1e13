/**
 * Where the benchmark finds what it measures: our compiled library and CLI (built by other work in
 * progress, so possibly absent: the part then says "SKIP: not built yet").
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The CLI launcher, spawned as users run it. */
export const CLI = path.join(ROOT, 'bin', 'beauvais-archive.js');
const LIBRARY = path.join(ROOT, 'dist', 'index.js');

/**
 * @typedef {(html: string | Uint8Array, url: string, headers?: Record<string, string>) =>
 *   { kind: 'article', article: { markdown: string, text: string, contentHash: string } } | { kind: 'not-article', reason: string }} ExtractArticle
 */

/**
 * Our `extractArticle` from `dist/index.js`, or why it is not there.
 * @returns {Promise<{ extractArticle: ExtractArticle } | { missing: string }>}
 */
export async function loadLibrary() {
  if (!existsSync(LIBRARY)) return { missing: 'SKIP: not built yet (no dist/index.js; run npm run build)' };
  try {
    const lib = await import(pathToFileURL(LIBRARY).href);
    return typeof lib.extractArticle === 'function' ? { extractArticle: lib.extractArticle } : { missing: 'SKIP: not built yet (dist/index.js exports no extractArticle)' };
  } catch (error) {
    return { missing: `SKIP: not built yet (dist/index.js fails to load: ${String(error).split('\n')[0]})` };
  }
}

/** Why the CLI cannot run yet, or null when it can. */
export function cliMissing() {
  return existsSync(path.join(ROOT, 'dist', 'cli.js')) ? null : 'SKIP: not built yet (no dist/cli.js; run npm run build)';
}
