/**
 * The append-only journal of state events (`<out>/.state/journal.ndjson`): one JSON line per event,
 * appended with a single write of the complete line, so recording a page costs the same whatever the
 * size of the archive. A crash can only tear the last line (or leave zeros after it on some file
 * systems); that line is ignored on load. A bad line anywhere else is corruption, never skipped.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { ArchiveWriteError } from '../errors.js';
import { parseEvent, type StateEvent } from './state.js';

/** The events of a journal text, whether its last line was torn, and the first corrupt line if any. */
export interface ParsedJournal {
  readonly events: readonly StateEvent[];
  /** The last line was incomplete or unreadable: the trace of a crash during an append. */
  readonly tornTail: boolean;
  /** 1-based number of an unreadable line that is not the last one. */
  readonly corruptLine?: number | undefined;
}

/** An open journal file. */
export interface Journal {
  /** Appends one event as one complete line. */
  append(event: StateEvent): Promise<void>;
  /** Empties the journal (after its events went into a snapshot). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The events of a journal's text (torn last line tolerated, corrupt middle line reported). */
export function parseJournal(text: string): ParsedJournal {
  const lines = text.split('\n');
  // A complete journal ends with "\n": the last piece is then empty. Anything else was torn.
  const last = lines.pop() ?? '';
  let tornTail = last.replace(/\0/g, '').trim() !== '';
  const events: StateEvent[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      events.push(parseEvent(line));
    } catch {
      // A complete but unreadable final line: zeros or garbage from a crash, same as a torn one.
      if (index === lines.length - 1 && !tornTail) {
        tornTail = true;
        continue;
      }
      return { events, tornTail, corruptLine: index + 1 };
    }
  }
  return { events, tornTail };
}

/** The line an event is written as. */
export function renderJournalLine(event: StateEvent): string {
  // JSON.stringify escapes "\n" inside strings, so one event is always exactly one line.
  return `${JSON.stringify(event)}\n`;
}

/** Opens (creating) a journal file for appending. */
export async function openJournal(file: string): Promise<Journal> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'a');
  } catch (error) {
    throw new ArchiveWriteError(file, error);
  }
  const guard = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      throw new ArchiveWriteError(file, error);
    }
  };
  return {
    append: (event) => guard(() => handle.appendFile(renderJournalLine(event), 'utf8')),
    // O_APPEND: after the truncation, the next append goes to offset 0.
    reset: () => guard(() => handle.truncate(0)),
    close: () => guard(() => handle.close()),
  };
}
