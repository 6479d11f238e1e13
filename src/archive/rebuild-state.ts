/**
 * Rebuilds the crawl state from the archive files' front matter, when the state is lost or corrupt:
 * the files are the archive, the state only an index of them, so recovering beats refusing. What the
 * files cannot tell (HTTP validators, past failures) is taken from `urls` when a readable part of the
 * old state provides it, else simply forgotten: the next crawl re-fetches those pages in full.
 */
import type { Logger } from '../log.js';
import { readArchive } from './read-archive.js';
import { toFacts } from './save-plan.js';
import { applyEvent, emptyState, type CrawlState } from './state.js';
import type { UrlState } from './types.js';

/** The rebuilt state and how many archive files it came from. */
export interface RebuiltState {
  readonly state: CrawlState;
  readonly files: number;
}

/** A state rebuilt from every readable `<out>/YYYY/MM/*.md`, keeping known URL states. */
export async function rebuildStateFromFiles(
  outDir: string,
  options: { readonly logger: Logger; readonly urls?: ReadonlyMap<string, UrlState> | undefined },
): Promise<RebuiltState> {
  const state = emptyState();
  for (const [url, urlState] of options.urls ?? []) applyEvent(state, { type: 'url', url, state: urlState });
  let files = 0;
  for await (const item of readArchive(outDir)) {
    if ('error' in item) {
      options.logger.warn(`cannot rebuild the state of ${item.path}: ${item.error}`);
      continue;
    }
    const { path, entry } = item;
    files += 1;
    const known = state.articles.get(entry.id);
    // Two files for one id: a crash between writing a moved file and removing the old one. The most
    // recent version is the archived one.
    if (known && known.fetchedAt >= entry.fetchedAt) {
      options.logger.warn(`${path} holds an older version of article ${entry.id} than ${known.path}`);
      continue;
    }
    if (known) options.logger.warn(`${known.path} holds an older version of article ${entry.id} than ${path}`);
    applyEvent(state, {
      type: 'article',
      id: entry.id,
      facts: toFacts(entry, path),
    });
    for (const url of [entry.url, ...entry.aliases]) {
      const urlState = state.urls.get(url);
      if (urlState?.articleId === undefined) {
        applyEvent(state, { type: 'url', url, state: { ...urlState, articleId: entry.id } });
      }
    }
  }
  return { state, files };
}
