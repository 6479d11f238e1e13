/** Time, injected: the crawler never reads the wall clock or sleeps directly, so tests control both. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds, or early (rejecting) when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

import { setTimeout as delay } from 'node:timers/promises';

/** The real clock. */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal) => delay(ms, undefined, signal ? { signal } : undefined),
});
