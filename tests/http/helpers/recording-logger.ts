/** A Logger that keeps its lines, so a test can check what was reported at which level. */
import type { Logger } from '../../../src/log.js';

export interface RecordingLogger extends Logger {
  readonly lines: { readonly level: keyof Logger; readonly message: string }[];
}

/** A logger recording every line. */
export function createRecordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const record = (level: keyof Logger) => (message: string) => void lines.push({ level, message });
  return { lines, error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
}
