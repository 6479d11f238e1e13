/** The logger every stage receives: it writes to stderr only, stdout is for data. */
export type LogLevel = 'quiet' | 'normal' | 'verbose';

export interface Logger {
  /** Always shown, even with --quiet. */
  error(message: string): void;
  /** Shown unless --quiet. */
  warn(message: string): void;
  info(message: string): void;
  /** Shown only with --verbose (every request). */
  debug(message: string): void;
}

/** A logger writing plain lines to a stream (stderr in the CLI). */
export function createLogger(level: LogLevel, write: (line: string) => void): Logger {
  const shown = rank(level);
  const at = (min: LogLevel, prefix: string) => (message: string) => {
    if (shown >= rank(min)) write(`${prefix}${message}\n`);
  };
  return { error: at('quiet', 'error: '), warn: at('normal', 'warning: '), info: at('normal', ''), debug: at('verbose', '') };
}

/** A logger that drops everything (library use, tests). */
export const silentLogger: Logger = Object.freeze({ error() {}, warn() {}, info() {}, debug() {} });

function rank(level: LogLevel): number {
  return level === 'quiet' ? 0 : level === 'normal' ? 1 : 2;
}
