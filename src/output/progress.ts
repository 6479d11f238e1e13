/**
 * What the crawl shows on stderr: a progress bar (cli-progress) when stderr is a terminal, plain log
 * lines otherwise (cron mails, CI logs). Log lines printed while the bar is up go above it.
 */
import cliProgress from 'cli-progress';
import type { Clock } from '../clock.js';
import { createLogger, type Logger, type LogLevel } from '../log.js';

export interface Progress {
  readonly logger: Logger;
  /** Pages done out of pages known so far, and failures. */
  update(done: number, known: number, failed: number): void;
  /** Removes the bar; later lines print plainly. */
  stop(): void;
}

/** A progress display for `stream`: a bar only on a TTY and unless --quiet; `clock` times the rate. */
export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, level: LogLevel, clock: Clock): Progress {
  if (!stream.isTTY || level === 'quiet') {
    const logger = createLogger(level, (line) => stream.write(line));
    return { logger, update() {}, stop() {} };
  }
  const multibar = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: 'crawl [{bar}] {value}/{total} pages | {rate} pages/s | {failed} failed',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const startedAt = clock.now();
  const bar = multibar.create(1, 0, { rate: '0.0', failed: 0 });
  let active = true;
  const logger = createLogger(level, (line) => (active ? multibar.log(line) : stream.write(line)));
  return {
    logger,
    update(done, known, failed) {
      if (!active) return;
      const seconds = Math.max((clock.now() - startedAt) / 1000, 0.001);
      bar.setTotal(Math.max(known, 1));
      bar.update(done, { rate: (done / seconds).toFixed(1), failed });
    },
    stop() {
      if (!active) return;
      active = false;
      multibar.stop();
    },
  };
}
