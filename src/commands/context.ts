/** What a command receives from the CLI: its streams, clock and network, so tests can supply their own. */
import type { Dispatcher } from 'undici';
import type { Clock } from '../clock.js';

export interface CommandContext {
  /** Data only (JSON, NDJSON, CSV, Markdown). */
  readonly stdout: NodeJS.WritableStream;
  /** Logs, progress and the summary. */
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly clock: Clock;
  /** The undici dispatcher all requests go through (a MockAgent in tests); created by the command if absent. */
  readonly dispatcher?: Dispatcher | undefined;
  /** Aborts on SIGINT/SIGTERM; the reason is the signal name. */
  readonly signal?: AbortSignal | undefined;
}

/** Writes a chunk and waits for the stream to accept it (back-pressure on a slow pipe). */
export function writeOut(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(chunk, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else stream.once('drain', () => resolve());
  });
}
