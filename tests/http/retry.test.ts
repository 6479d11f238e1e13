import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from '../../src/http/retry.js';

const NOW = Date.parse('2015-10-21T07:28:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 7 ', 7_000],
    ['Wed, 21 Oct 2015 07:28:30 GMT', 30_000],
    ['Wednesday, 21-Oct-15 07:29:00 GMT', 60_000],
    ['Wed Oct 21 07:28:10 2015', 10_000],
    ['Wed, 21 Oct 2015 07:00:00 GMT', 0],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
  ])('%j → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('is undefined without a header', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it.each([
    [0, 0.5, 250],
    [1, 0.5, 500],
    [2, 0.5, 1_000],
    [10, 0.5, 15_000],
    [3, 0, 0],
  ])('attempt %i with random %f → %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, () => random)).toBe(expected);
  });

  it('stays below the ceiling of each attempt', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      expect(backoffDelay(attempt, () => 0.999_999)).toBeLessThan(Math.min(30_000, 500 * 2 ** attempt));
    }
  });
});

describe('retryDelay', () => {
  it('prefers the server Retry-After to the backoff', () => {
    expect(retryDelay(0, 9_000, () => 0.5)).toBe(9_000);
  });

  it('caps the server Retry-After', () => {
    expect(retryDelay(0, 3_600_000, () => 0.5)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('falls back to the backoff', () => {
    expect(retryDelay(1, undefined, () => 0.5)).toBe(500);
  });
});
