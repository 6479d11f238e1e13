/** Small numeric and formatting helpers of the benchmark. */

/**
 * The median of some numbers (NaN for none).
 * @param {readonly number[]} values
 */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

/**
 * A number with a few significant digits, thousands unseparated ("1234", "12.3", "0.123").
 * @param {number} value
 */
export function fmt(value) {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : value.toFixed(3);
}

/** @param {number} ms */
export const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${fmt(ms)} ms`);

/** @param {number} kb resident set size in kilobytes (what getrusage reports) */
export const fmtMb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

/** @param {number} ratio */
export const fmtRatio = (ratio) => `${fmt(ratio)}×`;

/** @param {number} share in [0, 1] */
export const fmtPercent = (share) => `${(share * 100).toFixed(1)} %`;

/** Runs the garbage collector between measured passes when node has --expose-gc. */
export function collectGarbage() {
  const gc = /** @type {(() => void) | undefined} */ (/** @type {any} */ (globalThis).gc);
  if (gc) gc();
}
