/** Exit codes, mapped in this one place (documented in the README). */
import { UsageError } from './errors.js';

export const ExitCode = {
  /** Everything went well. */
  ok: 0,
  /** Fatal: nothing could be done (site unreachable, archive unwritable, lock held). */
  fatal: 1,
  /** Usage error: a bad option or argument. */
  usage: 2,
  /** Finished, but some pages failed (or, for `extract`, the page is not an article). */
  partial: 3,
  /** Interrupted by SIGINT (128 + 2) or SIGTERM (128 + 15). */
  sigint: 130,
  sigterm: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The exit code for an error that escaped a command: a usage error is 2; anything else (a held lock,
 * an unwritable archive, a corrupt state, a bug) is fatal. Bad pages never escape: they are counted.
 */
export function exitCodeFor(error: unknown): ExitCode {
  return error instanceof UsageError ? ExitCode.usage : ExitCode.fatal;
}
