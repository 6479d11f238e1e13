/**
 * Judges an archive folder the way its owner would after a bad night: every file is read and parsed
 * (front matter and body), the crawl state is read back, and anything that is not part of the
 * documented layout (a temporary file, a half-written file, a set-aside state) is listed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArchiveFile } from '../../src/archive/front-matter.js';
import { parseJournal } from '../../src/archive/journal.js';
import { applyEvent, emptyState, parseSnapshot, type CrawlState } from '../../src/archive/state.js';
import type { ArchiveEntry } from '../../src/archive/types.js';

/** Where each kind of file may live, relative to `<out>` (POSIX). */
const ARTICLE_FILE = /^\d{4}\/\d{2}\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/;
const HISTORY_FILE = /^\.history\/[a-z0-9_-]+\/[0-9A-Za-z.+-]+\.md$/;
const STATE_FILE = /^\.state\/(snapshot\.json|journal\.ndjson)$/;
const LOCK_FILE = /^\.lock(-owner)?(\/|$)/;

/** Everything found in an archive folder. */
export interface ArchiveCensus {
  /** Article files that parse, by path. */
  readonly entries: ReadonlyMap<string, ArchiveEntry>;
  /** Article and history files that do not parse, with the reason. */
  readonly unreadable: readonly string[];
  /** History files (earlier versions), by path, with their entry. */
  readonly history: ReadonlyMap<string, ArchiveEntry>;
  /** Files outside the documented layout: leftovers of an interrupted write, set-aside state, junk. */
  readonly strays: readonly string[];
  /** Article ids → the files that hold them. */
  readonly filesById: ReadonlyMap<string, readonly string[]>;
}

/** Every file under `out` (relative POSIX paths), folders excluded. */
export async function listFiles(out: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const relative = `${rel}${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${relative}/`);
      else found.push(relative);
    }
  };
  await walk(out, '');
  return found.sort();
}

/** Reads and parses every file of the archive at `out`. */
export async function takeCensus(out: string): Promise<ArchiveCensus> {
  const entries = new Map<string, ArchiveEntry>();
  const history = new Map<string, ArchiveEntry>();
  const unreadable: string[] = [];
  const strays: string[] = [];
  const filesById = new Map<string, string[]>();
  for (const file of await listFiles(out)) {
    const isArticle = ARTICLE_FILE.test(file);
    if (!isArticle && !HISTORY_FILE.test(file)) {
      if (!STATE_FILE.test(file) && !LOCK_FILE.test(file)) strays.push(file);
      continue;
    }
    let entry: ArchiveEntry;
    try {
      entry = parseArchiveFile(await readFile(path.join(out, file), 'utf8'));
    } catch (error) {
      unreadable.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    if (!isArticle) {
      history.set(file, entry);
      continue;
    }
    entries.set(file, entry);
    filesById.set(entry.id, [...(filesById.get(entry.id) ?? []), file]);
  }
  return { entries, history, unreadable, strays, filesById };
}

/** The figures the README states: articles expected, archived, lost, duplicated. */
export interface ArchiveFigures {
  readonly expected: number;
  readonly archived: number;
  readonly lost: number;
  readonly duplicated: number;
}

/** Counts the expected article ids in the census: archived once, missing, or in more than one file. */
export function countFigures(census: ArchiveCensus, expectedIds: readonly string[]): ArchiveFigures {
  let archived = 0;
  let duplicated = 0;
  for (const id of expectedIds) {
    const files = census.filesById.get(id)?.length ?? 0;
    if (files > 0) archived += 1;
    if (files > 1) duplicated += files - 1;
  }
  // The same text under two ids is a duplicate too, whatever the ids.
  const hashes = [...census.entries.values()].map((e) => e.contentHash);
  duplicated += hashes.length - new Set(hashes).size;
  return { expected: expectedIds.length, archived, lost: expectedIds.length - archived, duplicated };
}

/**
 * The crawl state (snapshot, or none yet, plus the journal) as the next run will load it; throws if
 * the snapshot or a journal line before the last is unreadable.
 */
export async function readState(out: string): Promise<{ state: CrawlState; tornTail: boolean }> {
  const snapshotText = await readFile(path.join(out, '.state', 'snapshot.json'), 'utf8').catch(() => undefined);
  const state = snapshotText === undefined ? emptyState() : parseSnapshot(snapshotText);
  const journalText = await readFile(path.join(out, '.state', 'journal.ndjson'), 'utf8').catch(() => '');
  const journal = parseJournal(journalText);
  if (journal.corruptLine !== undefined) throw new Error(`journal line ${journal.corruptLine} is corrupt`);
  for (const event of journal.events) applyEvent(state, event);
  return { state, tornTail: journal.tornTail };
}

/** URLs the state marks as failed (to be retried first by the next run), each with its reason. */
export function failedUrls(state: CrawlState): string[] {
  return [...state.urls].filter(([, s]) => s.failed !== undefined).map(([url, s]) => `${url} (${s.failed?.reason})`).sort();
}
