/**
 * Saving one article as `crawl` and `rebuild` both do: the store decides what changed, the outcome
 * is counted, a new or updated version is handed on as a record, and an unchanged text reached by
 * another URL keeps that URL as an alias.
 */
import type { ArchiveStore, SaveInput, SaveResult } from '../archive/types.js';
import { type ArchiveRecord, toArchiveRecord } from '../output/record.js';

/** The save outcomes a command counts for its summary. */
export interface SaveCounts {
  new: number;
  updated: number;
  unchanged: number;
  /** Same text as an article already archived under another id. */
  duplicates: number;
}

/** Saves `input`, counts the outcome in `counts`, and emits the record of a new or updated version. */
export async function saveArticle(
  store: ArchiveStore,
  input: SaveInput,
  counts: SaveCounts,
  emit: (record: ArchiveRecord) => Promise<void>,
): Promise<SaveResult> {
  const saved = await store.save(input);
  switch (saved.change) {
    case 'new':
    case 'updated':
      counts[saved.change] += 1;
      await emit(toArchiveRecord(saved.entry, saved.path, input.article.text, saved.change));
      break;
    case 'unchanged':
      counts.unchanged += 1;
      // The same text reached by another URL (an old address redirecting here): keep that URL.
      await store.addAliases(input.article.id, input.aliases);
      break;
    case 'duplicate':
      counts.duplicates += 1;
      break;
  }
  return saved;
}
