/**
 * The crawl state on disk, in `<out>/.state/`: `snapshot.json` (the whole state, written atomically
 * at open and close) and `journal.ndjson` (the events since, appended one line per page).
 *
 * Loading: the snapshot, then the journal replayed over it. A damaged state is never silently wiped:
 * if archive files exist, the state is rebuilt from their front matter and the damaged file kept
 * aside for inspection; with nothing to rebuild from, StateCorruptError says what to do.
 */
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveWriteError, StateCorruptError } from '../errors.js';
import type { Logger } from '../log.js';
import { isMissing, writeAtomic } from './atomic-write.js';
import { parseJournal } from './journal.js';
import { rebuildStateFromFiles } from './rebuild-state.js';
import { applyEvent, parseSnapshot, toSnapshot, type CrawlState } from './state.js';

/** The state folder in `<out>`, and its two files. */
export const STATE_DIR = '.state';
export const SNAPSHOT_FILE = 'snapshot.json';
export const JOURNAL_FILE = 'journal.ndjson';

/** A loaded state, and what opening must do on disk before the crawl goes on. */
export interface LoadedState {
  readonly state: CrawlState;
  /** The snapshot is behind (journal events, a torn line, a rebuild): compact at open. */
  readonly needsCompaction: boolean;
  /** Damaged state files to move aside (never deleted) before compacting. */
  readonly damaged: readonly string[];
}

/** The absolute paths of the state files of an archive. */
export function stateFiles(outDir: string): { dir: string; snapshot: string; journal: string } {
  const dir = path.join(outDir, STATE_DIR);
  return { dir, snapshot: path.join(dir, SNAPSHOT_FILE), journal: path.join(dir, JOURNAL_FILE) };
}

/** Loads the state of `outDir`: snapshot plus journal, or rebuilt from the archive files. */
export async function loadState(outDir: string, logger: Logger): Promise<LoadedState> {
  const files = stateFiles(outDir);
  const damaged: string[] = [];
  const snapshotText = await readOptional(files.snapshot);
  let state: CrawlState | undefined;
  let rebuilt = false;
  let snapshotProblem: string | undefined;
  if (snapshotText !== undefined) {
    try {
      state = parseSnapshot(snapshotText);
    } catch (error) {
      snapshotProblem = (error as Error).message;
    }
  }
  if (!state) {
    const result = await rebuildStateFromFiles(outDir, { logger });
    if (snapshotProblem !== undefined && result.files === 0) {
      throw new StateCorruptError(files.snapshot, `${snapshotProblem}; no archive file to rebuild it from. ${HOW_TO_RESET}`);
    }
    state = result.state;
    rebuilt = result.files > 0;
    if (snapshotProblem !== undefined) {
      damaged.push(files.snapshot);
      logger.warn(`crawl state ${files.snapshot} is corrupt (${snapshotProblem}): rebuilt from ${result.files} archive files; the damaged file is kept aside`);
    } else if (rebuilt) {
      logger.info(`no crawl state found in ${outDir}: rebuilt it from ${result.files} archive files`);
    }
  }

  const journalText = await readOptional(files.journal);
  if (journalText === undefined || journalText === '') return { state, needsCompaction: rebuilt, damaged };
  const journal = parseJournal(journalText);
  if (journal.corruptLine !== undefined) {
    const detail = `line ${journal.corruptLine} is not a valid event`;
    // The files still hold every article; only what the journal added to URL states is lost.
    if (!rebuilt) {
      const result = await rebuildStateFromFiles(outDir, { logger, urls: state.urls });
      if (result.files === 0) throw new StateCorruptError(files.journal, `${detail}. ${HOW_TO_RESET}`);
      state = result.state;
    }
    damaged.push(files.journal);
    logger.warn(`crawl journal ${files.journal} is corrupt (${detail}): article state rebuilt from the archive files; the damaged file is kept aside`);
    return { state, needsCompaction: true, damaged };
  }
  for (const event of journal.events) applyEvent(state, event);
  if (journal.tornTail) {
    logger.warn(`ignored an incomplete last line in ${files.journal} (left by a crash during a write)`);
  }
  return { state, needsCompaction: true, damaged };
}

/** Writes the whole state atomically to the snapshot file. */
export async function writeSnapshot(outDir: string, state: CrawlState): Promise<void> {
  await writeAtomic(stateFiles(outDir).snapshot, `${JSON.stringify(toSnapshot(state), null, 1)}\n`);
}

/** Moves a damaged state file aside (`<file>.corrupt-<time>`), so that no evidence is lost. */
export async function setAside(file: string, nowMs: number): Promise<string> {
  const target = `${file}.corrupt-${new Date(nowMs).toISOString().replace(/:/g, '-')}`;
  try {
    await rename(file, target);
  } catch (error) {
    if (!isMissing(error)) throw new ArchiveWriteError(file, error);
  }
  return target;
}

const HOW_TO_RESET = 'Restore it from a backup, or remove the .state folder to start afresh (the next crawl then fetches every page again)';

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new StateCorruptError(file, `cannot be read (${(error as Error).message})`, error);
  }
}
