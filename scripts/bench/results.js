/**
 * One line of the benchmark's findings: a measured figure, optionally with a target it passes or
 * fails. Parts return these; the report prints them.
 */

/**
 * @typedef {object} Row
 * @property {string} part    "a".."e"
 * @property {string} measure what was measured
 * @property {string} value   the figure, formatted
 * @property {string} target  the target ("" for information only)
 * @property {'PASS' | 'FAIL' | 'SKIP' | ''} result
 */

/**
 * A figure with no target.
 * @param {string} part @param {string} measure @param {string} value
 * @returns {Row}
 */
export function info(part, measure, value) {
  return { part, measure, value, target: '', result: '' };
}

/**
 * A figure judged against its target.
 * @param {string} part @param {string} measure @param {string} value @param {string} target @param {boolean} pass
 * @returns {Row}
 */
export function judged(part, measure, value, target, pass) {
  return { part, measure, value, target, result: pass ? 'PASS' : 'FAIL' };
}

/**
 * A part (or a side of it) that could not run, with why.
 * @param {string} part @param {string} measure @param {string} why
 * @returns {Row}
 */
export function skipped(part, measure, why) {
  return { part, measure, value: why, target: '', result: 'SKIP' };
}
