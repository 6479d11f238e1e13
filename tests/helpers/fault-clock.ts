/**
 * A virtual clock for whole crawls run in the test process: it reads the real time plus an offset,
 * and a sleep (backoff, Retry-After, a host-wide pause) moves the offset forward instead of waiting.
 * The server's fault hook reads the same clock, so "the retry came at least N seconds after the 429"
 * is checked on the crawl's own timeline without the test sleeping for it. Timeouts stay real: they
 * are undici's and fetch-once's own timers, which is what a hanging server must run into.
 */
import type { Clock } from '../../src/clock.js';

export interface VirtualClock extends Clock {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[];
}

/** A clock where sleeping costs one turn of the event loop and jumps the time to the end of the sleep. */
export function createVirtualClock(): VirtualClock {
  let offset = 0;
  const sleeps: number[] = [];
  const now = () => Date.now() + offset;
  return {
    sleeps,
    now,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      sleeps.push(ms);
      const wakeAt = now() + Math.max(0, ms);
      return new Promise((resolve, reject) => {
        setImmediate(() => {
          // Several tasks sleeping at once wake at their own ends: the time moves to the latest, not their sum.
          offset = Math.max(offset, wakeAt - Date.now());
          if (signal?.aborted) reject(signal.reason);
          else resolve();
        });
      });
    },
  };
}
