/**
 * A fake Clock for HTTP tests: time moves only when a sleep or the test moves it, and every sleep is
 * recorded, so a test asserts the waits it asked for instead of waiting them.
 * - `auto`: every sleep advances the time at once and resolves (backoff, Retry-After).
 * - `manual`: sleeps stay pending until `advance()` reaches them (pauses arriving mid-sleep, aborts).
 */
import type { Clock } from '../../../src/clock.js';

export interface FakeClock extends Clock {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[];
  /** Sleeps still pending (manual mode). */
  readonly pendingSleeps: number;
  /** Moves the time forward, waking the sleeps that are due (manual mode), then lets promises settle. */
  advance(ms: number): Promise<void>;
}

/** A fixed, unremarkable instant: 1 June 2024, 10:00 UTC. */
export const START_MS = Date.parse('2024-06-01T10:00:00Z');

interface Sleeper {
  readonly at: number;
  readonly wake: () => void;
}

/** A fake clock starting at START_MS. */
export function createFakeClock(mode: 'auto' | 'manual' = 'auto'): FakeClock {
  let now = START_MS;
  const sleeps: number[] = [];
  let sleepers: Sleeper[] = [];
  return {
    sleeps,
    get pendingSleeps() {
      return sleepers.length;
    },
    now: () => now,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      sleeps.push(ms);
      if (mode === 'auto') {
        now += Math.max(0, ms);
        return Promise.resolve();
      }
      return new Promise((resolve, reject) => {
        const sleeper: Sleeper = { at: now + ms, wake: () => resolve() };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => {
          sleepers = sleepers.filter((s) => s !== sleeper);
          reject(signal.reason);
        }, { once: true });
      });
    },
    async advance(ms) {
      now += ms;
      const due = sleepers.filter((s) => s.at <= now);
      sleepers = sleepers.filter((s) => s.at > now);
      for (const sleeper of due) sleeper.wake();
      await settle();
    },
  };
}

/** Lets every pending promise callback run (a few macrotask turns). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
