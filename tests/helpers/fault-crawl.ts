/**
 * Runs the real CLI entry point (`main` of src/cli.ts) in the test process, as the fault and
 * security suites need: a virtual clock (backoff and Retry-After cost nothing), a guard dispatcher
 * (only the test server may be contacted), and a bound on how long a crawl may take.
 */
import { Writable } from 'node:stream';
import { main } from '../../src/cli.js';
import { createVirtualClock, type VirtualClock } from './fault-clock.js';
import { createGuardDispatcher, type GuardDispatcher } from './fault-guard.js';

export interface InProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A generous bound: a crawl that has not ended by then is hung, whatever the machine. */
export const CRAWL_BOUND_MS = 90_000;

/** A stream that keeps what is written to it. */
export function collectingStream(): Writable & { text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return Object.assign(stream, { text: () => text });
}

/** What every in-process crawl of one test server shares: its clock and its guard. */
export interface CrawlRig {
  readonly clock: VirtualClock;
  readonly guard: GuardDispatcher;
  /** `beauvais-archive <args>` in this process; rejects if it does not end within `boundMs` (default CRAWL_BOUND_MS). */
  run(args: readonly string[], boundMs?: number): Promise<InProcessResult>;
  close(): Promise<void>;
}

/** A rig for crawls of the server at `origin`. */
export function createCrawlRig(origin: string): CrawlRig {
  const clock = createVirtualClock();
  const guard = createGuardDispatcher(origin);
  // A signal that never aborts: without one, the crawl would install SIGINT handlers in the test worker.
  const signal = new AbortController().signal;
  return {
    clock,
    guard,
    async run(args, boundMs = CRAWL_BOUND_MS) {
      const stdout = collectingStream();
      const stderr = collectingStream();
      const running = main(['node', 'beauvais-archive', ...args], { stdout, stderr, clock, dispatcher: guard.dispatcher, signal });
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the crawl did not end within ${boundMs} ms; stderr:\n${stderr.text()}`)), boundMs);
      });
      try {
        const code = await Promise.race([running, bound]);
        return { code, stdout: stdout.text(), stderr: stderr.text() };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => guard.close(),
  };
}
