/**
 * Politeness and concurrency, kept apart: the request gate spaces request STARTS to the one host
 * (a minimum gap, robots Crawl-delay, host-wide pauses after 429/503), while the scheduler caps
 * how many page tasks run at once. All state lives in the objects these factories return.
 */
import pLimit from 'p-limit';
import type { Clock } from '../clock.js';

/** Paces the requests to one host. */
export interface RequestGate {
  /** Resolves when this request may start: FIFO, at least the minimum gap after the previous start, and not during a pause. Rejects with the signal's reason if it aborts first. */
  waitTurn(signal?: AbortSignal): Promise<void>;
  /** Raises the minimum gap between starts to `ms` if larger (a robots Crawl-delay never lowers the user's delay). */
  setMinGap(ms: number): void;
  /** Host-wide backoff: no request starts before now + `ms` (429/503 concern the whole server). */
  pause(ms: number): void;
  /** The current minimum gap, in milliseconds. */
  readonly minGapMs: number;
}

/** Options of a request gate. */
export interface RequestGateOptions {
  readonly minGapMs: number;
  readonly clock: Clock;
}

/** A request gate for one host; with a gap of 0 and no pause it never sleeps. */
export function createRequestGate(options: RequestGateOptions): RequestGate {
  const { clock } = options;
  let minGapMs = Math.max(0, options.minGapMs);
  /** Earliest start of the next request, set by the previous start. */
  let nextStartAt = -Infinity;
  let pausedUntil = -Infinity;
  /** Settles when the last waiter in line has had its turn: a chain that keeps the line FIFO. */
  let lineEnd: Promise<void> = Promise.resolve();

  async function takeTurn(ahead: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
    await untilOrAbort(ahead, signal);
    // A pause may arrive while we sleep, so look again after every sleep.
    for (let wait = waitMs(); wait > 0; wait = waitMs()) await clock.sleep(wait, signal);
    nextStartAt = clock.now() + minGapMs;
  }
  const waitMs = () => Math.max(nextStartAt, pausedUntil) - clock.now();

  return {
    waitTurn(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const ahead = lineEnd;
      let done!: () => void;
      lineEnd = new Promise((resolve) => (done = resolve));
      // Whatever happens to this waiter, the one behind it still waits for those ahead of both.
      return takeTurn(ahead, signal).finally(() => void ahead.then(done));
    },
    setMinGap(ms) {
      minGapMs = Math.max(minGapMs, ms);
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
    get minGapMs() {
      return minGapMs;
    },
  };
}

/** Resolves with `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilOrAbort(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Runs page tasks with bounded concurrency. */
export interface Scheduler {
  /** Runs `task` when a slot is free; rejects with an AbortError if the queue is cleared first. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly activeCount: number;
  /** Tasks waiting for a slot. */
  readonly pendingCount: number;
  /** Drops every waiting task (SIGINT): running ones finish, waiting ones reject. */
  clearQueue(): void;
}

/** A scheduler running at most `concurrency` tasks at once (p-limit underneath). */
export function createScheduler(options: { readonly concurrency: number }): Scheduler {
  // rejectOnClear: a cleared task must settle, or whoever awaits it (Promise.all) hangs forever.
  const limit = pLimit({ concurrency: options.concurrency, rejectOnClear: true });
  return {
    run: (task) => limit(task),
    get activeCount() {
      return limit.activeCount;
    },
    get pendingCount() {
      return limit.pendingCount;
    },
    clearQueue: () => limit.clearQueue(),
  };
}
